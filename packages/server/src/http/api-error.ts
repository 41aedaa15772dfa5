import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { JixiaoError } from '@jixiao/core';

/**
 * The one error shape of the API: `{ "error": { "code", "message", "details"? } }`, with a stable code a
 * client can branch on and a Chinese message a user can read. Each code has one HTTP status, here.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ApiErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** Hono's onError: ApiErrors as they are; anything else is a bug, logged with its code and hidden from the client. */
export function handleError(log: (line: string) => void) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.details), error.status);
    // Hono's own refusals (a body that is not JSON, a wrong content type): the client's mistake, said in Chinese.
    if (error instanceof HTTPException && error.status < 500) {
      const malformed = /malformed json/i.test(error.message);
      const code: ApiErrorCode = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : error.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      const message = malformed
        ? '请求体不是有效的 JSON'
        : code === 'UNSUPPORTED_MEDIA_TYPE'
          ? '请求体的类型不对：应为 Content-Type: application/json'
          : code === 'PAYLOAD_TOO_LARGE'
            ? '请求体太大'
            : `请求无效（HTTP ${error.status}）`;
      return c.json(errorBody(code, message), ERROR_STATUS[code]);
    }
    const code = error instanceof JixiaoError ? error.code : 'INTERNAL';
    log(`内部错误 [${code}] ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.json(errorBody('INTERNAL', `服务器内部错误（${code}），请联系系统管理员`), 500);
  };
}

export const notFound = (what: string): ApiError => new ApiError('NOT_FOUND', `未找到${what}，或您无权查看`);
export const forbidden = (what: string): ApiError => new ApiError('FORBIDDEN', `您没有权限${what}`);
