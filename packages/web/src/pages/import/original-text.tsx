import { useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import type { Finding, Severity } from '../../api/types';
import type { TextLine } from './import-types';

/**
 * The report as the readers read it: headings, paragraphs and table rows in order. Lines a finding points at
 * carry a bar in its severity's colour; the chosen finding's lines are marked and scrolled to, with the passage
 * it quotes (or the cell it names) marked inside them.
 */

/** The lines a finding concerns: its block (and table row) where it names one, else where its quote is printed. */
export function findingLines(lines: readonly TextLine[], finding: Finding): number[] {
  const at = finding.location;
  const out: number[] = [];
  if (at?.block !== undefined) {
    lines.forEach((line, i) => {
      if (line.block === at.block && (at.row === undefined || line.kind !== 'row' || line.row === at.row)) out.push(i);
    });
    if (out.length > 0) return out;
  }
  const quote = finding.quote?.trim();
  if (quote) {
    const i = lines.findIndex((line) => line.text.includes(quote));
    if (i >= 0) out.push(i);
  }
  return out;
}

const BAR: Readonly<Record<Severity, string>> = { error: '#ff4d4f', warning: '#faad14', info: '#bfbfbf' };
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function marked(text: string, quote: string | undefined): ReactNode {
  const at = quote ? text.indexOf(quote) : -1;
  if (!quote || at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark className="jx-quote" style={{ background: '#ffe58f', padding: 0 }}>
        {quote}
      </mark>
      {text.slice(at + quote.length)}
    </>
  );
}

export function OriginalText({
  lines,
  findings,
  selected,
  choice,
  onSelectLine,
}: {
  readonly lines: readonly TextLine[];
  readonly findings: readonly Finding[];
  readonly selected: Finding | undefined;
  /** Changes on every choice of a finding, the same one again included. */
  readonly choice: number;
  readonly onSelectLine: (line: TextLine) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const severityOf = useMemo(() => {
    const worst = new Map<number, Severity>();
    for (const f of findings) {
      for (const i of findingLines(lines, f)) {
        const had = worst.get(i);
        if (!had || RANK[f.severity] < RANK[had]) worst.set(i, f.severity);
      }
    }
    return worst;
  }, [lines, findings]);
  const chosen = useMemo(() => new Set(selected ? findingLines(lines, selected) : []), [lines, selected]);
  const quote = selected?.quote?.trim() || undefined;
  const column = selected?.location?.column;

  useEffect(() => {
    const box = container.current;
    const first = box?.querySelector<HTMLElement>('[data-chosen="true"]');
    if (!box || !first) return;
    // Scroll the text pane, not the page, to the passage; then bring the pane itself into view if it is not.
    box.scrollTo({ top: Math.max(0, first.offsetTop - box.clientHeight / 3) });
    const rect = box.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) box.scrollIntoView({ block: 'nearest' });
  }, [chosen, choice]);

  return (
    <div ref={container} data-testid="original-text" aria-label="报告原文" role="region" tabIndex={0} style={{ position: 'relative', maxHeight: '70vh', overflowY: 'auto', padding: '8px 12px', lineHeight: 1.7 }}>
      {lines.map((line, i) => {
        const severity = severityOf.get(i);
        const isChosen = chosen.has(i);
        const style: React.CSSProperties = {
          padding: '2px 6px',
          borderInlineStart: `3px solid ${severity ? BAR[severity] : 'transparent'}`,
          cursor: severity ? 'pointer' : undefined,
          ...(line.kind === 'heading' ? { fontWeight: 600, marginTop: 6 } : {}),
          ...(isChosen ? { background: '#fffbe6' } : {}),
        };
        const body =
          line.kind === 'row' && line.cells ? (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 0 }}>
              {line.cells.map((cell, c) => (
                <span key={c} style={{ border: '1px solid #f0f0f0', padding: '0 6px', whiteSpace: 'pre-wrap', ...(isChosen && column === c ? { background: '#ffe58f' } : {}) }}>
                  {isChosen ? marked(cell, quote) : cell}
                </span>
              ))}
            </div>
          ) : (
            <span style={{ whiteSpace: 'pre-wrap' }}>{isChosen ? marked(line.text, quote) : line.text}</span>
          );
        return (
          <div
            key={i}
            data-block={line.block}
            data-row={line.row}
            data-chosen={isChosen ? 'true' : undefined}
            className={isChosen ? 'jx-highlight' : undefined}
            style={style}
            onClick={severity ? () => onSelectLine(line) : undefined}
          >
            {line.page !== undefined && (i === 0 || lines[i - 1]?.page !== line.page) && <div className="jx-sub">第 {line.page} 页</div>}
            {body}
          </div>
        );
      })}
    </div>
  );
}
