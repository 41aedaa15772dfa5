import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { readUpload, uploadFilename } from './read-upload';

/**
 * A body of `chunks` chunks of 1 KB each, counting how many were pulled and whether the reader cancelled.
 * highWaterMark 0: the stream pulls only when read, so `pulled` counts what the reader took.
 */
function countingBody(chunks: number, headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled === chunks) return controller.close();
        state.pulled++;
        controller.enqueue(new Uint8Array(1024).fill(state.pulled % 256));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { state, request: new Request('http://localhost/upload', { method: 'POST', body: stream, headers, duplex: 'half' } as RequestInit) };
}

describe('readUpload', () => {
  it('reads a body under the cap whole, in order', async () => {
    const { request } = countingBody(5);
    const bytes = await readUpload(request, 10 * 1024);
    expect(bytes.byteLength).toBe(5 * 1024);
    expect([bytes[0], bytes[1024], bytes[4 * 1024]]).toEqual([1, 2, 5]);
  });

  it('stops at the first chunk past the cap and cancels the stream: a body without end costs the cap, not more', async () => {
    const { request, state } = countingBody(1_000_000);
    const error = await readUpload(request, 10 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, message: '文件过大：上传的文件不能超过 10 KB，请压缩图片或拆分文件后再上传' });
    // 10 chunks fill the cap exactly; the 11th is the one past it, and the last one read.
    expect(state).toEqual({ pulled: 11, cancelled: true });
  });

  it('refuses by Content-Length before reading a byte', async () => {
    const { request, state } = countingBody(3, { 'content-length': String(50 * 1024 * 1024 + 1) });
    await expect(readUpload(request, 50 * 1024 * 1024)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '文件过大：上传的文件不能超过 50 MB，请压缩图片或拆分文件后再上传' });
    expect(state).toEqual({ pulled: 0, cancelled: true });
  });

  it('reads no body as empty', async () => {
    expect((await readUpload(new Request('http://localhost/', { method: 'POST' }), 10)).byteLength).toBe(0);
  });
});

describe('uploadFilename', () => {
  it('decodes percent-encoded UTF-8 and keeps only the last path segment', () => {
    expect(uploadFilename(encodeURIComponent('2022年度部门整体支出绩效自评报告.docx'))).toBe('2022年度部门整体支出绩效自评报告.docx');
    expect(uploadFilename(encodeURIComponent('C:\\Users\\填报\\报告.pdf'))).toBe('报告.pdf');
    expect(uploadFilename(encodeURIComponent('a\u0000b\r\n.txt'))).toBe('ab.txt');
  });

  it('gives undefined for a name that is missing, malformed or only a path', () => {
    expect(uploadFilename(undefined)).toBeUndefined();
    expect(uploadFilename('%E5%B2')).toBeUndefined();
    expect(uploadFilename(encodeURIComponent('../'))).toBeUndefined();
    expect(uploadFilename(encodeURIComponent('..'))).toBeUndefined();
  });

  it('keeps the end of an overlong name, where the extension is', () => {
    const name = uploadFilename(encodeURIComponent(`${'很长'.repeat(200)}.docx`));
    expect(name).toHaveLength(200);
    expect(name?.endsWith('.docx')).toBe(true);
  });
});
