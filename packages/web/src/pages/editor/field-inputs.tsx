import { Input } from 'antd';
import type { CSSProperties } from 'react';
import type { Json } from './json-path';

/** The server's reading of a decimal (schema/evaluation-file.ts): "4280.31", never "4,280.31" or "4280.31万元". */
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text.trim());
}

export type Update = (path: string, value: Json | undefined) => void;

/**
 * A decimal field (金额 in 万元, 分值, 得分, 执行率 in percent points), kept as the text typed: a JS number would
 * change what was written. Blank removes the field (the format's "blank cell is an absent field"); text that is
 * not a decimal is marked here and reported by the server's check with its path.
 */
export function DecimalInput({ value, path, label, onChange, style }: { readonly value: Json | undefined; readonly path: string; readonly label: string; readonly onChange: Update; readonly style?: CSSProperties }) {
  const text = value === undefined || value === null ? '' : String(value);
  const bad = text !== '' && !isDecimal(text);
  return (
    <Input
      size="small"
      inputMode="decimal"
      aria-label={label}
      aria-invalid={bad || undefined}
      status={bad ? 'error' : undefined}
      title={bad ? '应为十进制数字，如 4280.31（不带单位和千分位）' : undefined}
      value={text}
      style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', ...style }}
      onChange={(e) => onChange(path, e.target.value.trim() === '' ? undefined : e.target.value.trim())}
    />
  );
}

/** A text field; blank removes an optional field, `required` ones stay as "" (the format needs them). */
export function TextInput({ value, path, label, onChange, required, multiline, placeholder }: { readonly value: Json | undefined; readonly path: string; readonly label: string; readonly onChange: Update; readonly required?: boolean; readonly multiline?: boolean; readonly placeholder?: string }) {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const set = (next: string) => onChange(path, next === '' && !required ? undefined : next);
  return multiline ? (
    <Input.TextArea size="small" aria-label={label} value={text} placeholder={placeholder} autoSize={{ minRows: 1, maxRows: 6 }} onChange={(e) => set(e.target.value)} />
  ) : (
    <Input size="small" aria-label={label} value={text} placeholder={placeholder} onChange={(e) => set(e.target.value)} />
  );
}

/** A visible label above its input (the label element itself, so clicking the words focuses the field). */
export const FIELD_STYLE: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4 };
