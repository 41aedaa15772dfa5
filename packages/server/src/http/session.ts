import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { loadActor } from '../app/accounts/load-actor';
import { findSession } from '../app/accounts/sessions';
import type { Actor } from '../app/access/actor';
import { ApiError } from './api-error';
import type { AppDeps, AppEnv } from './app-deps';
import type { RateLimiter } from './rate-limit';

export const SESSION_COOKIE = 'jixiao_session';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads the session cookie into `actor` (or leaves it undefined), and guards every write:
 * - an Origin header from another site is refused (the browser's own CSRF signal);
 * - a write made with the session cookie must carry the session's CSRF token in X-CSRF-Token, which a
 *   cross-site page cannot read (the token comes from /api/auth/login and /api/auth/me only);
 * - writes are rate-limited per user.
 */
export function sessionMiddleware(deps: AppDeps, writes: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', undefined);
    c.set('session', undefined);
    const unsafe = UNSAFE.has(c.req.method);
    if (unsafe) checkOrigin(c);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const session = await findSession(deps.db, token, deps.now(), deps.config.session);
      if (session) {
        if (unsafe && c.req.header(CSRF_HEADER) !== session.csrfToken) throw new ApiError('CSRF', '缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token），请刷新页面后重试');
        const actor = await loadActor(deps.db, session.userId);
        if (actor) {
          c.set('session', session);
          c.set('actor', actor);
          if (unsafe) writes.hit(`user:${actor.userId}`);
        }
      }
    }
    await next();
  };
}

function checkOrigin(c: Context): void {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return;
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError('CSRF', '请求来源（Origin）无效');
  }
  if (originHost !== host) throw new ApiError('CSRF', `拒绝来自其他站点（${originHost}）的写请求`);
}

/** The signed-in actor, or 401. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new ApiError('UNAUTHENTICATED', '请先登录（会话不存在或已过期）');
  return actor;
}

/** The client's address: the socket's, or the first X-Forwarded-For hop when the proxy is trusted. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto') === 'https';
}
