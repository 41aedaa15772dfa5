import { expect, it } from 'vitest';
import { changedPaths } from './json-diff';

it('names each changed leaf by its path, including added and removed ones', () => {
  const before = { title: '岳阳市人大', indicators: [{ name: '会议次数', actual: '12' }, { name: '满意度', actual: '95%' }], funds: { budget: '2092.38' } };
  const after = { title: '岳阳市人大', indicators: [{ name: '会议次数', actual: '13' }], funds: { budget: '2092.38', executed: '1800' } };
  expect(changedPaths(before, after)).toEqual(['funds.executed', 'indicators[0].actual', 'indicators[1]']);
  expect(changedPaths(before, structuredClone(before))).toEqual([]);
});
