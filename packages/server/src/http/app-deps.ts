import type { Kysely } from 'kysely';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Actor } from '../app/access/actor';
import type { OpenSession, SessionPolicy } from '../app/accounts/sessions';
import { DEFAULT_SESSION_POLICY } from '../app/accounts/sessions';
import type { LockoutPolicy } from '../app/accounts/login';
import { DEFAULT_LOCKOUT } from '../app/accounts/login';
import type { DocumentReaders, DocxRenderer, ImportLimits, OfficeConverter, PasswordHasher, XlsxRenderer } from '../app/ports';
import type { Database } from '../app/store/database';

/** Everything the API needs from outside, passed in by its composition root (http/main.ts or a test). */
export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly hasher: PasswordHasher;
  readonly now: () => Date;
  readonly readers: DocumentReaders;
  readonly importLimits: ImportLimits;
  readonly renderDocx: DocxRenderer;
  readonly renderXlsx: XlsxRenderer;
  /** Absent when LibreOffice is not installed: PDF export then answers 503 with the reason. */
  readonly convert?: OfficeConverter;
  readonly config: AppConfig;
  readonly log: (line: string) => void;
}

export interface AppConfig {
  readonly session: SessionPolicy;
  readonly lockout: LockoutPolicy;
  /** true: always Secure cookies; 'auto': when the request came over HTTPS (directly or per X-Forwarded-Proto with trustProxy). */
  readonly secureCookies: boolean | 'auto';
  readonly trustProxy: boolean;
  /** Largest upload accepted, checked while streaming (the body is never read past it). */
  readonly maxUploadBytes: number;
  /** Largest 佐证材料 file accepted, checked the same way (each evaluation also has a limit on all its files together). */
  readonly attachmentMaxBytes: number;
  /** Login attempts per minute per client address. */
  readonly loginPerMinute: number;
  /** Writes (POST/PUT/PATCH/DELETE) per minute per user. */
  readonly writesPerMinute: number;
}

export const DEFAULT_CONFIG: AppConfig = {
  session: DEFAULT_SESSION_POLICY,
  lockout: DEFAULT_LOCKOUT,
  secureCookies: 'auto',
  trustProxy: false,
  maxUploadBytes: 50 * 1024 * 1024,
  attachmentMaxBytes: 20 * 1024 * 1024,
  loginPerMinute: 20,
  writesPerMinute: 300,
};

export interface AppEnv {
  Variables: {
    actor: Actor | undefined;
    session: OpenSession | undefined;
  };
}

export type ApiApp = OpenAPIHono<AppEnv>;
