import { Decimal, HUNDRED, ZERO } from '../../money/decimal';
import { formatPercent, ratePercent } from '../../money/percent';
import { roundHalfAwayFromZero } from '../../money/rounding';
import { cite } from '../../frameworks/sources';
import type { Evaluation, FundLine, FundRow } from '../../model/evaluation';
import type { CostLine } from '../../model/basic-data';
import type { Statement } from '../../extract/read-statements';
import type { AuditRule } from '../audit-rule';
import { RuleRecorder } from '../audit-rule';
import { agreement, surelyWrong } from '../tolerance';
import { fundRowRate } from '../../scoring/score-execution';
import { memoize } from '../memo';
import { extend } from '../../scoring/extend';
import type { Agreement } from '../tolerance';

/**
 * Arithmetic: figures that should follow from other figures of the same report. Each comparison is judged
 * to the precision the figure was printed with: an exact match is `ok`, a rounding-level difference is
 * `info`, anything more is an error (or a warning where the report may be using another scope).
 */

const OUTCOME: Readonly<Record<Agreement, 'ok' | 'info' | 'error'>> = { exact: 'ok', rounding: 'info', wrong: 'error' };
const fmt = (d: Decimal) => d.toString();
const sum = (xs: readonly Decimal[]) => xs.reduce((a, b) => a.plus(b), ZERO);
const who = (e: Evaluation) => (e.kind === 'project' ? `【${e.title}】` : '');
/** Amounts are printed to 2 places in the tables; a Decimal keeps no trailing zeros, so take at least 2. */
const placesOfAmount = (d: Decimal) => Math.max(2, d.decimalPlaces());
const fromTable = (...rows: (FundRow | undefined)[]) => rows.every((r) => r?.source?.row !== undefined);

const executionRate: AuditRule = {
  id: 'audit.execution-rate',
  title: '执行率与预算数、执行数不符',
  severity: 'error',
  sources: [cite('S-PMKPI', 'C', 'exe_amt_rate = year_exe_amt / cur_amt'), cite('SEED-000', 'S', '14877.44 ÷ 15424.89 = 96.45%，报告称 92.56%')],
  check: (input) => {
    const rec = new RuleRecorder('audit.execution-rate');
    for (const e of input.evaluations) {
      for (const [index, row] of e.funds.entries()) {
        if (!row.statedRate || !row.executed || !row.annualBudget || row.annualBudget.isZero()) continue;
        const exact = fundRowRate(row) as Decimal;
        const places = row.statedRate.decimalPlaces();
        const a = agreement(row.statedRate, exact, places);
        // On the scored row, say what the contradiction is worth: W × rate either way (linear rule).
        const w = row.weight;
        const worth =
          a === 'wrong' && w
            ? `；按报告所称执行率计 ${roundHalfAwayFromZero(w.mul(Decimal.min(row.statedRate, HUNDRED)).div(HUNDRED), 2)} 分，按金额计应为 ${roundHalfAwayFromZero(w.mul(Decimal.min(exact, HUNDRED)).div(HUNDRED), 2)} 分`
            : '';
        rec.record(
          OUTCOME[a],
          `${who(e)}${row.label}执行率：${fmt(row.executed)} ÷ ${fmt(row.annualBudget)} = ${formatPercent(exact)}，报告称 ${formatPercent(row.statedRate, places)}${a === 'rounding' ? '（舍入差异）' : ''}${worth}`,
          extend(row.source, { path: `funds.rows[${index}]` }),
        );
      }
    }
    return rec.result();
  },
};

const executionOver100: AuditRule = {
  id: 'audit.execution-over-100',
  title: '执行数超过预算数（预算编制准确性）',
  severity: 'warning',
  sources: [cite('JIXIAO', 'I', '执行率超过 100% 说明预算编制偏离实际'), cite('SEED-003', 'S', '2575.66 ÷ 2092.38 = 123.10%')],
  check: (input) => {
    const rec = new RuleRecorder('audit.execution-over-100');
    for (const e of input.evaluations) {
      for (const row of e.funds) {
        if (!row.executed || !row.annualBudget || row.annualBudget.isZero()) continue;
        const rate = fundRowRate(row) as Decimal;
        const words = `${who(e)}${row.label}：执行 ${fmt(row.executed)} ÷ 预算 ${fmt(row.annualBudget)} = ${formatPercent(rate)}`;
        rec.record(rate.gt(HUNDRED) ? 'warning' : 'ok', rate.gt(HUNDRED) ? `${words}，超过 100%，预算编制的准确性值得关注` : words, row.source);
      }
    }
    return rec.result();
  },
};

function find(e: Evaluation, line: FundLine): FundRow | undefined {
  return e.funds.find((r) => r.line === line);
}

/** Compares a total with the sum of its parts, column by column. */
function compareParts(rec: RuleRecorder, e: Evaluation, total: FundRow | undefined, parts: (FundRow | undefined)[], column: 'annualBudget' | 'executed' | 'initialBudget', what: string) {
  const present = parts.filter((p): p is FundRow => p?.[column] !== undefined);
  const t = total?.[column];
  if (!t || present.length < 2) return;
  const s = sum(present.map((p) => p[column] as Decimal));
  const a = agreement(t, s, placesOfAmount(t));
  const strict = fromTable(total, ...present);
  const outcome = a === 'exact' ? 'ok' : a === 'rounding' ? 'info' : strict ? 'error' : 'warning';
  rec.record(
    outcome,
    `${who(e)}${what}：${present.map((p) => `${p.label} ${fmt(p[column] as Decimal)}`).join(' + ')} = ${fmt(s)}，${total?.label ?? '合计'}为 ${fmt(t)}${outcome === 'warning' ? '（可能口径不同，请说明）' : ''}`,
    total?.source,
  );
}

const fundParts: AuditRule = {
  id: 'audit.fund-parts',
  title: '资金各部分之和与合计不符',
  severity: 'error',
  sources: [cite('S-MOF10', 'B', '自评表资金来源与支出性质'), cite('SEED-004', 'S', '4280.31 ≠ 4030.75 + 168.69；≠ 2731.71 + 1496.7')],
  check: (input) => {
    const rec = new RuleRecorder('audit.fund-parts');
    for (const e of input.evaluations) {
      const total = find(e, 'total');
      const columns = ['initialBudget', 'annualBudget', 'executed'] as const;
      // 项目: 当年财政拨款 + 上年结转 + 其他资金 = 年度资金总额.
      const sources = [find(e, 'currentAppropriation'), find(e, 'carryOver'), find(e, 'other')];
      if (e.kind === 'project') for (const c of columns) compareParts(rec, e, total, sources, c, `资金来源（${c === 'executed' ? '执行数' : c === 'annualBudget' ? '全年预算数' : '年初预算数'}）`);
      // 部门整体: 收入性质 parts make up 全年预算数, 支出性质 parts 全年执行数 (or, in prose, both columns).
      const income = [find(e, 'generalBudget'), find(e, 'governmentFund'), find(e, 'specialAccount'), find(e, 'other')];
      if (e.kind === 'department') compareParts(rec, e, total, income, 'annualBudget', '按收入性质分的预算数');
      const nature = [find(e, 'basic'), find(e, 'project')];
      const natureTotal = total ?? (find(e, 'other')?.annualBudget ? undefined : find(e, 'currentAppropriation'));
      compareParts(rec, e, natureTotal, nature, 'executed', '基本支出与项目支出（执行数）');
      compareParts(rec, e, natureTotal, nature, 'annualBudget', '基本支出与项目支出（预算数）');
      compareParts(rec, e, find(e, 'basic'), [find(e, 'personnel'), find(e, 'publicExpense')], 'executed', '人员经费与公用经费');
    }
    return rec.result();
  },
};

/** `path` names the total's line in the evaluation file (`basicData.threePublic.total`): the editor's cell for the column. */
function compareCost(rec: RuleRecorder, what: string, path: string, total: CostLine | undefined, parts: readonly (CostLine | undefined)[]) {
  if (!total) return;
  for (const column of ['priorActual', 'budget', 'actual'] as const) {
    const t = total[column];
    const present = parts.filter((p): p is CostLine => p?.[column] !== undefined);
    if (!t || present.length === 0) continue;
    const s = sum(present.map((p) => p[column] as Decimal));
    const name = column === 'priorActual' ? '上年决算数' : column === 'budget' ? '本年预算数' : '本年决算数';
    rec.record(
      OUTCOME[agreement(t, s, placesOfAmount(t))],
      `基础数据表${what}（${name}）：${present.map((p) => fmt(p[column] as Decimal)).join(' + ')} = ${fmt(s)}，表列 ${fmt(t)}`,
      extend(total.source, { path: `${path}.${column}` }),
    );
  }
}

const basicDataSums: AuditRule = {
  id: 'audit.basic-data',
  title: '基础数据表合计或控制率不符',
  severity: 'error',
  sources: [cite('S-HS', 'A', '基础数据表'), cite('SEED-004', 'S', '66.81 + 0 + 3.49 = 70.3')],
  check: (input) => {
    const rec = new RuleRecorder('audit.basic-data');
    for (const e of input.evaluations) {
      const bd = e.basicData;
      if (!bd) continue;
      const tp = bd.threePublic;
      if (tp) {
        compareCost(rec, '“三公”经费', 'basicData.threePublic.total', tp.total, [tp.vehicle, tp.overseas, tp.reception]);
        compareCost(rec, '公务用车购置和维护经费', 'basicData.threePublic.vehicle', tp.vehicle, [tp.vehiclePurchase, tp.vehicleOperation]);
      }
      if (bd.projects?.items.length) compareCost(rec, '项目支出', 'basicData.projects.total', bd.projects.total, bd.projects.items);
      if (bd.publicExpense?.items.length) compareCost(rec, '公用经费', 'basicData.publicExpense.total', bd.publicExpense.total, bd.publicExpense.items);
      // 决算 above 预算 for controlled spending (公用经费, 三公经费) deserves an explanation in the report.
      for (const [what, line, path] of [
        ['公用经费', bd.publicExpense?.total, 'basicData.publicExpense.total'],
        ['“三公”经费', tp?.total, 'basicData.threePublic.total'],
      ] as const) {
        if (!line?.actual || !line.budget || line.budget.isZero()) continue;
        const rate = ratePercent(line.actual, line.budget) as Decimal;
        rec.record(rate.gt(HUNDRED) ? 'warning' : 'ok', `基础数据表${what}控制率：${fmt(line.actual)} ÷ ${fmt(line.budget)} = ${formatPercent(rate)}${rate.gt(HUNDRED) ? '，决算超过预算，应说明原因' : ''}`, extend(line.source, { path: `${path}.actual` }));
      }
      const s = bd.staff;
      if (s?.quota && s.actual !== undefined) {
        const rate = new Decimal(s.actual).div(s.quota).mul(HUNDRED);
        rec.record(rate.gt(HUNDRED) ? 'warning' : 'ok', `在职人员控制率：在职 ${s.actual} 人 ÷ 编制 ${s.quota} 人 = ${formatPercent(rate)}${rate.gt(HUNDRED) ? '，超编，应说明原因' : ''}`, extend(bd.source, { path: 'basicData.staff.actual' }));
      }
      if (s?.quota && s.actual !== undefined && s.statedControlRate) {
        const exact = new Decimal(s.actual).div(s.quota).mul(HUNDRED);
        const places = s.statedControlRate.decimalPlaces();
        rec.record(OUTCOME[agreement(s.statedControlRate, exact, places)], `在职人员控制率：${s.actual} ÷ ${s.quota} = ${formatPercent(exact)}，表列 ${formatPercent(s.statedControlRate, places)}`, extend(bd.source, { path: 'basicData.staff.statedControlRate' }));
      }
    }
    return rec.result();
  },
};

/**
 * Statements in sentences: a sentence ends at 。 or ；between two figures of the same paragraph. Three
 * rules read the same statements this way: grouped once per list (the groups are only read, never changed).
 */
const sentences = memoize((statements: readonly Statement[]): readonly (readonly Statement[])[] => {
  const groups = new Map<string, Statement[]>();
  for (const s of statements) {
    const key = `${s.location.file ?? ''}#${s.location.block ?? ''}#${s.sentence}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
});

const PRIOR = /^(较|比|同比)上年度?|^上年/;
const CHANGE = /(增加|减少|增长|下降|上升|降低)了?$/;

/** A subject key for "the same quantity": the label without years, owners and filler words. */
function subjectKey(label: string): string {
  return label
    .replace(/\d{4}\s*年度?/g, '')
    // The owner is not the quantity: "省人大常委会办公厅部门预算总收入" and "机关预算总收入" are one quantity.
    .replace(/^.*(办公厅|办公室|常委会|政府|单位|部门|机关)/, '')
    .replace(/^(全年|本年|年度|其中)+/, '')
    .replace(/[\s，,：:（）()]/g, '');
}

const yearOnYear: AuditRule = {
  id: 'audit.year-on-year',
  title: '同比增减额或增减率与两年数字不符，或同一增减说法前后不一',
  severity: 'error',
  sources: [cite('SEED-000', 'S', '15880.27 − 14464.73 = 1415.54，报告称增加 1056.91；另处称增加 455.38'), cite('SEED-002', 'S', '1326.27 − 1304.57 = 21.70，报告称 21.76')],
  check: (input) => {
    const rec = new RuleRecorder('audit.year-on-year');
    const stated = new Map<string, { value: Decimal; text: string; location: Statement['location'] }>();
    for (const group of sentences(input.statements)) {
      for (let i = 0; i < group.length; i++) {
        const change = group[i];
        if (!change || change.unit !== 'wanyuan' || !CHANGE.test(change.label)) continue;
        const down = /(减少|下降|降低)/.test(change.label);
        const prior = group[i - 1] && PRIOR.test(group[i - 1]?.label ?? '') && group[i - 1]?.unit === 'wanyuan' ? group[i - 1] : undefined;
        // The current figure opens the clause: the amount before the prior-year one, else the one before the change.
        const current = group.slice(0, prior ? i - 1 : i).filter((s) => s.unit === 'wanyuan' && !PRIOR.test(s.label) && !CHANGE.test(s.label)).shift();
        const rate = group[i + 1]?.unit === 'percent' && CHANGE.test(group[i + 1]?.label ?? '') ? group[i + 1] : undefined;
        if (current && prior) {
          const diff = current.value.minus(prior.value);
          const expected = down ? diff.neg() : diff;
          rec.record(
            OUTCOME[agreement(change.value, expected, change.places)],
            `增减额：${fmt(current.value)} − ${fmt(prior.value)} = ${fmt(diff)}，报告称${change.label.slice(-2)} ${fmt(change.value)} 万元`,
            change.location,
            `${current.text}…${change.text}`,
          );
          if (rate) {
            const exact = diff.abs().div(prior.value).mul(HUNDRED);
            rec.record(OUTCOME[agreement(rate.value, exact, rate.places)], `增减率：${fmt(diff.abs())} ÷ ${fmt(prior.value)} = ${formatPercent(exact)}，报告称 ${formatPercent(rate.value, rate.places)}`, rate.location, rate.text);
          }
        } else if (current && rate && !prior) {
          // "总收入 15880.27 万元，较上年度增加 455.38 万元，增加 3%": the prior year is current − change.
          const base = down ? current.value.plus(change.value) : current.value.minus(change.value);
          if (base.gt(0)) {
            const exact = change.value.div(base).mul(HUNDRED);
            rec.record(OUTCOME[agreement(rate.value, exact, rate.places)], `增减率：${fmt(change.value)} ÷（${fmt(current.value)} ${down ? '+' : '−'} ${fmt(change.value)}）= ${formatPercent(exact)}，报告称 ${formatPercent(rate.value, rate.places)}`, rate.location, rate.text);
          }
        }
        // The same change stated twice must be the same figure. Its subject is named in the change's own
        // words ("其中基本支出减少了") or, failing that, by the figure that opens the clause.
        const own = change.label.replace(CHANGE, '').replace(/(较|比|同比)?上年度?/, '').replace(/^其中/, '');
        const subject = subjectKey(own) || (current ? subjectKey(current.label) : '');
        if (subject) {
          const key = `${subject}|${down ? '-' : '+'}`;
          const before = stated.get(key);
          if (before && !before.value.eq(change.value)) {
            rec.record(
              'error',
              `同一数字前后不一：“${subject}”较上年${down ? '减少' : '增加'}，一处称 ${fmt(before.value)} 万元，另一处称 ${fmt(change.value)} 万元`,
              change.location,
              `${before.text}；${change.text}`,
            );
          } else if (!before) stated.set(key, { value: change.value, text: change.text, location: change.location });
        }
      }
    }
    return rec.result();
  },
};

/** Words a share's label may use for its whole ("占总收入的", "占基本支出的"), with their synonyms in totals' labels. */
function wholeNames(label: string): string[] {
  const m = /占(.+?)的?$/.exec(label);
  const name = m?.[1]?.replace(/的$/, '');
  if (!name || name === '比') return [];
  if (/总收入/.test(name)) return ['总收入', '收入总额', '收入合计'];
  if (/总支出/.test(name)) return ['总支出', '支出总额', '支出合计'];
  return [name];
}

const shares: AuditRule = {
  id: 'audit.shares',
  title: '占比与其部分和整体不符',
  severity: 'warning',
  sources: [cite('SEED-004', 'S', '20.3 ÷ 4026.3 = 0.50%，报告称 0.51%（各项占比凑足 100%）'), cite('SEED-001', 'S', '14168.86 ÷ 20470.39 = 69.22%')],
  check: (input) => {
    const rec = new RuleRecorder('audit.shares');
    const all = input.statements;
    // Statements recur as candidate wholes of several shares: each is turned into a float once.
    const floats = new Map<Statement, number>();
    const float = (s: Statement): number => {
      let f = floats.get(s);
      if (f === undefined) floats.set(s, (f = s.value.toNumber()));
      return f;
    };
    for (const group of sentences(all)) {
      for (let i = 0; i < group.length; i++) {
        const share = group[i];
        const part = i > 0 ? group[i - 1] : undefined;
        if (!share || share.unit !== 'percent' || !/^占/.test(share.label) || !part || part.unit !== 'wanyuan') continue;
        // The whole: a figure named by the share's label, else one the part's label names ("基本支出中人员经费"),
        // else any larger figure before it in the paragraph — the one that fits best, the named one first.
        const names = [...wholeNames(share.label), ...(/^(.+?)中/.exec(part.label)?.[1] ? [/^(.+?)中/.exec(part.label)?.[1] as string] : [])];
        // The part's place in the list (its last, should the same statement be listed twice).
        const at = all.lastIndexOf(part);
        const before = all.slice(Math.max(0, at - 12), at).filter((s) => s.unit === 'wanyuan' && s.value.gt(part.value));
        const named = before.filter((s) => names.some((n) => s.label.includes(n)));
        const candidates = [...named, ...before.filter((s) => !named.includes(s))];
        // The first whole that makes the share exactly wins; else the first within rounding; else the first.
        // Most candidates are far off: a float estimate rules them out without the exact division.
        let best: { w: Statement; a: Agreement; exact?: Decimal } | undefined;
        for (const w of candidates) {
          const exact = surelyWrong(float(share), (float(part) / float(w)) * 100, share.places) ? undefined : part.value.div(w.value).mul(HUNDRED);
          const a = exact ? agreement(share.value, exact, share.places) : 'wrong';
          if (a === 'exact') {
            best = { w, a, exact };
            break;
          }
          if (!best || (a === 'rounding' && best.a !== 'rounding')) best = { w, a, ...(exact ? { exact } : {}) };
        }
        if (!best) continue;
        const exact = best.exact ?? part.value.div(best.w.value).mul(HUNDRED);
        rec.record(
          best.a === 'exact' ? 'ok' : best.a === 'rounding' ? 'info' : 'warning',
          `占比：${fmt(part.value)} ÷ ${fmt(best.w.value)}（${best.w.label}）= ${formatPercent(exact)}，报告称 ${formatPercent(share.value, share.places)}${best.a === 'rounding' ? '（舍入或凑足 100% 的差异）' : ''}`,
          share.location,
          `${part.text}，${share.text}`,
        );
      }
    }
    return rec.result();
  },
};

/** Prose against the tables: a line's budget or spending stated in the text and in the fund rows. */
const proseVsTable: AuditRule = {
  id: 'audit.prose-vs-table',
  title: '正文与表格的同一数字不一致',
  severity: 'warning',
  sources: [cite('SEED-002', 'S', '项目支出预算 236 万元（正文）与 275.61 万元（表）')],
  check: (input) => {
    const rec = new RuleRecorder('audit.prose-vs-table');
    const department = input.evaluations.find((e) => e.kind === 'department');
    if (!department) return rec.result();
    const lines: [FundLine, string][] = [
      ['basic', '基本支出'],
      ['project', '项目支出'],
    ];
    for (const [line, name] of lines) {
      const row = find(department, line);
      if (!row?.annualBudget || row.source?.row === undefined) continue;
      for (const s of input.statements) {
        if (s.unit !== 'wanyuan' || !s.label.includes(name) || !/预算(数|安排)?$/.test(s.label)) continue;
        const a = agreement(s.value, row.annualBudget, s.places);
        rec.record(a === 'exact' ? 'ok' : a === 'rounding' ? 'info' : 'warning', `${name}预算：正文称 ${fmt(s.value)} 万元，表列 ${fmt(row.annualBudget)} 万元`, s.location, s.text);
      }
    }
    return rec.result();
  },
};

/**
 * Rates stated in prose from a budget and a spending figure of the same sentence: "公用经费预算安排6975.25万元，
 * 实际支出6897.35万元，公用经费控制率98.88%", "“三公”经费…预算 10.00 万元，支出决算 2.92 万元，完成预算的 29.2%".
 * (Execution rates of fund lines are audit.execution-rate's.)
 */
const proseRates: AuditRule = {
  id: 'audit.prose-rates',
  title: '正文所称控制率与其预算数、实际数不符',
  severity: 'error',
  sources: [cite('S-MOF53', 'B', '公用经费控制率、“三公经费”控制率'), cite('SEED-001', 'S', '6897.35 ÷ 6975.25 = 98.88%')],
  check: (input) => {
    const rec = new RuleRecorder('audit.prose-rates');
    for (const group of sentences(input.statements)) {
      group.forEach((rate, i) => {
        if (rate.unit !== 'percent' || !/(控制率|完成预算的)$/.test(rate.label)) return;
        const before = group.slice(0, i).filter((s) => s.unit === 'wanyuan');
        const budget = [...before].reverse().find((s) => /预算/.test(s.label));
        const actual = [...before].reverse().find((s) => s !== budget && /(实际|决算|支出)/.test(s.label) && !/预算/.test(s.label));
        if (!budget || !actual || budget.value.isZero()) return;
        const exact = actual.value.div(budget.value).mul(HUNDRED);
        rec.record(
          OUTCOME[agreement(rate.value, exact, rate.places)],
          `${/控制率$/.test(rate.label) ? rate.label : `${budget.label}完成比例`}：${fmt(actual.value)} ÷ ${fmt(budget.value)} = ${formatPercent(exact)}，报告称 ${formatPercent(rate.value, rate.places)}`,
          rate.location,
          `${budget.text}…${actual.text}…${rate.text}`,
        );
      });
    }
    return rec.result();
  },
};

export const ARITHMETIC_RULES: readonly AuditRule[] = [executionRate, executionOver100, fundParts, basicDataSums, yearOnYear, shares, proseRates, proseVsTable];
