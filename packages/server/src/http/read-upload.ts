import { formatSize } from '@jixiao/core';
import { ApiError } from './api-error';

/** The refusal for a body over the cap, with the cap in words a user reads ("50 MB"). */
export function tooLarge(maxBytes: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `文件过大：上传的文件不能超过 ${formatSize(maxBytes)}，请压缩图片或拆分文件后再上传`, { maxBytes });
}

/**
 * Reads a request body of at most `maxBytes`, chunk by chunk. A Content-Length over the cap is refused before
 * a byte is read; without one (chunked uploads) reading stops at the first chunk past the cap and the stream is
 * cancelled, so a client cannot make the server buffer more than the cap plus one chunk.
 */
export async function readUpload(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The file's name from the X-Filename header: percent-encoded UTF-8 (headers are Latin-1, the names are
 * Chinese), reduced to its last path segment and stripped of control characters. Undefined when unusable.
 */
export function uploadFilename(header: string | undefined): string | undefined {
  if (!header) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  name = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name || name === '.' || name === '..') return undefined;
  return name.length > 200 ? name.slice(name.length - 200) : name;
}
