import { readFile, stat } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { importDocument } from '../app/import-document';
import { DEFAULT_LIMITS } from '../adapters/importers/limits';
import { CLI_READERS } from './readers';

// One file at a time, for as long as the pool keeps this worker.
parentPort?.on('message', async (message: { file: string }) => {
  // Refuse an oversized file by its size on disk, before reading a byte of it into memory.
  const { size } = await stat(message.file);
  const bytes = size > DEFAULT_LIMITS.maxFileBytes ? new Uint8Array(size > 0 ? 1 : 0) : new Uint8Array(await readFile(message.file));
  if (size > DEFAULT_LIMITS.maxFileBytes) {
    const text = `${message.file}：文件大小 ${(size / 1048576).toFixed(1)} MB 超过上限 ${(DEFAULT_LIMITS.maxFileBytes / 1048576).toFixed(0)} MB，未读取`;
    parentPort?.postMessage({ file: message.file, result: { file: message.file, ok: false, error: text, findings: [{ rule: 'import.too-large', severity: 'error', message: text, location: { file: message.file } }] } });
    return;
  }
  const result = await importDocument(bytes, message.file, CLI_READERS, DEFAULT_LIMITS);
  parentPort?.postMessage({ file: message.file, result });
});
parentPort?.postMessage({ ready: true });
