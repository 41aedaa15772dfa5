import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

function problems(env: Record<string, string>): readonly string[] {
  try {
    readConfig(env, '/srv');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('server configuration from the environment', () => {
  it('defaults: port 3000 on 127.0.0.1, data/ at the repository root, demo on, cookies Secure over HTTPS', () => {
    const config = readConfig({}, '/srv');
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', demo: true, secureCookies: 'auto', trustProxy: false });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.adminPassword).toBeUndefined();
    expect(config.dataDir).toMatch(/[\\/]data$/);
    expect(config.dataDir).not.toMatch(/packages[\\/]server/);
    expect(config.webDist).toMatch(/packages[\\/]web[\\/]dist$/);
  });

  it('reads every variable; a relative data directory is relative to where the server starts; empty means unset', () => {
    const config = readConfig(
      {
        PORT: '0',
        JIXIAO_HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://jixiao:secret@db.example:5432/jixiao',
        JIXIAO_DATA_DIR: 'var/jixiao',
        JIXIAO_ADMIN_PASSWORD: 'Strong-Passw0rd',
        JIXIAO_DEMO: 'off',
        JIXIAO_SECURE_COOKIES: '1',
        JIXIAO_TRUST_PROXY: 'yes',
        JIXIAO_UNRELATED: 'ignored',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      databaseUrl: 'postgres://jixiao:secret@db.example:5432/jixiao',
      dataDir: '/srv/var/jixiao',
      adminPassword: 'Strong-Passw0rd',
      demo: false,
      secureCookies: true,
      trustProxy: true,
    });
    expect(readConfig({ PORT: '', JIXIAO_DEMO: '' }, '/srv')).toMatchObject({ port: 3000, demo: true });
    expect(readConfig({ JIXIAO_SECURE_COOKIES: 'FALSE' }, '/srv').secureCookies).toBe(false);
  });

  it('refuses bad values with a Chinese message per variable, all at once', () => {
    expect(problems({ PORT: '70000', JIXIAO_DEMO: 'maybe', DATABASE_URL: 'mysql://x', JIXIAO_SECURE_COOKIES: 'sometimes', JIXIAO_ADMIN_PASSWORD: 'admin12345' })).toEqual([
      'PORT 应为 0–65535 之间的整数（0 表示任选一个空闲端口）',
      'DATABASE_URL 应为 postgres://用户:密码@主机:端口/数据库 形式的地址',
      'JIXIAO_ADMIN_PASSWORD 不符合密码规则：密码须包含大写字母、小写字母、数字、符号中的至少三种；密码不能包含用户名',
      'JIXIAO_DEMO 应为 1/0、true/false、yes/no 或 on/off',
      'JIXIAO_SECURE_COOKIES 应为 auto（经 HTTPS 访问时才加 Secure）、1 或 0',
    ]);
    expect(problems({ PORT: 'abc' })).toEqual(['PORT 应为 0–65535 之间的整数（0 表示任选一个空闲端口）']);
    expect(() => readConfig({ PORT: '-1' }, '/srv')).toThrow(/配置有误：\n {2}- PORT 应为/);
  });
});
