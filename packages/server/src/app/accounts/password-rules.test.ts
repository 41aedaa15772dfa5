import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules';

describe('passwordProblems', () => {
  it('accepts a long password of three kinds that does not contain the username', () => {
    expect(passwordProblems('Yueyang-2023', 'filler1')).toEqual([]);
  });
  it('names every unmet rule', () => {
    expect(passwordProblems('abc', 'x')).toEqual(['密码至少 10 个字符', '密码须包含大写字母、小写字母、数字、符号中的至少三种']);
    expect(passwordProblems('Zhangsan2023!', 'zhangsan')).toEqual(['密码不能包含用户名']);
  });
  it('counts characters, not UTF-16 units (a 10-character Chinese passphrase is long enough)', () => {
    expect(passwordProblems('岳阳市人大常委会办公A1', 'u')).toEqual([]);
  });
});
