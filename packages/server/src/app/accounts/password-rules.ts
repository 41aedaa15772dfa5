/**
 * Password rules, in the spirit of 等保 2.0 (GB/T 22239-2019 8.1.4.1: 口令应有复杂度要求并定期更换) and
 * NIST SP 800-63B (length over composition): at least 10 characters, at least three of the four kinds,
 * not containing the username. Returns every unmet rule in Chinese, empty when the password is acceptable.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push(`密码至少 ${MIN_PASSWORD_LENGTH} 个字符`);
  if ([...password].length > MAX_PASSWORD_LENGTH) problems.push(`密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`);
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三种');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
