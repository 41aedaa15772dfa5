import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK_ID, FRAMEWORKS, auditReport, dec, extractReport, findFramework, scoreEvaluation } from '@jixiao/core';
import type { BasicData, CostLine, Decimal, Evaluation, Framework, TableBlock } from '@jixiao/core';
import { renderDocx } from '../src/adapters/generators/docx/render-docx';
import { readDocx } from '../src/adapters/importers/docx/read-docx';
import { DEFAULT_LIMITS } from '../src/adapters/importers/limits';
import { importDocument } from '../src/app/import-document';
import { decodeEvaluationFile } from '../src/schema/evaluation-codec';
import { compareEvaluation } from './compare-evaluations';
import type { FieldResult } from './compare-evaluations';
import { SEEDS, loadSeed } from './seed-fixtures';
import type { Seed } from './seed-fixtures';

// Acceptance: rendering each seed fixture to .docx and importing the bytes back gives the fixture again, field
// by field — every fund row, indicator row, score and amount (compare-evaluations.ts), and beyond that every
// figure of the 基础数据表, the 年度总体目标 and the 填表 footer.

function frameworkOf(evaluations: readonly Evaluation[]): Framework {
  const id = evaluations[0]?.frameworkId ?? DEFAULT_FRAMEWORK_ID;
  const framework = findFramework(id);
  if (!framework) throw new Error(`no framework ${id}`);
  return framework;
}

async function roundTrip(evaluations: readonly Evaluation[]): Promise<{ bytes: Uint8Array; imported: Evaluation[] }> {
  const bytes = await renderDocx(evaluations, frameworkOf(evaluations));
  const result = await importDocument(bytes, 'x.docx', { docx: readDocx }, DEFAULT_LIMITS);
  expect(result.ok, result.error).toBe(true);
  const decoded = decodeEvaluationFile([result]);
  if (!decoded.ok) throw new Error(decoded.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return { bytes, imported: decoded.evaluations };
}

const squeeze = (s: string | undefined) => (s ?? '').replace(/[\s\u3000]+/g, '');
const text = (v: { toString(): string } | undefined) => (v === undefined ? '' : v.toString());

/** The fields compare-evaluations.ts leaves out: 基础数据表 figures, goals, the unit's 填表 footer and names. */
function compareMore(gold: Evaluation, got: Evaluation | undefined, prefix: string): FieldResult[] {
  const out: FieldResult[] = [];
  const field = (name: string, a: string, b: string) => out.push({ field: `${prefix}.${name}`, gold: a, got: b, ok: a === b });
  for (const key of ['contact', 'phone', 'filledDate', 'supervisor', 'implementer'] as const) {
    if (gold.unit[key] !== undefined) field(`unit.${key}`, gold.unit[key] ?? '', got?.unit[key] ?? '');
  }
  gold.goals.forEach((g, i) => {
    field(`goals[${i}].planned`, squeeze(g.planned), squeeze(got?.goals[i]?.planned));
    field(`goals[${i}].achieved`, squeeze(g.achieved), squeeze(got?.goals[i]?.achieved));
  });
  gold.indicators.forEach((ind, i) => {
    if (ind.deviationReason) field(`indicators[${i}].deviationReason`, squeeze(ind.deviationReason), squeeze(got?.indicators[i]?.deviationReason));
  });
  gold.funds.forEach((row) => {
    if (row.note) field(`funds.${row.line}.note`, squeeze(row.note), squeeze(got?.funds.find((r) => r.line === row.line)?.note));
  });
  const b = gold.basicData;
  const g = got?.basicData;
  if (b) {
    const staff = b.staff;
    if (staff?.quota !== undefined) field('basicData.staff.quota', String(staff.quota), String(g?.staff?.quota ?? ''));
    if (staff?.actual !== undefined) field('basicData.staff.actual', String(staff.actual), String(g?.staff?.actual ?? ''));
    if (staff?.statedControlRate !== undefined) field('basicData.staff.statedControlRate', text(staff.statedControlRate), text(g?.staff?.statedControlRate));
    const line = (name: string, a: CostLine | undefined, c: CostLine | undefined) => {
      if (!a) return;
      field(`basicData.${name}.label`, squeeze(a.label), squeeze(c?.label));
      for (const col of ['priorActual', 'budget', 'actual'] as const) if (a[col] !== undefined) field(`basicData.${name}.${col}`, text(a[col]), text(c?.[col]));
    };
    const tp = b.threePublic;
    for (const key of ['total', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'overseas', 'reception'] as const) line(`threePublic.${key}`, tp?.[key], g?.threePublic?.[key]);
    for (const group of ['projects', 'publicExpense'] as const) {
      const a: BasicData[typeof group] = b[group];
      if (!a) continue;
      line(`${group}.total`, a.total, g?.[group]?.total);
      a.items.forEach((item, i) => line(`${group}.items[${i}]`, item, g?.[group]?.items[i]));
      field(`basicData.${group}.items.length`, String(a.items.length), String(g?.[group]?.items.length ?? ''));
    }
    line('procurement', b.procurement, g?.procurement);
    line('basicBudgetAdjustment', b.basicBudgetAdjustment, g?.basicBudgetAdjustment);
    if (b.savingMeasures) field('basicData.savingMeasures', squeeze(b.savingMeasures), squeeze(g?.savingMeasures));
  }
  return out;
}

// Every field of every seed round-trips, so nothing is excluded: figures that seed 000 states only in its prose
// (基本支出 9765.34 万元 …) are fund rows of the evaluation, and the 部门整体支出绩效自评表 prints them as rows.

describe.each(SEEDS)('render → import round trip of seed %s', (seed: Seed) => {
  it('gives the fixture back field by field', async () => {
    const gold = loadSeed(seed);
    const { imported } = await roundTrip(gold);
    expect(imported.length).toBe(gold.length);
    const results = gold.flatMap((g, i) => {
      const got = imported.find((e) => e.kind === g.kind && squeeze(e.title) === squeeze(g.title)) ?? imported[i];
      const prefix = `${seed}/${g.title}`;
      return [...compareEvaluation(g, got, prefix), ...compareMore(g, got, prefix)];
    });
    // A report must state its grade: where the unit stated none (seed 003), the rendered report states the grade
    // the framework's bands give, and that one field comes back filled.
    const mismatches = results.filter((r) => !r.ok && !(r.field.endsWith('.stated.grade') && r.gold === '' && r.got !== ''));
    process.stdout.write(`seed ${seed}: ${results.length} fields compared, ${mismatches.length} mismatches\n`);
    expect(mismatches).toEqual([]);
  });
});

describe('the 项目支出绩效自评表 of seed 004 in the .docx grid', () => {
  it('merges the 绩效指标 label over the header and indicator rows, and each 一级 over its rows', async () => {
    const gold = loadSeed('004');
    const bytes = await renderDocx(gold, frameworkOf(gold));
    const doc = await readDocx(bytes, 'x.docx', DEFAULT_LIMITS);
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    const project = tables.find((t) => t.rows.some((r) => r.some((c) => c.text === '项目支出名称')));
    expect(project).toBeDefined();
    const cells = project?.rows.flat() ?? [];
    const first = gold.find((e) => e.kind === 'project');
    const indicators = first?.indicators ?? [];
    const label = cells.find((c) => c.text === '绩效指标');
    expect(label?.rowSpan).toBe(indicators.length + 1);
    const output = cells.find((c) => c.text === '产出指标（50分）');
    expect(output?.rowSpan).toBe(indicators.filter((i) => i.level1 === '产出指标').length);
    const benefit = cells.find((c) => c.text === '效益指标（30分）');
    expect(benefit?.rowSpan).toBe(indicators.filter((i) => i.level1 === '效益指标').length);
    const quantity = cells.find((c) => c.text === '数量指标');
    expect(quantity?.rowSpan).toBe(indicators.filter((i) => i.level2 === '数量指标').length);
    const funds = cells.find((c) => c.text === '项目资金（万元）');
    expect(funds?.rowSpan).toBe(1 + (first?.funds.length ?? 0));
    const goals = cells.find((c) => c.text === '年度总体目标');
    expect(goals?.rowSpan).toBe(2);
    expect(cells.find((c) => c.text === '总分')?.colSpan).toBe(6);
  });
});

describe('a report written where the evaluation has no text of its own', () => {
  it('prints every outline heading and states the computed scores in the form the importer reads back', async () => {
    const department = loadSeed('004').find((e) => e.kind === 'department');
    if (!department) throw new Error('seed 004 has a 部门整体 evaluation');
    const framework = frameworkOf([department]);
    // No sections, and no stated total or grade: the report has to generate 六 from the scores.
    const bare: Evaluation = { ...department, sections: [], stated: { ...(department.stated.levels ? { levels: department.stated.levels } : {}) } };
    const result = scoreEvaluation(bare, framework);
    const { bytes, imported } = await roundTrip([bare]);
    const doc = await readDocx(bytes, 'x.docx', DEFAULT_LIMITS);
    const texts = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.numbering ?? ''}${b.text}`] : b.kind === 'paragraph' ? [b.text] : []));

    const headings = framework.outline.map((o) => texts.indexOf(o.heading));
    expect(headings.every((i) => i >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);

    const execution = result.execution;
    if (!execution?.computed) throw new Error('seed 004 scores its execution');
    const deduction = (w: Decimal, s: Decimal) => (w.minus(s).isZero() ? '未扣分' : `扣${w.minus(s).toString()}分`);
    expect(texts).toContain(`（一）预算执行率（分值${execution.weight}分，得${execution.computed}分，${deduction(execution.weight, execution.computed)}）`);
    expect(texts).toContain('年度资金总额全年预算数4280.31万元，全年执行数4280.31万元，执行率100%，年初预算数2811.69万元。');
    result.levels.forEach((level, i) => {
      expect(texts).toContain(`（${['二', '三', '四'][i]}）${level.level1}（分值${level.weight}分，得${level.computed}分，${deduction(level.weight, level.computed)}）`);
    });
    const first = result.levels[0]?.groups[0]?.indicators[0];
    const row = bare.indicators[first?.index ?? 0];
    expect(texts.some((t) => t.startsWith(`${row?.name}，年度指标值：${row?.target.text}，实际完成值：${row?.actual.text}，分值${first?.weight}分，得分${first?.computed}分`))).toBe(true);

    // Read back, the generated report is the evaluation's statement of its total, grade and execution score.
    const got = imported[0];
    expect(got?.stated.total?.toString()).toBe(result.total.toString());
    expect(got?.stated.grade).toBe(result.grade);
    expect(got?.stated.execution?.score?.toString()).toBe(execution.computed.toString());
    // And the tables still give back every other figure (the total and grade are the report's, checked above).
    expect(compareEvaluation(bare, got, 'bare').filter((r) => !r.ok && !/stated\.(total|grade)$/.test(r.field))).toEqual([]);
  });
});

describe('tables without a report', () => {
  it('renders 项目支出绩效自评表 alone, unnumbered, and reads them back', async () => {
    const projects = loadSeed('004').filter((e) => e.kind === 'project');
    const { bytes, imported } = await roundTrip(projects);
    expect(imported.length).toBe(projects.length);
    const results = projects.flatMap((g, i) => [...compareEvaluation(g, imported[i], g.title), ...compareMore(g, imported[i], g.title)]);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const doc = await readDocx(bytes, 'x.docx', DEFAULT_LIMITS);
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && /^附件/.test(b.text))).toBe(false);
  });

  it('keeps a note in a fund row whose every column is filled', async () => {
    const [project] = loadSeed('004').filter((e) => e.title === '运行维护经费');
    if (!project) throw new Error('seed 004 has 运行维护经费');
    const funds = project.funds.map((f) => (f.note ? { ...f, weight: dec('0'), statedRate: dec('98.37'), statedScore: dec('0') } : f));
    const noted: Evaluation = { ...project, funds };
    const { imported } = await roundTrip([noted]);
    const results = [...compareEvaluation(noted, imported[0], 'noted'), ...compareMore(noted, imported[0], 'noted')];
    expect(results.filter((r) => r.field.includes('currentAppropriation')).length).toBe(7);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });
});

describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))('rendering by framework %s', (_id, framework) => {
  it('lays out every seed, with its text or with generated text, into a document the importer reads', async () => {
    for (const seed of SEEDS) {
      for (const evaluations of [loadSeed(seed), loadSeed(seed).map((e) => ({ ...e, sections: [], stated: {} }))]) {
        const bytes = await renderDocx(evaluations, framework);
        const result = await importDocument(bytes, 'x.docx', { docx: readDocx }, DEFAULT_LIMITS);
        expect(result.ok, `${seed}: ${result.error}`).toBe(true);
        expect(result.report?.evaluations.length).toBe(evaluations.length);
      }
    }
  });
});

describe('figures the generated report states about its own data', () => {
  it('writes shares and year-on-year changes that the auditor, reading them back, finds consistent', async () => {
    // Seed 004 without its narrative: section 二 is generated from the fund rows and the 基础数据表.
    const [department, ...projects] = loadSeed('004');
    if (!department) throw new Error('fixture');
    const bare = { ...department, sections: [] };
    const framework = findFramework('hunan-standard') as Framework;
    const bytes = await renderDocx([bare, ...projects], framework);
    const doc = await readDocx(bytes, 'generated.docx', DEFAULT_LIMITS);
    const text = doc.blocks.map((b) => (b.kind === 'table' ? '' : b.text)).join('\n');
    // 2731.71 / (2731.71 + 1496.7) = 64.60%; 70.3 − 67.03 = 3.27, 3.27 / 67.03 = 4.88%.
    expect(text).toContain('基本支出与项目支出合计4228.41万元，其中基本支出2731.71万元，占64.60%；项目支出1496.7万元，占35.40%。');
    expect(text).toContain('“三公”经费决算70.3万元，较上年67.03万元增加3.27万元，增长4.88%。');
    const report = extractReport(doc);
    const audit = auditReport({ evaluations: report.evaluations, statements: report.statements, frameworkOf: () => framework });
    const stated = audit.checks.filter((c) => c.rule === 'audit.shares' || c.rule === 'audit.year-on-year');
    expect(stated.length).toBeGreaterThanOrEqual(4);
    expect(stated.filter((c) => c.outcome !== 'ok')).toEqual([]);
  });
});

describe('the score lines of 六', () => {
  it('are added after a unit’s own 六 narrative that lacks them (seed 004), and not repeated where present (seed 001)', async () => {
    const text = async (seed: Seed) => {
      const evaluations = loadSeed(seed);
      const bytes = await renderDocx(evaluations, findFramework(evaluations[0]?.frameworkId ?? DEFAULT_FRAMEWORK_ID) as Framework);
      const doc = await readDocx(bytes, 'r.docx', DEFAULT_LIMITS);
      return doc.blocks.map((b) => (b.kind === 'table' ? '' : `${b.kind === 'heading' ? (b.numbering ?? '') : ''}${b.text}`)).join('\n');
    };
    const yueyang = await text('004');
    // 4280.31 ÷ 4280.31 = 100% → 10 points; 产出 50, 效益 30, 满意度 10: all full.
    expect(yueyang).toContain('预算执行率（分值10分，得10分，未扣分）');
    expect(yueyang).toContain('产出指标（分值50分，得50分，未扣分）');
    const office = await text('001');
    expect(office.match(/预算执行率（分值10分/g)).toHaveLength(1);
  });
});
