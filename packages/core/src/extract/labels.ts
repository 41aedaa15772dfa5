import { normalizeNumericText } from '../money/normalize-digits';

/**
 * Table labels are printed broken over lines and padded ("项目支\n出名称", "年度预\n\n算申请\n（万元）",
 * "产出 指标"): comparing their squeezed forms finds them.
 */
export function squeeze(text: string): string {
  return normalizeNumericText(text).replace(/[\s\u3000]+/g, '');
}

/** Whether a squeezed label contains any of the words. */
export function hasLabel(text: string, ...words: string[]): boolean {
  const s = squeeze(text);
  return words.some((w) => s.includes(w));
}

/** Splits "产出指标(50分)" / "预算编审管理（3）" into the name and the weight printed beside it. */
export function nameAndWeight(text: string): { name: string; weight?: string } {
  const s = squeeze(text);
  const m = /^(.*?)[（(](\d+(?:\.\d+)?)\s*分?[）)]$/.exec(s);
  if (m?.[1] !== undefined && m[2] !== undefined) return { name: m[1], weight: m[2] };
  return { name: s };
}

/** A plain decimal in a cell ("8", "12.5", "2,092.38", a full-width-padded "10"), or undefined. */
export function cellNumber(text: string): string | undefined {
  const s = squeeze(text).replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? s.replace(/^(-?)0+(?=\d)/, '$1') : undefined;
}

/** A percentage in a cell ("100%", "98.49 %"), as percent points, or undefined. */
export function cellPercent(text: string): string | undefined {
  const s = squeeze(text);
  const m = /^(-?\d+(?:\.\d+)?)%$/.exec(s);
  return m?.[1];
}

/** Text of a cell as a value: trimmed, line breaks kept, padding gone. */
export function cellText(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}
