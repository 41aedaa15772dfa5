import { createContext, useContext } from 'react';
import type { HTMLAttributes } from 'react';

/** The field path the user asked to see (by clicking a finding or a comment); null when none. */
export const HighlightContext = createContext<string | null>(null);

/**
 * Attributes that make an element findable by its field path and highlighted while it is the target. The
 * element takes focus programmatically (tabIndex -1), so that a keyboard user lands where the finding points.
 */
export function useFieldProps(): (path: string, className?: string) => HTMLAttributes<HTMLElement> {
  const target = useContext(HighlightContext);
  return (path, className) => {
    const classes = [className, target === path ? 'jx-highlight' : undefined].filter(Boolean).join(' ');
    return { 'data-path': path, tabIndex: -1, ...(classes ? { className: classes } : {}) } as HTMLAttributes<HTMLElement>;
  };
}
