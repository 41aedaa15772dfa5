import { dec } from '../money/decimal';
import type { TableCell } from '../document/document-model';
import type { Indicator, StatedLevelScore } from '../model/evaluation';
import type { Finding } from '../model/finding';
import { levelKey } from '../scoring/level-names';
import { cellNumber, cellText, hasLabel, nameAndWeight, squeeze } from './labels';

/**
 * Reads the 绩效指标 block of a 自评表: a header row naming the columns, then one row per 三级 indicator
 * where merged 一级/二级 cells are empty (or absent) and carry down. Rows are matched to the header from
 * the right (flattened text drops or adds leading label cells); a row that does not fit its columns is
 * read by content instead (seed 003's scrambled rows).
 */
export type Role = 'level1' | 'level1Weight' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'deviation';

const HEADER_WORDS: ReadonlyArray<readonly [Role, readonly string[]]> = [
  ['level1', ['一级指标']],
  ['level1Weight', ['权重']],
  ['level2', ['二级指标']],
  ['name', ['三级指标', '指标内容']],
  ['target', ['年度指标值', '指标值', '年度目标值']],
  ['actual', ['实际完成值', '全年完成值', '完成值', '实际完成情况']],
  ['weight', ['分值']],
  ['score', ['得分', '自评得分']],
  ['deviation', ['偏差原因', '偏差及原因', '原因分析']],
];

/** The roles of a header row's cells, or undefined when the row is not an indicator header. */
export function headerRoles(row: readonly TableCell[]): (Role | undefined)[] | undefined {
  const roles = row.map((c) => {
    const s = squeeze(c.text);
    for (const [role, words] of HEADER_WORDS) if (words.some((w) => s.startsWith(w) || (role === 'deviation' && s.includes(w)))) return role;
    return undefined;
  });
  const has = (r: Role) => roles.includes(r);
  return has('level1') && has('name') && has('target') ? roles : undefined;
}

const LEVEL1_NAMES = ['产出', '效益', '满意度', '投入管理', '投入', '过程', '效果', '产出指标', '效益指标', '满意度指标'];

function isLevel1(text: string, roles?: readonly (Role | undefined)[]): boolean {
  const { name, weight } = nameAndWeight(text);
  // Where 一级 weights have their own 权重 column (浏阳), a name printed with a weight is a 二级: "满意度指标（10）".
  if (weight && roles?.includes('level1Weight')) return false;
  // A name cut by a page break keeps its unclosed bracket: "效益指标（30".
  const k = levelKey(name.replace(/[（(][^）)]*$/, ''));
  return k !== '' && LEVEL1_NAMES.some((n) => levelKey(n) === k);
}

function isLevel2(text: string, roles?: readonly (Role | undefined)[]): boolean {
  const { name } = nameAndWeight(text);
  return /指标$/.test(name) && !isLevel1(text, roles) && name.length <= 12;
}

export interface IndicatorBlock {
  readonly indicators: Indicator[];
  /** Weights printed beside level names ("产出指标(50分)", "预算编审管理（3）") and per-一级 权重 cells. */
  readonly levels: StatedLevelScore[];
  readonly findings: Finding[];
}

interface RowValues {
  level1?: string;
  level1Weight?: string;
  level2?: string;
  name?: string;
  target?: string;
  actual?: string;
  weight?: string;
  score?: string;
  deviation?: string;
}

function positional(row: readonly TableCell[], roles: readonly (Role | undefined)[]): RowValues {
  // Align from the right: the data row may carry an extra leading label cell ("绩效指标") or lack one.
  const shift = row.length - roles.length;
  const v: RowValues = {};
  roles.forEach((role, i) => {
    const cell = row[i + shift];
    if (role && cell) v[role] = cellText(cell.text);
  });
  return v;
}

function plausible(v: RowValues, roles: readonly (Role | undefined)[]): boolean {
  const numeric = (s?: string) => !s || cellNumber(s) !== undefined;
  if (v.level1 && !isLevel1(v.level1, roles)) return false;
  if (v.level2 && isLevel1(v.level2, roles)) return false;
  if (v.name && (cellNumber(v.name) !== undefined || isLevel2(v.name, roles) || isLevel1(v.name, roles))) return false;
  return numeric(v.weight) && numeric(v.score) && numeric(v.level1Weight);
}

/** Reads a row by what its cells look like: 一级 name, its weight, a 二级 name, then 三级 and values in order. */
function byContent(row: readonly TableCell[], roles: readonly (Role | undefined)[]): RowValues {
  const cells = row.map((c) => cellText(c.text));
  const v: RowValues = {};
  let i = 0;
  const l1 = cells.findIndex((c) => isLevel1(c, roles));
  if (l1 >= 0) {
    v.level1 = cells[l1];
    i = l1 + 1;
    if (cells[i] !== undefined && cellNumber(cells[i] ?? '') !== undefined) v.level1Weight = cells[i++];
  }
  const l2 = cells.findIndex((c, k) => k >= i && isLevel2(c, roles));
  if (l2 >= 0) {
    v.level2 = cells[l2];
    i = l2 + 1;
  }
  const rest = cells.slice(i).filter((c) => c !== '');
  const after = roles.slice(roles.indexOf('name')).filter((r): r is Role => r !== undefined && r !== 'deviation');
  // Text values first (三级, 指标值, 完成值), numbers last (分值, 得分).
  const texts = rest.filter((c) => cellNumber(c) === undefined);
  const numbers = rest.filter((c) => cellNumber(c) !== undefined);
  const textRoles = after.filter((r) => r === 'name' || r === 'target' || r === 'actual');
  textRoles.forEach((r, k) => {
    if (texts[k] !== undefined) v[r] = texts[k];
  });
  const numberRoles = after.filter((r) => r === 'weight' || r === 'score');
  // With one number and both 分值 and 得分 columns, it is the 得分 (the weight column is the rarer one).
  const take = numberRoles.slice(numberRoles.length - numbers.length);
  take.forEach((r, k) => {
    if (numbers[k] !== undefined) v[r] = numbers[k];
  });
  return v;
}

export function parseIndicatorRows(
  rows: readonly (readonly TableCell[])[],
  roles: readonly (Role | undefined)[],
  file: string | undefined,
): IndicatorBlock {
  const indicators: Indicator[] = [];
  const levels: StatedLevelScore[] = [];
  const findings: Finding[] = [];
  let level1 = '';
  let level1Raw = '';
  let level2 = '';
  let level2Raw = '';
  const scored = roles.includes('weight') && roles.includes('score');
  const noteLevel = (name: string, weight: string | undefined, parent?: string) => {
    if (!weight) return;
    const exists = levels.some((l) => l.level1 === (parent ?? name) && l.level2 === (parent ? name : undefined));
    if (!exists) levels.push({ level1: parent ?? name, ...(parent ? { level2: name } : {}), weight: dec(weight) });
  };
  for (const row of rows) {
    if (row.every((c) => cellText(c.text) === '')) continue;
    if (hasLabel(row[0]?.text ?? '', '总分', '合计') || (row.length <= 4 && row.some((c) => hasLabel(c.text, '总分')))) break;
    let v = positional(row, roles);
    // A row cut by a page break: no 分值 and no 得分 under a row that has both. Its texts finish the row above.
    const prev = indicators[indicators.length - 1];
    // (Every real row of a scored table has its 分值 and 得分; an empty level row has no 三级 text.)
    if (scored && prev?.weight && prev.score && !v.weight && !v.score && (v.name || v.target || v.actual)) {
      if (v.level1) {
        level1Raw += squeeze(v.level1);
        const { name, weight } = nameAndWeight(level1Raw);
        level1 = name;
        noteLevel(name, weight);
      }
      if (v.level2) {
        level2Raw += squeeze(v.level2);
        const { name, weight } = nameAndWeight(level2Raw);
        level2 = name;
        noteLevel(name, weight, level1);
      }
      indicators[indicators.length - 1] = {
        ...prev,
        level1,
        level2,
        name: prev.name + (v.name ?? ''),
        target: { ...prev.target, text: prev.target.text + (v.target ?? '') },
        actual: { ...prev.actual, text: prev.actual.text + (v.actual ?? '') },
        ...(v.deviation ? { deviationReason: (prev.deviationReason ?? '') + v.deviation } : {}),
      };
      continue;
    }
    if (!plausible(v, roles)) v = byContent(row, roles);
    if (v.level1) {
      level1Raw = squeeze(v.level1);
      const { name, weight } = nameAndWeight(v.level1);
      level1 = name.replace(/[（(][^）)]*$/, '');
      level2 = '';
      noteLevel(name, v.level1Weight ?? weight);
    }
    if (v.level2) {
      level2Raw = squeeze(v.level2);
      const { name, weight } = nameAndWeight(v.level2);
      level2 = name;
      noteLevel(name, weight, level1);
    }
    const name = v.name ?? '';
    const target = v.target ?? '';
    const actual = v.actual ?? '';
    if (!name && !target && !actual && !v.score && !v.weight) continue; // a level row with no 三级 (e.g. an empty 经济效益 row)
    const source = { ...(row.find((c) => cellText(c.text) !== '')?.source ?? {}), ...(file ? { file } : {}) };
    indicators.push({
      level1,
      level2,
      name,
      target: { text: target },
      actual: { text: actual },
      ...(v.weight ? { weight: dec(cellNumber(v.weight) ?? '0') } : {}),
      ...(v.score ? { score: dec(cellNumber(v.score) ?? '0') } : {}),
      ...(v.deviation ? { deviationReason: v.deviation } : {}),
      source,
    });
  }
  if (indicators.length === 0) {
    findings.push({ rule: 'extract.no-indicators', severity: 'warning', message: '绩效指标表中没有读到三级指标', ...(file ? { location: { file } } : {}) });
  }
  return { indicators, levels, findings };
}
