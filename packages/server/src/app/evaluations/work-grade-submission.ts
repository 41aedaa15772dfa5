import { ZERO } from '@jixiao/core';
import type { Decimal } from '@jixiao/core';

/**
 * The 考核评分表's 提交报告 line ("按时向市财政局报送报告的得10分；每推迟一个工作日报送报告的扣1分，最多扣10分")
 * from two dates the service knows: when the unit first submitted, and the jurisdiction's submission deadline.
 * Working days are Monday to Friday: the service has no calendar of 法定节假日 and 调休 workdays, so the reason
 * says so and the reviewer corrects the score where a holiday fell in between.
 */

const DAY_MS = 86_400_000;

/** Monday to Friday (in UTC, which is where a YYYY-MM-DD date is placed). */
function isWeekday(time: number): boolean {
  const day = new Date(time).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Working days (Mon–Fri) after `dueDate` up to and including `submittedDate`, both YYYY-MM-DD; 0 when on time. */
export function workingDaysLate(dueDate: string, submittedDate: string): number {
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const submitted = Date.parse(`${submittedDate}T00:00:00Z`);
  let late = 0;
  for (let t = due + DAY_MS; t <= submitted; t += DAY_MS) if (isWeekday(t)) late += 1;
  return late;
}

export interface SubmissionFacts {
  /** The line's points (10). */
  readonly points: Decimal;
  /** The day (in China) the evaluation was first submitted; undefined when it never was. */
  readonly submittedDate: string | undefined;
  /** Submissions after the first (after 退回修改): named in the reason, not scored. */
  readonly resubmissions: number;
  /** The submission deadline that applies, and the jurisdiction that set it; undefined when none is set. */
  readonly deadline: { readonly dueDate: string; readonly setBy: string | null } | undefined;
}

/** The suggested score with its reason, or null when either date is missing. */
export function suggestSubmissionScore(facts: SubmissionFacts): { readonly score: Decimal; readonly reason: string } | null {
  const { points, submittedDate, deadline } = facts;
  if (submittedDate === undefined || deadline === undefined) return null;
  const late = workingDaysLate(deadline.dueDate, submittedDate);
  const deducted = points.minus(late);
  const score = deducted.gt(ZERO) ? deducted : ZERO;
  const due = `截止日 ${deadline.dueDate}${deadline.setBy ? `（${deadline.setBy}设定）` : ''}`;
  const first = `${facts.resubmissions > 0 ? '首次' : ''}提交于 ${submittedDate}`;
  const again = facts.resubmissions > 0 ? `；退回修改后又提交 ${facts.resubmissions} 次，按首次提交计` : '';
  if (late === 0) {
    const when = submittedDate <= deadline.dueDate ? '按时报送' : '截止日后未过工作日';
    return { score, reason: `${first}，${due}，${when}，得 ${score} 分${again}（工作日按周一至周五计，未计法定节假日与调休）` };
  }
  return {
    score,
    reason: `${first}，${due}，晚 ${late} 个工作日，每推迟一个工作日扣 1 分，${points.lte(late) ? `最多扣 ${points} 分，` : ''}得 ${score} 分${again}（工作日按周一至周五计，未计法定节假日与调休，请核对）`,
  };
}
