import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { z } from 'zod';
import { passwordProblems } from '../app/accounts/password-rules';

/**
 * The server's settings, from the environment (README.md, Quick start, lists them). Every variable is
 * optional; a bad value stops the start with a Chinese message naming the variable, never a silent default.
 */
export interface ServerConfig {
  readonly port: number;
  /** 127.0.0.1 unless JIXIAO_HOST says otherwise: the service is reachable from other machines only when asked. */
  readonly host: string;
  readonly databaseUrl?: string;
  /** The embedded store's directory (used when there is no DATABASE_URL). */
  readonly dataDir: string;
  readonly adminPassword?: string;
  /** Load the demo world into an empty store. */
  readonly demo: boolean;
  readonly secureCookies: boolean | 'auto';
  readonly trustProxy: boolean;
  /** The built web app (packages/web/dist). */
  readonly webDist: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`配置有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];
const flag = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => TRUE.includes(v) || FALSE.includes(v), { message: `${name} 应为 1/0、true/false、yes/no 或 on/off` })
    .transform((v) => TRUE.includes(v));

const envSchema = z.object({
  PORT: z
    .string()
    .trim()
    .regex(/^\d+$/, { message: 'PORT 应为 0–65535 之间的整数（0 表示任选一个空闲端口）' })
    .transform(Number)
    .refine((n) => n <= 65_535, { message: 'PORT 应为 0–65535 之间的整数（0 表示任选一个空闲端口）' })
    .default(3000),
  JIXIAO_HOST: z.string().trim().min(1, { message: 'JIXIAO_HOST 不能为空（例如 127.0.0.1，或 0.0.0.0 表示所有网卡）' }).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), { message: 'DATABASE_URL 应为 postgres://用户:密码@主机:端口/数据库 形式的地址' })
    .optional(),
  JIXIAO_DATA_DIR: z.string().trim().min(1, { message: 'JIXIAO_DATA_DIR 不能为空' }).optional(),
  JIXIAO_ADMIN_PASSWORD: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      const problems = passwordProblems(v, 'admin');
      if (problems.length) ctx.addIssue({ code: 'custom', message: `JIXIAO_ADMIN_PASSWORD 不符合密码规则：${problems.join('；')}` });
    }),
  JIXIAO_DEMO: flag('JIXIAO_DEMO').default(true),
  JIXIAO_SECURE_COOKIES: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => v === 'auto' || TRUE.includes(v) || FALSE.includes(v), { message: 'JIXIAO_SECURE_COOKIES 应为 auto（经 HTTPS 访问时才加 Secure）、1 或 0' })
    .transform((v): boolean | 'auto' => (v === 'auto' ? 'auto' : TRUE.includes(v)))
    .default('auto'),
  JIXIAO_TRUST_PROXY: flag('JIXIAO_TRUST_PROXY').default(false),
});

/** Empty variables count as unset: `PORT= npm start` means the default, as in most tools. */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in envSchema.shape && v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        // Messages written above already name their variable; zod's own (wrong type) do not.
        return i.message.includes(name) ? i.message : `${name}：${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.JIXIAO_HOST,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    // Relative to where the server was started; by default data/ at the repository root, wherever npm runs it from.
    dataDir: e.JIXIAO_DATA_DIR ? resolve(cwd, e.JIXIAO_DATA_DIR) : resolve(REPO_ROOT, 'data'),
    ...(e.JIXIAO_ADMIN_PASSWORD !== undefined ? { adminPassword: e.JIXIAO_ADMIN_PASSWORD } : {}),
    demo: e.JIXIAO_DEMO,
    secureCookies: e.JIXIAO_SECURE_COOKIES,
    trustProxy: e.JIXIAO_TRUST_PROXY,
    webDist: resolve(REPO_ROOT, 'packages/web/dist'),
  };
}
