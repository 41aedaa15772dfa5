import { describe, expect, it } from 'vitest';
import { YUEYANG_RUBRIC } from '@jixiao/core';
import type { GradeInputLine } from './work-grade-score';
import { scoreWorkGrade } from './work-grade-score';

/** The rubric's 11 lines and points, as printed: 8 2 | 10 10 | 8 7 5 5 10 20 15 = 100. */
const POINTS = { notice: 8, team: 2, 'self-check': 10, submission: 10, body: 8, attachments: 7, weights: 5, refinement: 5, measurable: 10, problems: 20, measures: 15 };

/** A reviewer's grade, chosen by hand. */
const GRADE: Record<keyof typeof POINTS, string> = {
  notice: '7.5',
  team: '2',
  'self-check': '9',
  submission: '7',
  body: '8',
  attachments: '5',
  weights: '5',
  refinement: '4.5',
  measurable: '8',
  problems: '16',
  measures: '12',
};

const lines = (grade: Record<string, string>): GradeInputLine[] => Object.entries(grade).map(([id, score]) => ({ id, score }));

describe('scoreWorkGrade', () => {
  it('knows the 11 lines of the 岳阳 rubric, 100 points in all', () => {
    expect(Object.fromEntries(YUEYANG_RUBRIC.map((l) => [l.id, l.points.toNumber()]))).toEqual(POINTS);
  });

  it('totals a grade exactly, in the rubric’s order whatever the order sent', () => {
    // 7.5 + 2 + 9 + 7 + 8 + 5 + 5 + 4.5 + 8 + 16 + 12 = 84
    const result = scoreWorkGrade(YUEYANG_RUBRIC, lines(GRADE).reverse());
    expect(result.ok && result.total.toString()).toBe('84');
    expect(result.ok && result.lines.map((l) => `${l.id}=${l.score}`)).toEqual([
      'notice=7.5',
      'team=2',
      'self-check=9',
      'submission=7',
      'body=8',
      'attachments=5',
      'weights=5',
      'refinement=4.5',
      'measurable=8',
      'problems=16',
      'measures=12',
    ]);
  });

  it('adds tenths as decimals (0.1 + 0.2 is 0.3, not 0.30000000000000004), keeps notes and drops blank ones', () => {
    const zeros = Object.fromEntries(Object.keys(POINTS).map((id) => [id, '0']));
    const input = lines({ ...zeros, notice: '0.1', team: '0.2' }).map((l) => (l.id === 'notice' ? { ...l, note: ' 通知未附附件 ' } : l.id === 'team' ? { ...l, note: '  ' } : l));
    const result = scoreWorkGrade(YUEYANG_RUBRIC, input);
    expect(result.ok && result.total.toString()).toBe('0.3');
    expect(result.ok && result.lines.slice(0, 2)).toEqual([
      { id: 'notice', score: '0.1', note: '通知未附附件' },
      { id: 'team', score: '0.2', note: null },
    ]);
  });

  it('takes full points and writes scores in canonical form', () => {
    // Every line at its points: 100; "08" is 8.
    const result = scoreWorkGrade(YUEYANG_RUBRIC, lines({ ...Object.fromEntries(Object.entries(POINTS).map(([id, p]) => [id, String(p)])), notice: '08', team: '2.0' }));
    expect(result.ok && result.total.toString()).toBe('100');
    expect(result.ok && result.lines.slice(0, 2).map((l) => l.score)).toEqual(['8', '2']);
  });

  it('refuses a score with two places or above the line’s points, naming the line’s 二级指标', () => {
    const twoPlaces = scoreWorkGrade(YUEYANG_RUBRIC, lines({ ...GRADE, notice: '8.25' }));
    expect(twoPlaces).toEqual({
      ok: false,
      message: '“自评通知”的得分“8.25”无效：应为 0 到 8 之间、最多一位小数的数（如 8 或 7.5）',
      problems: [{ lineId: 'notice', message: '“自评通知”的得分“8.25”无效：应为 0 到 8 之间、最多一位小数的数（如 8 或 7.5）' }],
    });
    const above = scoreWorkGrade(YUEYANG_RUBRIC, lines({ ...GRADE, notice: '11', problems: '-1', measures: '十' }));
    expect(above.ok).toBe(false);
    expect(!above.ok && above.problems.map((p) => p.lineId)).toEqual(['notice', 'problems', 'measures']);
    expect(!above.ok && above.message).toBe(
      '“自评通知”的得分 11 超过该项的 8 分：应为 0 到 8 之间、最多一位小数的数（如 8 或 7.5）；' +
        '“反映问题情况”的得分“-1”无效：应为 0 到 20 之间、最多一位小数的数（如 20 或 19.5）；' +
        '“建议情况”的得分“十”无效：应为 0 到 15 之间、最多一位小数的数（如 15 或 14.5）',
    );
  });

  it('wants every line exactly once, naming missing, unknown and repeated ids', () => {
    const input = [...lines(GRADE).filter((l) => l.id !== 'team' && l.id !== 'submission'), { id: 'bonus', score: '5' }, { id: 'body', score: '8' }];
    const result = scoreWorkGrade(YUEYANG_RUBRIC, input);
    expect(result).toEqual({
      ok: false,
      message: '评分须对考核评分表的 11 项各给一次分：缺少 team（工作小组）、submission（提交报告）；考核评分表中没有 bonus；body（完整性·正文） 给了不止一次',
      problems: [
        { lineId: 'team', message: '缺少 team（工作小组）' },
        { lineId: 'submission', message: '缺少 submission（提交报告）' },
        { lineId: 'bonus', message: '考核评分表中没有 bonus' },
        { lineId: 'body', message: 'body（完整性·正文） 给了不止一次' },
      ],
    });
    expect(scoreWorkGrade(YUEYANG_RUBRIC, []).ok).toBe(false);
  });

  it('refuses a note over 500 characters', () => {
    const input = lines(GRADE).map((l) => (l.id === 'measures' ? { ...l, note: '长'.repeat(501) } : l));
    const result = scoreWorkGrade(YUEYANG_RUBRIC, input);
    expect(!result.ok && result.message).toBe('“建议情况”的说明有 501 字，最多 500 字');
  });
});
