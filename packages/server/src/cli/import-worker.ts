import { readFile, stat } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { tooLargeFinding } from '@jixiao/core';
import { importDocument, refused } from '../app/import-document';
import { DEFAULT_LIMITS } from '../adapters/importers/limits';
import { CLI_READERS } from './readers';

// One file at a time, for as long as the pool keeps this worker.
parentPort?.on('message', async (message: { file: string }) => {
  // Refuse an oversized file by its size on disk, before reading a byte of it into memory.
  const { size } = await stat(message.file);
  if (size > DEFAULT_LIMITS.maxFileBytes) {
    parentPort?.postMessage({ file: message.file, result: refused(message.file, tooLargeFinding(message.file, size, DEFAULT_LIMITS.maxFileBytes)) });
    return;
  }
  const bytes = new Uint8Array(await readFile(message.file));
  const result = await importDocument(bytes, message.file, CLI_READERS, DEFAULT_LIMITS);
  parentPort?.postMessage({ file: message.file, result });
});
parentPort?.postMessage({ ready: true });
