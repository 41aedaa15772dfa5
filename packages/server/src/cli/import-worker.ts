import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { importDocument } from '../app/import-document';
import { DEFAULT_LIMITS } from '../adapters/importers/limits';
import { CLI_READERS } from './readers';

// One file at a time, for as long as the pool keeps this worker.
parentPort?.on('message', async (message: { file: string }) => {
  const bytes = new Uint8Array(await readFile(message.file));
  const result = await importDocument(bytes, message.file, CLI_READERS, DEFAULT_LIMITS);
  parentPort?.postMessage({ file: message.file, result });
});
parentPort?.postMessage({ ready: true });
