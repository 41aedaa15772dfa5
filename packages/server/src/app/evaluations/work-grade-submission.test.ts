import { describe, expect, it } from 'vitest';
import { dec } from '@jixiao/core';
import { suggestSubmissionScore, workingDaysLate } from './work-grade-submission';

/*
 * Calendar of the cases (2023): 03-31 Friday; 04-01 Saturday, 04-02 Sunday; 04-03 Monday; 04-05 Wednesday (清明节,
 * a 法定节假日 the service does not know); 04-14 Friday; 04-17 Monday; 04-20 Thursday.
 */
describe('workingDaysLate', () => {
  it.each([
    ['2023-03-30', 0], // a day early
    ['2023-03-31', 0], // on the day
    ['2023-04-01', 0], // Saturday: no working day has passed
    ['2023-04-02', 0], // Sunday
    ['2023-04-03', 1], // Monday
    ['2023-04-05', 3], // Mon, Tue, Wed (清明节 counted: holidays are not known)
    ['2023-04-14', 10], // 04-03…04-07 and 04-10…04-14
    ['2023-04-20', 14], // 10 + 04-17…04-20
  ])('due 2023-03-31, submitted %s → %i', (submitted, late) => {
    expect(workingDaysLate('2023-03-31', submitted)).toBe(late);
  });

  it('counts across a month and a year end', () => {
    // 2023-12-29 Friday → 2024-01-02 Tuesday: Mon 01-01 (元旦, not known) and Tue.
    expect(workingDaysLate('2023-12-29', '2024-01-02')).toBe(2);
  });
});

describe('suggestSubmissionScore', () => {
  const points = dec('10');
  const deadline = { dueDate: '2023-03-31', setBy: '岳阳市' };

  it('gives full points on time', () => {
    const s = suggestSubmissionScore({ points, submittedDate: '2023-03-28', resubmissions: 0, deadline });
    expect(s && { score: s.score.toString(), reason: s.reason }).toEqual({
      score: '10',
      reason: '提交于 2023-03-28，截止日 2023-03-31（岳阳市设定），按时报送，得 10 分（工作日按周一至周五计，未计法定节假日与调休）',
    });
  });

  it('deducts a point per working day late, saying that holidays are not known', () => {
    // 3 working days late: 10 − 3 = 7.
    const s = suggestSubmissionScore({ points, submittedDate: '2023-04-05', resubmissions: 0, deadline });
    expect(s && { score: s.score.toString(), reason: s.reason }).toEqual({
      score: '7',
      reason: '提交于 2023-04-05，截止日 2023-03-31（岳阳市设定），晚 3 个工作日，每推迟一个工作日扣 1 分，得 7 分（工作日按周一至周五计，未计法定节假日与调休，请核对）',
    });
  });

  it('deducts at most the line’s points, and scores the first submission', () => {
    // 14 working days late: 10 − 14 < 0, so 0.
    const s = suggestSubmissionScore({ points, submittedDate: '2023-04-20', resubmissions: 2, deadline: { dueDate: '2023-03-31', setBy: null } });
    expect(s && { score: s.score.toString(), reason: s.reason }).toEqual({
      score: '0',
      reason: '首次提交于 2023-04-20，截止日 2023-03-31，晚 14 个工作日，每推迟一个工作日扣 1 分，最多扣 10 分，得 0 分；退回修改后又提交 2 次，按首次提交计（工作日按周一至周五计，未计法定节假日与调休，请核对）',
    });
  });

  it('counts a weekend after the deadline as no working day late', () => {
    const s = suggestSubmissionScore({ points, submittedDate: '2023-04-02', resubmissions: 0, deadline });
    expect(s?.score.toString()).toBe('10');
    expect(s?.reason).toBe('提交于 2023-04-02，截止日 2023-03-31（岳阳市设定），截止日后未过工作日，得 10 分（工作日按周一至周五计，未计法定节假日与调休）');
  });

  it('suggests nothing before submission or without a deadline', () => {
    expect(suggestSubmissionScore({ points, submittedDate: undefined, resubmissions: 0, deadline })).toBeNull();
    expect(suggestSubmissionScore({ points, submittedDate: '2023-03-28', resubmissions: 0, deadline: undefined })).toBeNull();
  });
});
