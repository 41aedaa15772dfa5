import { ApiError } from '../../api/client';
import type { Attachment } from '../../api/types';

/**
 * One 佐证材料 uploaded as the raw request body (docs/api-attachments-grades.md: one file per request, its name and
 * 说明 percent-encoded in headers), like a report import. An XMLHttpRequest rather than fetch, because only it
 * reports upload progress, which a 20 MB scan on a county network needs.
 */
export function uploadAttachment(evaluationId: string, file: File, description: string, token: string, onProgress: (fraction: number) => void): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/evaluations/${encodeURIComponent(evaluationId)}/attachments`);
    xhr.setRequestHeader('Accept', 'application/json');
    // Some systems give no type for .ofd or .doc; the server decides the kind from the bytes anyway.
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    if (description) xhr.setRequestHeader('X-Description', encodeURIComponent(description));
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as Attachment);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? 'HTTP', error?.message ?? `上传失败（HTTP ${xhr.status}）`, error?.details));
    };
    xhr.send(file);
  });
}

/** The kinds the server takes (it checks the bytes too; this only spares a doomed upload). */
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx', '.doc', '.xls', '.ofd', '.zip'] as const;

export const UNSUPPORTED_MESSAGE = '不支持的佐证材料格式（支持 PDF、图片、Word、Excel、OFD、ZIP）';

/** Why the file need not be sent at all, or undefined when only the server can tell. */
export function precheck(file: File): string | undefined {
  const lower = file.name.toLowerCase();
  if (!ATTACHMENT_EXTENSIONS.some((ext) => lower.endsWith(ext))) return UNSUPPORTED_MESSAGE;
  if (file.size === 0) return '文件为空，未上传';
  return undefined;
}
