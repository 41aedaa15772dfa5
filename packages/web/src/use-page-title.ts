import { useEffect } from 'react';

/** The document title for a page: "工作台 · 绩效自评" (what a screen reader announces and a tab shows). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · 绩效自评` : '绩效自评 · Jixiao';
  }, [title]);
}
