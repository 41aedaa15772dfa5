/**
 * The one way the web app talks to the API. Every request sends the session cookie; every write carries the
 * CSRF token the server handed out at login (kept in memory only, never in storage, so a page that cannot
 * read our memory cannot forge a write). The API's error shape `{ error: { code, message, details? } }`
 * becomes a thrown `ApiError`, shown to the user by the reporter the app installs, and a 401 sends the user
 * to the login page.
 */

/** An error the API answered with (or the network failed with: status 0, code `NETWORK`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  /** The caller handles the error itself (a save conflict, a wrong password): no message is shown. */
  readonly quiet?: boolean;
  readonly signal?: AbortSignal;
}

interface ClientHooks {
  /** Called on a 401 from anything but the auth endpoints: the session has ended. */
  onUnauthenticated?: () => void;
  /** Shows an error to the user (antd `message.error`). */
  reportError?: (error: ApiError) => void;
}

let csrfToken: string | null = null;
let hooks: ClientHooks = {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function configureClient(next: ClientHooks): void {
  hooks = next;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `/api/x` with the defined query parameters, for requests and for plain download links alike. */
export function apiUrl(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string; details?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function send<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw fail(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'), options);
  }
  const body = await readBody(response);
  if (response.ok) return body as T;
  const error = isErrorBody(body)
    ? new ApiError(response.status, body.error.code, body.error.message, body.error.details)
    : new ApiError(response.status, 'HTTP', `请求失败（HTTP ${response.status}）`);
  if (response.status === 401 && !path.startsWith('/api/auth/')) {
    csrfToken = null;
    hooks.onUnauthenticated?.();
    // The login page explains itself; a toast on top of it would only repeat "请登录".
    throw error;
  }
  throw fail(error, options);
}

function fail(error: ApiError, options: RequestOptions): ApiError {
  if (!options.quiet) hooks.reportError?.(error);
  return error;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => send<T>('GET', path, options),
  post: <T>(path: string, options?: RequestOptions) => send<T>('POST', path, options),
  put: <T>(path: string, options?: RequestOptions) => send<T>('PUT', path, options),
  delete: <T>(path: string, options?: RequestOptions) => send<T>('DELETE', path, options),
};

/** The name in `Content-Disposition` (the UTF-8 `filename*` where given, as the server sends Chinese names). */
export function dispositionFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1];
}

/**
 * Downloads a file the API generates (an export can fail: no LibreOffice for PDF, content that cannot be
 * rendered), so that a failure shows its Chinese message instead of saving an error body as the file.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw fail(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'), {});
  }
  if (!response.ok) {
    const body = await readBody(response);
    const error = isErrorBody(body) ? new ApiError(response.status, body.error.code, body.error.message, body.error.details) : new ApiError(response.status, 'HTTP', `下载失败（HTTP ${response.status}）`);
    if (response.status === 401) hooks.onUnauthenticated?.();
    throw fail(error, {});
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = dispositionFilename(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
