import { argon2Hasher } from '../src/adapters/passwords/argon2';
import type { Store } from '../src/adapters/db/open-store';
import { createApp } from '../src/http/create-app';
import type { ApiApp, AppConfig, AppDeps } from '../src/http/app-deps';
import { DEFAULT_CONFIG } from '../src/http/app-deps';
import { HTTP_READERS } from '../src/http/wiring';
import { DEFAULT_LIMITS } from '../src/adapters/importers/limits';
import { renderDocx } from '../src/adapters/generators/docx/render-docx';
import { renderXlsx } from '../src/adapters/generators/xlsx/render-xlsx';
import { WORLD_PASSWORD } from './api-world';

/** The API in-process (Hono's app.request), with a settable clock and a log the test can read. */
export interface TestApi {
  readonly app: ApiApp;
  readonly deps: AppDeps;
  readonly logs: string[];
  /** Moves the API's clock. */
  advance(ms: number): void;
  /** A client logged in as `username` (the world's password unless given). */
  as(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
}

export interface Client {
  readonly csrfToken: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
  del(path: string): Promise<Response>;
}

export function createTestApi(store: Store, config: Partial<AppConfig> = {}, overrides: Partial<AppDeps> = {}): TestApi {
  let offset = 0;
  const logs: string[] = [];
  const deps: AppDeps = {
    db: store.db,
    hasher: argon2Hasher,
    now: () => new Date(Date.now() + offset),
    readers: HTTP_READERS,
    importLimits: DEFAULT_LIMITS,
    renderDocx,
    renderXlsx,
    config: { ...DEFAULT_CONFIG, loginPerMinute: 10_000, writesPerMinute: 10_000, ...config },
    log: (line) => logs.push(line),
    ...overrides,
  };
  const app = createApp(deps);
  const client = (cookie: string | undefined, csrfToken: string): Client => {
    const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const isBytes = body instanceof Uint8Array;
      const init: RequestInit = {
        method,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
          ...(body !== undefined && !isBytes ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body: isBytes ? (body as Uint8Array as unknown as NonNullable<RequestInit['body']>) : JSON.stringify(body) }),
      };
      return app.request(`http://localhost${path}`, init);
    };
    return {
      csrfToken,
      request,
      get: (path) => request('GET', path),
      post: (path, body) => request('POST', path, body),
      put: (path, body) => request('PUT', path, body),
      del: (path) => request('DELETE', path),
    };
  };
  return {
    app,
    deps,
    logs,
    advance: (ms) => {
      offset += ms;
    },
    anonymous: () => client(undefined, ''),
    async as(username, password = WORLD_PASSWORD) {
      const res = await app.request('http://localhost/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return client(cookie, csrfToken);
    },
  };
}
