import type { Check, Finding, Severity } from '@jixiao/core';
import type { FileAudit } from '../app/audit-file';
import { SEVERITY_LABEL } from './severity-label';

/**
 * Presents audits: text for a terminal (findings grouped by severity, then counts), JSON for programs, and
 * one self-contained printable HTML page (inline CSS, no scripts, no external resources) for people who
 * read on paper.
 */

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Readonly<Record<Severity, number>>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function countsText(c: SeverityCounts): string {
  return SEVERITIES.map((s) => `${SEVERITY_LABEL[s]} ${c[s]} 项`).join('，');
}

/** Where a finding points, for people: the file (when it is not the audited one), page, field path. */
export function locationText(f: Finding, auditedFile: string): string {
  const l = f.location;
  if (!l) return '';
  const parts = [l.file && l.file !== auditedFile ? l.file : undefined, l.page ? `第 ${l.page} 页` : undefined, l.path].filter(Boolean);
  return parts.join('，');
}

function heading(a: FileAudit): string | undefined {
  const parts = [a.unit, a.year ? `${a.year} 年度` : undefined].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

function checksText(checks: readonly Check[]): string {
  const failed = checks.filter((c) => c.outcome !== 'ok').length;
  return `核对 ${checks.length} 项${failed ? `，${failed} 项不符` : checks.length ? '，均相符' : ''}`;
}

// ---------------------------------------------------------------- JSON

export function auditToJson(audits: readonly FileAudit[]): unknown {
  return audits.map((a) => ({
    file: a.file,
    ...(a.unit ? { unit: a.unit } : {}),
    ...(a.year ? { year: a.year } : {}),
    findings: a.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      location: { file: a.file, ...f.location },
      ...(f.quote ? { quote: f.quote } : {}),
    })),
    checks: a.checks.map((c) => ({ rule: c.rule, description: c.description, outcome: c.outcome })),
  }));
}

// ---------------------------------------------------------------- text

export function auditToText(audits: readonly FileAudit[]): string {
  const out: string[] = [];
  for (const a of audits) {
    const head = heading(a);
    out.push(`━━ ${a.file}${head ? `（${head}）` : ''}`);
    out.push(`   ${countsText(countBySeverity(a.findings))}；${checksText(a.checks)}`);
    if (a.findings.length === 0) out.push('   未发现问题。');
    for (const s of SEVERITIES) {
      const group = a.findings.filter((f) => f.severity === s);
      if (group.length === 0) continue;
      out.push(`${SEVERITY_LABEL[s]}（${group.length}）`);
      for (const f of group) {
        const where = locationText(f, a.file);
        out.push(`  [${SEVERITY_LABEL[s]}] ${f.message}${where ? `（${where}）` : ''}  〔${f.rule}〕`);
        if (f.quote) out.push(`      原文：“${f.quote}”`);
      }
    }
    out.push('');
  }
  const all = countBySeverity(audits.flatMap((a) => a.findings));
  out.push(`共 ${audits.length} 个文件：${countsText(all)}；${checksText(audits.flatMap((a) => a.checks))}`);
  return out.join('\n');
}

// ---------------------------------------------------------------- HTML

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimSun", sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; font-size: 14px; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 0 0 .25rem; }
.overall { margin: 0 0 1.5rem; }
section.file { border-top: 2px solid #111; padding-top: .75rem; margin-bottom: 2rem; }
.path { color: #444; font-size: .85rem; margin: 0 0 .5rem; word-break: break-all; }
.summary { list-style: none; padding: 0; margin: .5rem 0; display: flex; gap: 1.5rem; }
.summary li { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #999; padding: .3rem .4rem; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #111; }
td.sev { white-space: nowrap; font-weight: bold; }
tr.error td.sev { color: #b00020; }
tr.warning td.sev { color: #8a5a00; }
tr.info td.sev { color: #333; font-weight: normal; }
td.rule, td.where { font-size: .8rem; word-break: break-all; }
td.rule { font-family: ui-monospace, Menlo, Consolas, monospace; }
.clean { font-weight: bold; }
details { margin: .5rem 0; }
summary { cursor: pointer; font-weight: bold; }
ol.checks { margin: .5rem 0; padding-left: 1.5rem; }
ol.checks li { margin: .15rem 0; }
.mark { display: inline-block; width: 3.5em; font-weight: bold; }
li.bad .mark { color: #b00020; }
code { font-size: .8rem; color: #444; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  section.file { break-before: page; page-break-before: always; }
  section.file:first-of-type { break-before: auto; page-break-before: auto; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  summary { list-style: none; }
  summary::-webkit-details-marker { display: none; }
}
`;

function findingRow(f: Finding, auditedFile: string): string {
  const cells = [
    `<td class="sev">${escapeHtml(SEVERITY_LABEL[f.severity])}</td>`,
    `<td class="rule">${escapeHtml(f.rule)}</td>`,
    `<td>${escapeHtml(f.message)}</td>`,
    `<td class="where">${escapeHtml(locationText(f, auditedFile))}</td>`,
    `<td>${f.quote ? escapeHtml(f.quote) : ''}</td>`,
  ];
  return `<tr class="${f.severity}">${cells.join('')}</tr>`;
}

function checkItem(c: Check): string {
  const ok = c.outcome === 'ok';
  const mark = ok ? '✓' : `✗ ${SEVERITY_LABEL[c.outcome as Severity]}`;
  return `<li class="${ok ? 'ok' : 'bad'}"><span class="mark">${escapeHtml(mark)}</span>${escapeHtml(c.description)} <code>${escapeHtml(c.rule)}</code></li>`;
}

function fileSection(a: FileAudit): string {
  const counts = countBySeverity(a.findings);
  const head = heading(a);
  const out: string[] = ['<section class="file">'];
  out.push(`<h2>${escapeHtml(head ?? a.file)}</h2>`);
  if (head) out.push(`<p class="path">${escapeHtml(a.file)}</p>`);
  out.push(`<ul class="summary">${SEVERITIES.map((s) => `<li class="${s}">${escapeHtml(SEVERITY_LABEL[s])} ${counts[s]} 项</li>`).join('')}<li>${escapeHtml(checksText(a.checks))}</li></ul>`);
  if (a.findings.length === 0) {
    out.push('<p class="clean">未发现问题。</p>');
  } else {
    out.push('<table class="findings">');
    out.push('<thead><tr><th>严重程度</th><th>规则</th><th>说明</th><th>位置</th><th>原文</th></tr></thead>');
    out.push(`<tbody>\n${a.findings.map((f) => findingRow(f, a.file)).join('\n')}\n</tbody>`);
    out.push('</table>');
  }
  if (a.checks.length) {
    out.push(`<details open><summary>核对清单（${escapeHtml(checksText(a.checks))}）</summary>`);
    out.push(`<ol class="checks">\n${a.checks.map(checkItem).join('\n')}\n</ol>`);
    out.push('</details>');
  }
  out.push('</section>');
  return out.join('\n');
}

export function auditToHtml(audits: readonly FileAudit[]): string {
  const all = countBySeverity(audits.flatMap((a) => a.findings));
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>绩效自评报告审查结果</title>',
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>绩效自评报告审查结果</h1>',
    `<p class="overall">共 ${audits.length} 个文件：${escapeHtml(countsText(all))}</p>`,
    '</header>',
    '<main>',
    ...audits.map(fileSection),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
