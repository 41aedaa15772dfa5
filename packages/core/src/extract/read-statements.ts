import type { Decimal } from '../money/decimal';
import { parseAmount } from '../money/amount';
import { parsePercent } from '../money/percent';
import { normalizeNumericText } from '../money/normalize-digits';
import type { DocumentBlock } from '../document/document-model';
import type { SourceRef } from '../model/source-ref';

/**
 * Every amount (万元, 元) and percentage a report states in its prose, with the words before it as its
 * label: what the auditor recomputes ("总收入 15880.27 万元，较上年度 14464.73 万元增加 1056.91 万元，增长 7.31%").
 */
export interface Statement {
  /** The words before the figure, back to the previous figure or punctuation, e.g. "部门预算总收入". */
  readonly label: string;
  /** 万元 for amounts (元 converted), percent points for percentages. */
  readonly value: Decimal;
  readonly unit: 'wanyuan' | 'percent';
  /** As printed: "万元", "元" or "%". */
  readonly printedUnit: '万元' | '元' | '%';
  /** Decimal places as printed: the precision the auditor judges it to. */
  readonly places: number;
  /** Index of the sentence (split at 。 and ；) within its block: figures of one sentence belong together. */
  readonly sentence: number;
  /** The figure as printed, e.g. "15880.27 万元". */
  readonly text: string;
  readonly location: SourceRef;
}

const FIGURE = /(-?\d[\d,]*(?:\.\d+)?)\s*(万元|元|%)/g;

export function readStatements(blocks: readonly DocumentBlock[], file: string): Statement[] {
  const out: Statement[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    const text = normalizeNumericText(b.kind === 'heading' ? `${b.numbering ?? ''}${b.text}` : b.text);
    let last = 0;
    for (const m of text.matchAll(FIGURE)) {
      if (m.index === undefined || !m[1] || !m[2]) continue;
      const before = text.slice(last, m.index);
      const label = (before.split(/[。；，,：:、（）()]/).pop() ?? '').trim();
      last = m.index + m[0].length;
      const location: SourceRef = { ...b.source, file, start: (b.source.start ?? 0) + m.index, end: (b.source.start ?? 0) + last };
      const sentence = (text.slice(0, m.index).match(/[。；;]/g) ?? []).length;
      if (m[2] === '%') {
        const p = parsePercent(`${m[1]}%`);
        if (p) out.push({ label, value: p.value, unit: 'percent', printedUnit: '%', places: p.places, text: m[0], location, sentence });
        continue;
      }
      const a = parseAmount(`${m[1]}${m[2]}`);
      if (a.ok && a.amount.wanyuan) {
        out.push({ label, value: a.amount.wanyuan, unit: 'wanyuan', printedUnit: m[2] === '元' ? '元' : '万元', places: a.amount.places, text: m[0], location, sentence });
      }
    }
  }
  return out;
}
