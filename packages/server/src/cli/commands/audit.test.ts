import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { fixturePath } from '../../../test/seed-fixtures';
import { runCli } from '../../../test/run-cli';

const seeds = fileURLToPath(new URL('../../../demo', import.meta.url));
const seed000 = `${seeds}/000_f9e1903535bc2e24.txt`;
const seed004 = `${seeds}/004_cbe60655ee86d378.txt`;

interface AuditJson {
  file: string;
  unit?: string;
  year?: number;
  findings: { rule: string; severity: 'error' | 'warning' | 'info'; message: string; location: { file?: string; page?: number; path?: string }; quote?: string }[];
  checks: { rule: string; description: string; outcome: string }[];
}

/** A small project evaluation whose figures agree: 9.5 ÷ 10 = 95%, 10 × 95% = 9.5 分, all targets met at full score. */
const clean = JSON.stringify({
  kind: 'project',
  year: 2024,
  title: '某项目',
  unit: { name: '某单位' },
  frameworkId: 'hunan-standard',
  funds: { rows: [{ line: 'total', label: '年度资金总额', annualBudget: '10', executed: '9.5', weight: '10', statedRate: '95', statedScore: '9.5', note: '结余 0.5 万元为政府采购节约资金' }] },
  goals: [{ planned: '完成培训 100 人次', achieved: '完成培训 120 人次' }],
  indicators: [
    { level1: '产出指标', level2: '数量指标', name: '培训人次', targetText: '≥100人次', actualText: '120人次', weight: '50', score: '50' },
    { level1: '效益指标', level2: '社会效益指标', name: '培训合格率', targetText: '≥90%', actualText: '95%', weight: '30', score: '30' },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '学员满意度', targetText: '≥90%', actualText: '96%', weight: '10', score: '10' },
  ],
  stated: { total: '99.5' },
  sections: [],
});

describe('jixiao audit', () => {
  it('audits every file of a directory, one entry per file with its findings and checks', async () => {
    const r = await runCli(['audit', seeds, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as AuditJson[];
    expect(out.map((a) => a.file.split('/').pop())).toEqual([
      '000_f9e1903535bc2e24.txt',
      '001_89c0cb00bebb9dcf.txt',
      '002_e2faa60e7ec703ad.txt',
      '003_3601ec7874285035.txt',
      '004_cbe60655ee86d378.txt',
      'README.md',
    ]);
    for (const a of out) {
      expect(Array.isArray(a.findings)).toBe(true);
      expect(Array.isArray(a.checks)).toBe(true);
      for (const f of a.findings) {
        expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'message', 'location']));
        expect(f.location.file).toBeDefined();
      }
    }
    expect(out[4]).toMatchObject({ unit: '岳阳市人民代表大会常务委员会', year: 2022 });
    // The README is no report: its import findings stand in for an audit, and nothing was checked.
    expect(out[5]?.findings.some((f) => f.severity === 'error' && /^(import|extract)\./.test(f.rule))).toBe(true);
    expect(out[5]?.checks).toEqual([]);
    // Errors come first.
    const order = { error: 0, warning: 1, info: 2 };
    for (const a of out) expect(a.findings.map((f) => order[f.severity])).toEqual([...a.findings.map((f) => order[f.severity])].sort());
  });

  it('finds the execution rate that contradicts the amounts in seed 000, imported from its text', async () => {
    const r = await runCli(['audit', seed000, '--format', 'json']);
    const [a] = JSON.parse(r.stdout) as AuditJson[];
    const conflict = a?.findings.find((f) => f.rule === 'audit.execution-rate');
    expect(conflict?.severity).toBe('error');
    expect(conflict?.message).toContain('14877.44 ÷ 15424.89 = 96.45%');
    expect(conflict?.location).toMatchObject({ file: seed000, path: 'funds.rows[0]' });
  });

  it('audits an evaluation file (.json) the same way', async () => {
    const r = await runCli(['audit', fixturePath('000'), '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as AuditJson[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ file: fixturePath('000'), unit: '湖南省人大常委会办公厅', year: 2024 });
    expect(out[0]?.findings.find((f) => f.rule === 'audit.execution-rate')?.message).toContain('14877.44 ÷ 15424.89 = 96.45%');
  });

  it('audits jixiao import output with the figures stated in its prose', async () => {
    const imported = await runCli(['import', seed000]);
    const r = await runCli(['audit', 'import.json', '--format', 'json'], { 'import.json': imported.stdout });
    const out = JSON.parse(r.stdout) as AuditJson[];
    expect(out.map((a) => a.file)).toEqual([`import.json › ${seed000}`]);
    expect(out[0]?.findings.some((f) => f.rule === 'audit.execution-rate')).toBe(true);
    const direct = JSON.parse((await runCli(['audit', seed000, '--format', 'json'])).stdout) as AuditJson[];
    // Same report, same audit, whether imported on the way or read from the import output.
    expect(out[0]?.checks).toEqual(direct[0]?.checks);
    expect(out[0]?.findings.map((f) => f.message)).toEqual(direct[0]?.findings.map((f) => f.message));
  });

  it('--fail-on error exits 1 on seed 000 and 0 on a clean evaluation; without it, 0', async () => {
    expect((await runCli(['audit', seed000, '--fail-on', 'error'])).code).toBe(1);
    expect((await runCli(['audit', seed000])).code).toBe(0);
    const ok = await runCli(['audit', 'clean.json', '--fail-on', 'error', '--format', 'json'], { 'clean.json': clean });
    expect(JSON.parse(ok.stdout)[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(ok.code).toBe(0);
    expect((await runCli(['audit', seed000, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('prints text grouped by severity, with locations and counts', async () => {
    const r = await runCli(['audit', seed000, seed004]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`━━ ${seed000}（湖南省人大常委会办公厅 · 2024 年度）`);
    expect(r.stdout).toMatch(/^错误（\d+）$/m);
    expect(r.stdout).toContain('[错误] 财政拨款执行率：14877.44 ÷ 15424.89 = 96.45%，报告称 92.56%');
    expect(r.stdout).toContain('（funds.rows[0]）  〔audit.execution-rate〕');
    expect(r.stdout).toMatch(/共 2 个文件：错误 \d+ 项，警告 \d+ 项，提示 \d+ 项/);
  });

  it('renders one self-contained HTML page, escaping what the files say', async () => {
    const hostile = JSON.stringify({ ...JSON.parse(clean), title: '<script>alert("x")</script> & \'项目\'', frameworkId: '<b>nope</b>' });
    const r = await runCli(['audit', seed000, 'hostile.json', '--format', 'html'], { 'hostile.json': hostile });
    const html = r.stdout;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<!doctype html>/gi)).toHaveLength(1);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>绩效自评报告审查结果</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=|@import|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;项目&#39;');
    expect(html).toContain('&lt;b&gt;nope&lt;/b&gt;');
    expect(html).toContain('<th>严重程度</th><th>规则</th><th>说明</th><th>位置</th><th>原文</th>');
    expect(html).toContain('湖南省人大常委会办公厅 · 2024 年度');
    expect(html).toContain('14877.44 ÷ 15424.89 = 96.45%');
    expect(html).toContain('@page { size: A4');
  });

  it('writes to --out instead of the screen', async () => {
    const r = await runCli(['audit', fixturePath('000'), '--format', 'html', '--out', 'report.html']);
    expect(r.stdout).toBe('');
    expect(r.written['report.html']).toMatch(/^<!doctype html>/);
    expect(r.stderr).toContain('审查结果已写入 report.html');
  });

  it('reports a file that is not JSON, or not an evaluation, as a finding without stopping the batch', async () => {
    const r = await runCli(['audit', 'in', '--format', 'json'], { 'in/a.json': '{ oops', 'in/b.json': '{"kind":"project"}', 'in/c.json': clean });
    const out = JSON.parse(r.stdout) as AuditJson[];
    expect(out.map((a) => [a.file, a.findings[0]?.rule])).toEqual([
      ['in/a.json', 'audit.not-json'],
      ['in/b.json', 'audit.bad-evaluation-file'],
      ['in/c.json', out[2]?.findings[0]?.rule],
    ]);
    expect(out[0]?.findings[0]?.message).toContain('in/a.json 不是有效的 JSON（第 1 行第 3 列）');
  });

  it('refuses a missing path and bad options with exit 2 and a Chinese message', async () => {
    const missing = await runCli(['audit', '/nonexistent/report.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取 /nonexistent/report.txt：文件或目录不存在');
    expect((await runCli(['audit', seed000, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['audit', seed000, '--fail-on', 'info'])).code).toBe(2);
    expect((await runCli(['audit', seed000, '--jobs', '0'])).code).toBe(2);
  });
});
