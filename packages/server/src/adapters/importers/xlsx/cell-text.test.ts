import { describe, expect, it } from 'vitest';
import { formatDate, formatGeneral, formatNumber, readCellValue, serialToDate } from './cell-text';

describe('formatNumber', () => {
  it.each([
    [4280.31, undefined, '4280.31'],
    [4280.31, 'General', '4280.31'],
    [0.1 + 0.2, 'General', '0.3'],
    [394, '0.00', '394.00'],
    [4280.305, '0.00', '4280.31'],
    [1.005, '0.00', '1.01'],
    [9.995, '0.00', '10.00'],
    [2.5, '0', '3'],
    [-2.5, '0', '-3'],
    [-0.001, '0.00', '0.00'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [1234567.891, '#,##0', '1,234,568'],
    [0.9849, '0.00%', '98.49%'],
    [0.98485, '0.00%', '98.49%'],
    [394 / 400.03, '0.00%', '98.49%'],
    [1, '0%', '100%'],
    [0.005, '0.0%', '0.5%'],
    [0.5, '#.00', '.50'],
    [1.5, '0.0#', '1.5'],
    [1.256, '0.0#', '1.26'],
    [1234.5, '0.00"万元"', '1234.50万元'],
    [1234.5, '¥#,##0.00', '¥1,234.50'],
    [1234.5, '[$¥-804]#,##0.00', '¥1,234.50'],
    [-1234.5, '#,##0.00_);[Red](#,##0.00)', '(1,234.50)'],
    [1234.5, '#,##0.00_);[Red](#,##0.00)', '1,234.50'],
    [-5, '"¥"0.00', '-¥5.00'],
    [0, '#,##0.00;-#,##0.00;"-"', '-'],
    [1234567, '#,##0,', '1,235'],
    [12345.678, '0.00E+00', '1.23E+04'],
    [0.000123, '0.0E+00', '1.2E-04'],
    [4280.31, '@', '4280.31'],
    [10, '[DBNum1][$-804]General', '10'],
    [1.5, '# ?/?', '1.5'],
    [44926, 'yyyy"年"m"月"d"日"', '2022-12-31'],
    [44926.5, 'yyyy-mm-dd hh:mm', '2022-12-31 12:00'],
    [0.75, 'h:mm', '18:00'],
  ])('%s in %s → %s', (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });

  it('reads serial days in the 1904 date system', () => {
    expect(formatNumber(43464, 'yyyy-mm-dd', true)).toBe('2022-12-31');
    expect(formatDate(serialToDate(44926, false))).toBe('2022-12-31');
  });
});

describe('formatGeneral', () => {
  it.each([
    [0, '0'],
    [-0.25, '-0.25'],
    [123456789012345, '123456789012345'],
    [1.23456789012346e18, '1.23456789012346E+18'],
    [1.5e-10, '1.5E-10'],
    [100, '100'],
    [Number.NaN, 'NaN'],
  ])('%s → %s', (value, text) => {
    expect(formatGeneral(value)).toBe(text);
  });
});

describe('readCellValue', () => {
  it('reads the value shapes exceljs produces', () => {
    expect(readCellValue({ formula: 'B5/C5', result: 0.9849 }, '0.00%', false)).toEqual({ text: '98.49%', formulaWithoutResult: false });
    expect(readCellValue({ sharedFormula: 'D5', result: 364 }, undefined, false)).toEqual({ text: '364', formulaWithoutResult: false });
    expect(readCellValue({ formula: 'B5/C5' }, undefined, false)).toEqual({ text: '', formulaWithoutResult: true });
    expect(readCellValue({ formula: '1/0', result: { error: '#DIV/0!' } }, undefined, false).text).toBe('#DIV/0!');
    expect(readCellValue({ text: { richText: [{ text: '链' }, { text: '接' }] }, hyperlink: 'https://x' }, undefined, false).text).toBe('链接');
    expect(readCellValue('第一行\r\n第二行　', undefined, false).text).toBe('第一行\n第二行');
    expect(readCellValue(new Date(Date.UTC(2023, 5, 30)), 'mm-dd-yy', false).text).toBe('2023-06-30');
    expect(readCellValue(false, undefined, false).text).toBe('FALSE');
    expect(readCellValue({ unexpected: 1 }, undefined, false).text).toBe('');
    expect(readCellValue(null, '0.00', false).text).toBe('');
  });
});
