import { ApiError, api } from '../../api/client';
import type { MeResponse } from '../../api/types';
import type { ImportOutcome } from './import-types';

/**
 * One report uploaded as the raw request body (docs/api-imports.md: one file per request, its name
 * percent-encoded in X-Filename). The API client sends JSON only, so this is a fetch of its own; the CSRF
 * token it needs comes from /api/auth/me, the same token the client holds in memory.
 */
export async function csrfToken(): Promise<string> {
  return (await api.get<MeResponse>('/api/auth/me', { quiet: true })).csrfToken;
}

/** The Chinese message of whatever went wrong; the caller shows it on that file's line only. */
export async function uploadReport(file: File, unitId: string, year: number, token: string): Promise<ImportOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/units/${encodeURIComponent(unitId)}/imports?year=${year}`, {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        // Some systems give no type for .txt or .doc; the server keeps the type as sent.
        'Content-Type': file.type || 'application/octet-stream',
        'X-Filename': encodeURIComponent(file.name),
        'X-CSRF-Token': token,
      },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) return body as ImportOutcome;
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(response.status, error?.code ?? 'HTTP', error?.message ?? `上传失败（HTTP ${response.status}）`);
}

/** The formats the readers take (.doc/.xls only where LibreOffice is installed; the server says so otherwise). */
export const ACCEPTED_EXTENSIONS = ['.docx', '.pdf', '.txt', '.xlsx', '.doc', '.xls'] as const;

export function acceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
