import { describe, expect, it } from 'vitest';
import type { FileAudit } from '../app/audit-file';
import { auditToHtml, auditToJson, auditToText, countBySeverity, escapeHtml, locationText } from './audit-presenter';

const hostile = `<script>alert("x")</script> & 'quoted'`;

const audits: FileAudit[] = [
  {
    file: 'a.txt',
    unit: '某单位',
    year: 2024,
    findings: [
      { rule: 'audit.sum', severity: 'error', message: `合计不符：1 + 2 = 3，报告称 4 ${hostile}`, location: { file: 'a.txt', page: 3, path: 'funds.rows[0]' }, quote: `原文 ${hostile}` },
      { rule: 'audit.rate', severity: 'warning', message: '执行率有误', location: { file: 'other.txt', path: 'funds.rows[1]' } },
      { rule: 'audit.note', severity: 'info', message: '舍入差异' },
    ],
    checks: [
      { rule: 'audit.sum', description: `1 + 2 = 3 ${hostile}`, outcome: 'error' },
      { rule: 'audit.rate', description: '5 ÷ 10 = 50%', outcome: 'ok' },
    ],
  },
  { file: '<b>.json', findings: [], checks: [] },
];

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes, and nothing else', () => {
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('执行率 96.45% ÷ ✓')).toBe('执行率 96.45% ÷ ✓');
  });
});

describe('audit presenter', () => {
  it('counts by severity and shows locations other than the audited file', () => {
    expect(countBySeverity(audits[0]?.findings ?? [])).toEqual({ error: 1, warning: 1, info: 1 });
    const [sum, rate, note] = audits[0]?.findings ?? [];
    expect(locationText(sum!, 'a.txt')).toBe('第 3 页，funds.rows[0]');
    expect(locationText(rate!, 'a.txt')).toBe('other.txt，funds.rows[1]');
    expect(locationText(note!, 'a.txt')).toBe('');
  });

  it('JSON: one entry per file, every finding located at least by its file', () => {
    const out = auditToJson(audits) as { file: string; findings: { location: unknown; quote?: string }[]; checks: unknown[] }[];
    expect(out.map((a) => a.file)).toEqual(['a.txt', '<b>.json']);
    expect(out[0]?.findings.map((f) => f.location)).toEqual([{ file: 'a.txt', page: 3, path: 'funds.rows[0]' }, { file: 'other.txt', path: 'funds.rows[1]' }, { file: 'a.txt' }]);
    expect(out[0]?.findings[0]?.quote).toBe(`原文 ${hostile}`);
    expect(out[0]?.checks).toHaveLength(2);
  });

  it('text: a header per file, findings grouped by severity, counts at the end', () => {
    const text = auditToText(audits);
    expect(text.split('\n')).toEqual([
      '━━ a.txt（某单位 · 2024 年度）',
      '   错误 1 项，警告 1 项，提示 1 项；核对 2 项，1 项不符',
      '错误（1）',
      `  [错误] 合计不符：1 + 2 = 3，报告称 4 ${hostile}（第 3 页，funds.rows[0]）  〔audit.sum〕`,
      `      原文：“原文 ${hostile}”`,
      '警告（1）',
      '  [警告] 执行率有误（other.txt，funds.rows[1]）  〔audit.rate〕',
      '提示（1）',
      '  [提示] 舍入差异  〔audit.note〕',
      '',
      '━━ <b>.json',
      '   错误 0 项，警告 0 项，提示 0 项；核对 0 项',
      '   未发现问题。',
      '',
      '共 2 个文件：错误 1 项，警告 1 项，提示 1 项；核对 2 项，1 项不符',
    ]);
  });

  it('HTML: one printable page, every piece of user text escaped, no scripts or external resources', () => {
    const html = auditToHtml(audits);
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|url\(|@import/i);
    expect(html).not.toContain(hostile);
    expect(html).not.toContain('<b>');
    expect(html.match(/&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;quoted&#39;/g)).toHaveLength(3); // message, quote, check
    expect(html).toContain('<h2>某单位 · 2024 年度</h2>\n<p class="path">a.txt</p>');
    expect(html).toContain('<h2>&lt;b&gt;.json</h2>');
    expect(html).toContain('<li class="error">错误 1 项</li><li class="warning">警告 1 项</li><li class="info">提示 1 项</li>');
    expect(html).toContain('<td class="sev">错误</td><td class="rule">audit.sum</td>');
    expect(html).toContain('<td class="where">第 3 页，funds.rows[0]</td>');
    expect(html).toContain('<details open><summary>核对清单（核对 2 项，1 项不符）</summary>');
    expect(html).toContain('<li class="ok"><span class="mark">✓</span>5 ÷ 10 = 50% <code>audit.rate</code></li>');
    expect(html).toContain('<span class="mark">✗ 错误</span>');
    expect(html).toContain('<p class="clean">未发现问题。</p>');
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toMatch(/tr, li \{ break-inside: avoid; page-break-inside: avoid; \}/);
  });
});
