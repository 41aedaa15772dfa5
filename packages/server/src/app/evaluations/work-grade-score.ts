import { ZERO, dec } from '@jixiao/core';
import type { Decimal, RubricLine } from '@jixiao/core';
import type { WorkGradeLineRow } from '../store/database';

/** One line of a grade as the reviewer sends it: the rubric line's id, the points as a decimal string, a note. */
export interface GradeInputLine {
  readonly id: string;
  readonly score: string;
  readonly note?: string | undefined;
}

/** A line the grade cannot take, with why in Chinese; `lineId` is the rubric's id, or the unknown id sent. */
export interface GradeProblem {
  readonly lineId: string;
  readonly message: string;
}

export type ScoredGrade =
  | { readonly ok: true; readonly lines: readonly WorkGradeLineRow[]; readonly total: Decimal }
  | { readonly ok: false; readonly message: string; readonly problems: readonly GradeProblem[] };

export const GRADE_NOTE_MAX = 500;

/**
 * Whole points or halves and tenths: the 考核评分表 deducts whole points ("每推迟一个工作日扣1分") and reviewers
 * write 7.5; a second place would be a precision the table never prints.
 */
const SCORE = /^\d{1,3}(\.\d)?$/;

/** Problems listed in a message before "等 N 处". */
const LISTED = 5;

const named = (line: RubricLine) => `${line.id}（${line.level2}）`;

/**
 * Checks a reviewer's grade against the rubric and totals it: every rubric line exactly once, each score a
 * decimal with at most one place between 0 and the line's points. The lines come back in the rubric's order
 * with scores in canonical form ("08" → "8") and blank notes as null; the total is their exact sum.
 */
export function scoreWorkGrade(rubric: readonly RubricLine[], input: readonly GradeInputLine[]): ScoredGrade {
  const byId = new Map(rubric.map((line) => [line.id as string, line]));
  const seen = new Map<string, number>();
  for (const line of input) seen.set(line.id, (seen.get(line.id) ?? 0) + 1);
  const missing = rubric.filter((line) => !seen.has(line.id));
  const unknown = [...seen.keys()].filter((id) => !byId.has(id));
  const repeated = [...seen].filter(([id, n]) => n > 1 && byId.has(id)).map(([id]) => byId.get(id) as RubricLine);
  if (missing.length || unknown.length || repeated.length) {
    const problems: GradeProblem[] = [
      ...missing.map((line) => ({ lineId: line.id, message: `缺少 ${named(line)}` })),
      ...unknown.map((id) => ({ lineId: id, message: `考核评分表中没有 ${id}` })),
      ...repeated.map((line) => ({ lineId: line.id, message: `${named(line)} 给了不止一次` })),
    ];
    const parts = [
      missing.length ? `缺少 ${missing.map(named).join('、')}` : '',
      unknown.length ? `考核评分表中没有 ${unknown.join('、')}` : '',
      repeated.length ? `${repeated.map(named).join('、')} 给了不止一次` : '',
    ].filter(Boolean);
    return { ok: false, message: `评分须对考核评分表的 ${rubric.length} 项各给一次分：${parts.join('；')}`, problems };
  }

  const problems: GradeProblem[] = [];
  const lines: WorkGradeLineRow[] = [];
  let total = ZERO;
  for (const line of rubric) {
    const given = input.find((l) => l.id === line.id) as GradeInputLine;
    const range = `应为 0 到 ${line.points} 之间、最多一位小数的数（如 ${line.points} 或 ${line.points.minus('0.5')}）`;
    const note = given.note?.trim() ?? '';
    if (!SCORE.test(given.score)) {
      problems.push({ lineId: line.id, message: `“${line.level2}”的得分“${given.score}”无效：${range}` });
      continue;
    }
    const score = dec(given.score);
    if (score.gt(line.points)) {
      problems.push({ lineId: line.id, message: `“${line.level2}”的得分 ${score} 超过该项的 ${line.points} 分：${range}` });
      continue;
    }
    if (note.length > GRADE_NOTE_MAX) {
      problems.push({ lineId: line.id, message: `“${line.level2}”的说明有 ${note.length} 字，最多 ${GRADE_NOTE_MAX} 字` });
      continue;
    }
    lines.push({ id: line.id, score: score.toString(), note: note || null });
    total = total.plus(score);
  }
  if (problems.length) {
    const shown = problems.slice(0, LISTED).map((p) => p.message);
    return { ok: false, message: `${shown.join('；')}${problems.length > LISTED ? `；等 ${problems.length} 处` : ''}`, problems };
  }
  return { ok: true, lines, total };
}
