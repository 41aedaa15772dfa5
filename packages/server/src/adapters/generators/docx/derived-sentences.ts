import { formatPercent, ratePercent } from '@jixiao/core';
import type { CostLine, Decimal, Evaluation, FundRow } from '@jixiao/core';
import { show } from './format';

/**
 * Sentences the report states about its own figures — shares of 基本/项目 and 人员/公用, and changes against
 * last year's 决算 — computed from the data, so that the text and the tables cannot disagree (and the
 * auditor, reading them back, finds them consistent).
 */

function share(part: Decimal, whole: Decimal): string {
  return formatPercent(ratePercent(part, whole) as Decimal);
}

/** "基本支出与项目支出合计4228.41万元，其中基本支出2731.71万元，占64.60%；项目支出1496.7万元，占35.40%。" */
export function shareSentences(evaluation: Evaluation): string[] {
  const find = (line: FundRow['line']) => evaluation.funds.find((f) => f.line === line)?.executed;
  const out: string[] = [];
  const basic = find('basic');
  const project = find('project');
  if (basic && project && !basic.plus(project).isZero()) {
    const whole = basic.plus(project);
    out.push(`基本支出与项目支出合计${show(whole)}万元，其中基本支出${show(basic)}万元，占${share(basic, whole)}；项目支出${show(project)}万元，占${share(project, whole)}。`);
  }
  const personnel = find('personnel');
  const publicExpense = find('publicExpense');
  if (basic && !basic.isZero() && personnel && publicExpense) {
    out.push(`基本支出中人员经费${show(personnel)}万元，占${share(personnel, basic)}；公用经费${show(publicExpense)}万元，占${share(publicExpense, basic)}。`);
  }
  return out;
}

/** "“三公”经费决算70.3万元，较上年67.03万元增加3.27万元，增长4.88%。" for each 基础数据表 total with both years. */
export function changeSentences(evaluation: Evaluation): string[] {
  const bd = evaluation.basicData;
  const lines: [string, CostLine | undefined][] = [
    ['“三公”经费', bd?.threePublic?.total],
    ['项目支出', bd?.projects?.total],
    ['公用经费', bd?.publicExpense?.total],
  ];
  const out: string[] = [];
  for (const [name, line] of lines) {
    if (!line?.actual || !line.priorActual || line.priorActual.isZero()) continue;
    const diff = line.actual.minus(line.priorActual);
    if (diff.isZero()) {
      out.push(`${name}决算${show(line.actual)}万元，与上年持平。`);
      continue;
    }
    const up = diff.gt(0);
    out.push(`${name}决算${show(line.actual)}万元，较上年${show(line.priorActual)}万元${up ? '增加' : '减少'}${show(diff.abs())}万元，${up ? '增长' : '下降'}${share(diff.abs(), line.priorActual)}。`);
  }
  return out;
}
