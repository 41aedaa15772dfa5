import { YUEYANG_RUBRIC, ZERO, dec, findFramework, scoreYueyangRubric } from '@jixiao/core';
import type { Decimal, Evaluation, RubricLine, RubricLineId } from '@jixiao/core';
import type { Kysely } from 'kysely';
import { decodeEvaluationFile } from '../../schema/evaluation-codec';
import { chinaToday, effectiveDeadlines } from '../admin/deadlines';
import { recordChange } from '../audit-log';
import type { Database, EvaluationKind, EvaluationStatus, WorkGradeLineRow } from '../store/database';
import type { ScopedEvaluation } from './evaluation-queries';
import { findVersion } from './evaluation-queries';
import { scoreWorkGrade } from './work-grade-score';
import type { GradeInputLine, GradeProblem } from './work-grade-score';
import { suggestSubmissionScore } from './work-grade-submission';
import { STATUS_LABEL } from './workflow';

/**
 * 自评工作考核评分: the finance bureau grades a unit's self-evaluation work with the 考核评分表, line by line. The
 * service shows beside each line what it can say itself — the rubric's automatic score of the report where the
 * report shows what the standard asks, and for 提交报告 a score suggested from the submission date and the
 * deadline — and stores the reviewer's grade (the latest one; every grade is in the audit log).
 */

export interface WorkGradeRubric {
  readonly name: string;
  /** Where the table comes from, in words a reviewer reads. */
  readonly source: string;
  readonly lines: readonly RubricLine[];
}

const YUEYANG: WorkGradeRubric = {
  name: '岳阳市部门整体支出绩效自评工作考核评分表',
  source: '岳阳市财政局制定，见岳阳市人大常委会 2022 年度部门整体支出绩效自评报告所附的考核评分表：布置工作 10 分、实施评价 20 分、自评报告 70 分。其他地区未公布考核评分表的，暂按此表评分',
  lines: YUEYANG_RUBRIC,
};

/**
 * The rubric an evaluation is graded by. The decision is the auditor's (`audit.quality.yueyang-rubric` scores every
 * 部门整体 report by the 岳阳 table, whatever its jurisdiction; no jurisdiction setting chooses another): the table
 * grades the 部门整体 self-evaluation, so a 项目 evaluation has none.
 */
export function rubricFor(kind: EvaluationKind): WorkGradeRubric | null {
  return kind === 'department' ? YUEYANG : null;
}

/** The statuses a grade may be given or changed in: from submission on (a draft has nothing to grade yet). */
export const GRADABLE: readonly EvaluationStatus[] = ['submitted', 'approved', 'published'];

export interface WorkGradeLineView {
  readonly id: RubricLineId;
  readonly level1: string;
  readonly level1Points: number;
  readonly level2: string;
  readonly points: string;
  readonly standard: string;
  readonly evidence: string | null;
  readonly fromReport: boolean;
  readonly automatic: { readonly score: string | null; readonly reason: string };
  readonly suggested: { readonly score: string; readonly reason: string } | null;
  readonly grade: { readonly score: string; readonly note: string | null } | null;
}

/** The grade of one evaluation as the API shows it: decimals as exact strings. */
export interface WorkGradeView {
  readonly rubric: { readonly name: string; readonly source: string } | null;
  readonly lines: readonly WorkGradeLineView[];
  /** Sum of the automatic scores there are. */
  readonly autoTotal: string;
  readonly total: string | null;
  readonly gradedBy: { readonly id: string; readonly username: string; readonly displayName: string } | null;
  readonly gradedAt: Date | null;
  readonly gradedVersion: number | null;
}

type Automatic = ReadonlyMap<RubricLineId, { readonly score: Decimal | undefined; readonly reason: string }>;

/**
 * The rubric's automatic scores of one version, computed as the auditor computes the findings recorded with it
 * (check-evaluation.ts: this evaluation alone, under its framework, without the file's parts), so that the grading
 * shows the same points as the 审查发现. Like the auditor, it scores from the report only when there is 正文.
 */
function automaticScores(content: unknown, frameworkId: string, rubric: WorkGradeRubric): Automatic {
  const decoded = decodeEvaluationFile(content);
  const framework = findFramework(frameworkId);
  const evaluation: Evaluation | undefined = decoded.ok && decoded.evaluations.length === 1 ? { ...(decoded.evaluations[0] as Evaluation), frameworkId } : undefined;
  if (!evaluation || !framework) {
    // Stored versions were checked when saved; this is for a framework since withdrawn.
    return new Map(rubric.lines.map((line) => [line.id, { score: undefined, reason: line.fromReport ? '当前版本的内容无法按其评分框架读取，未自动评分' : '需报告以外的佐证材料，报告本身不能说明' }]));
  }
  const scored = scoreYueyangRubric({ report: evaluation, evaluations: [evaluation], frameworkOf: () => framework });
  const noText = evaluation.sections.length === 0;
  return new Map(
    scored.lines.map((l) => [l.line.id, noText && l.line.fromReport ? { score: undefined, reason: '评价中没有自评报告正文（只有表格），未自动评分' } : { score: l.score, reason: l.reason }]),
  );
}

/** When the evaluation was first submitted (a `submit` version), and how often since. */
async function submissions(db: Kysely<Database>, evaluationId: string): Promise<{ readonly first: Date | undefined; readonly count: number }> {
  const rows = await db.selectFrom('evaluation_versions').select('created_at').where('evaluation_id', '=', evaluationId).where('reason', '=', 'submit').orderBy('version').execute();
  return { first: rows[0]?.created_at, count: rows.length };
}

const decimal = (d: Decimal): string => d.toString();

/** An evaluation's grade with the rubric's automatic scores and the suggestions, at its current version. */
export async function readWorkGrade(db: Kysely<Database>, row: ScopedEvaluation): Promise<WorkGradeView> {
  const rubric = rubricFor(row.kind);
  if (!rubric) return { rubric: null, lines: [], autoTotal: '0', total: null, gradedBy: null, gradedAt: null, gradedVersion: null };

  const version = await findVersion(db, row.id, row.current_version);
  const automatic = automaticScores(version?.content, row.framework_id, rubric);
  const submitted = await submissions(db, row.id);
  const deadline = (await effectiveDeadlines(db, [row.jurisdiction_id], row.year)).get(row.jurisdiction_id)?.find((d) => d.kind === 'submit');
  const stored = await db
    .selectFrom('work_grades')
    .innerJoin('users', 'users.id', 'work_grades.graded_by')
    .where('work_grades.evaluation_id', '=', row.id)
    .select(['work_grades.graded_version', 'work_grades.lines', 'work_grades.total', 'work_grades.graded_at', 'users.id as user_id', 'users.username', 'users.display_name'])
    .executeTakeFirst();
  const given = new Map((stored?.lines ?? []).map((l) => [l.id, l]));

  const lines = rubric.lines.map((line): WorkGradeLineView => {
    const auto = automatic.get(line.id);
    const suggestion =
      line.id === 'submission'
        ? suggestSubmissionScore({
            points: line.points,
            submittedDate: submitted.first ? chinaToday(submitted.first) : undefined,
            resubmissions: Math.max(0, submitted.count - 1),
            deadline: deadline?.dueDate ? { dueDate: deadline.dueDate, setBy: deadline.setAt?.jurisdictionName ?? null } : undefined,
          })
        : null;
    const grade = given.get(line.id);
    return {
      id: line.id,
      level1: line.level1,
      level1Points: line.level1Points,
      level2: line.level2,
      points: decimal(line.points),
      standard: line.standard,
      evidence: line.evidence ?? null,
      fromReport: line.fromReport,
      automatic: { score: auto?.score ? decimal(auto.score) : null, reason: auto?.reason ?? '' },
      suggested: suggestion ? { score: decimal(suggestion.score), reason: suggestion.reason } : null,
      grade: grade ? { score: grade.score, note: grade.note } : null,
    };
  });
  const autoTotal = [...automatic.values()].reduce((sum, a) => (a.score ? sum.plus(a.score) : sum), ZERO);
  return {
    rubric: { name: rubric.name, source: rubric.source },
    lines,
    autoTotal: decimal(autoTotal),
    total: stored ? decimal(dec(stored.total)) : null,
    gradedBy: stored ? { id: stored.user_id, username: stored.username, displayName: stored.display_name } : null,
    gradedAt: stored?.graded_at ?? null,
    gradedVersion: stored?.graded_version ?? null,
  };
}

export type SaveGradeResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly kind: 'status' | 'no-rubric'; readonly message: string }
  | { readonly ok: false; readonly kind: 'invalid'; readonly message: string; readonly problems: readonly GradeProblem[] };

/**
 * Stores a reviewer's grade of the evaluation's current version, replacing an earlier one, and logs it with the
 * grade it replaced. The caller has locked the evaluation row and checked the reviewer's right on its unit.
 */
export async function saveWorkGrade(
  db: Kysely<Database>,
  input: { readonly evaluation: ScopedEvaluation; readonly lines: readonly GradeInputLine[]; readonly userId: string; readonly now: Date },
): Promise<SaveGradeResult> {
  const row = input.evaluation;
  // The workflow's refusal first, then the content's (the API's order: 404, 403, 409, 422).
  if (!GRADABLE.includes(row.status)) {
    const labels = GRADABLE.map((s) => `“${STATUS_LABEL[s]}”`);
    return { ok: false, kind: 'status', message: `只有${labels.slice(0, -1).join('、')}或${labels.at(-1)}的评价可以考核评分，当前为“${STATUS_LABEL[row.status]}”` };
  }
  const rubric = rubricFor(row.kind);
  if (!rubric) return { ok: false, kind: 'no-rubric', message: '项目支出评价不用自评工作考核评分表评分：考核评分表只用于部门整体支出评价' };
  const scored = scoreWorkGrade(rubric.lines, input.lines);
  if (!scored.ok) return { ok: false, kind: 'invalid', message: scored.message, problems: scored.problems };

  const before = await db.selectFrom('work_grades').select(['graded_version', 'lines', 'total', 'graded_by']).where('evaluation_id', '=', row.id).executeTakeFirst();
  const values = { graded_version: row.current_version, lines: JSON.stringify(scored.lines), total: scored.total.toFixed(2), graded_by: input.userId, graded_at: input.now };
  await db
    .insertInto('work_grades')
    .values({ evaluation_id: row.id, ...values })
    .onConflict((oc) => oc.column('evaluation_id').doUpdateSet(values))
    .execute();
  const logged = (g: { graded_version: number; lines: readonly WorkGradeLineRow[]; total: string; graded_by: string }) => ({ version: g.graded_version, total: dec(g.total).toString(), lines: g.lines, gradedBy: g.graded_by });
  await recordChange(db, {
    userId: input.userId,
    action: 'work-grade',
    entity: 'evaluation',
    entityId: row.id,
    ...(before ? { before: logged(before) } : {}),
    after: logged({ graded_version: row.current_version, lines: scored.lines, total: scored.total.toString(), graded_by: input.userId }),
  });
  return { ok: true };
}
