import { cite } from '../../frameworks/sources';
import type { AuditRule } from '../audit-rule';
import { RuleRecorder } from '../audit-rule';
import { reportsOf } from './quality-sections';
import { YUEYANG_RUBRIC, scoreYueyangRubric } from './yueyang-rubric';

const FULL = YUEYANG_RUBRIC.reduce((n, l) => n + l.points.toNumber(), 0);

/**
 * The 岳阳 考核评分表 applied to the report: one check per line with its points and reason, a warning for
 * each line that loses points, and one info finding with the total of the lines the report can show.
 */
const yueyangRubric: AuditRule = {
  id: 'audit.quality.yueyang-rubric',
  title: '岳阳市部门整体支出绩效自评工作考核评分',
  severity: 'info',
  sources: [
    cite('SEED-004', 'S', '部门整体支出绩效自评工作考核评分表（布置工作10、实施评价20、自评报告70）'),
    cite('JIXIAO', 'I', '区间分取下限；三级指标以可衡量比例计；布置工作与实施评价需佐证材料不计'),
  ],
  check: (input) => {
    const rec = new RuleRecorder('audit.quality.yueyang-rubric');
    for (const report of reportsOf(input)) {
      const s = scoreYueyangRubric({ report, evaluations: input.evaluations, frameworkOf: input.frameworkOf, ...(input.parts ? { parts: input.parts } : {}) });
      for (const { line, score, reason } of s.lines) {
        const name = `考核评分表“${line.level1}·${line.level2}”（${line.points} 分）`;
        if (score === undefined) rec.record('ok', `${name}未计分：${reason}`);
        else if (score.lt(line.points)) rec.record('warning', `${name}得 ${score} 分，扣 ${line.points.minus(score)} 分：${reason}`);
        else rec.record('ok', `${name}得 ${score} 分：${reason}`);
      }
      const unscored = s.lines.filter((l) => l.score === undefined);
      const names = [...new Set(unscored.map((l) => (l.line.fromReport ? l.line.level2 : l.line.level1)))];
      const why = unscored.every((l) => !l.line.fromReport) ? '需佐证材料' : '无法从报告评定';
      rec.record('info', `按岳阳市部门整体支出绩效自评工作考核评分表，报告可评 ${s.assessable} 分中得 ${s.total} 分，另 ${FULL - s.assessable.toNumber()} 分（${names.join('、')}）${why}`);
    }
    return rec.result();
  },
};

export const RUBRIC_RULES: readonly AuditRule[] = [yueyangRubric];
