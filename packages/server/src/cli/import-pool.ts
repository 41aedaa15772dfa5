import { Worker } from 'node:worker_threads';
import type { ImportResult } from '../app/import-document';

/**
 * Imports files on worker threads, N at a time, so that a batch uses every core. Each worker also fences
 * one file: its heap is capped (`maxMemoryMb`), and a file that runs past `timeoutMs` gets its worker
 * terminated; either way that file fails with a finding and a fresh worker takes the next one.
 */
export interface PoolOptions {
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly maxMemoryMb: number;
}

const BOOT = new URL('./worker-boot.js', import.meta.url);
const ENTRY = new URL('./import-worker.ts', import.meta.url).href;

function failed(file: string, rule: string, message: string): ImportResult {
  return { file, ok: false, error: message, findings: [{ rule, severity: 'error', message, location: { file } }] };
}

export async function runImportPool(files: readonly string[], options: PoolOptions, progress: (done: number, total: number, file: string) => void): Promise<ImportResult[]> {
  const results: ImportResult[] = new Array(files.length);
  let next = 0;
  let done = 0;

  const spawn = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(BOOT, { workerData: { entry: ENTRY }, resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb } });
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    });

  const runOne = (worker: Worker, file: string): Promise<{ result: ImportResult; healthy: boolean }> =>
    new Promise((resolve) => {
      const finish = (result: ImportResult, healthy: boolean) => {
        clearTimeout(timer);
        worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
        resolve({ result, healthy });
      };
      const timer = setTimeout(() => {
        void worker.terminate();
        finish(failed(file, 'import.timeout', `${file}：读取超过 ${Math.round(options.timeoutMs / 1000)} 秒，已停止`), false);
      }, options.timeoutMs);
      worker.on('message', (m: { file: string; result: ImportResult }) => finish(m.result, true));
      worker.on('error', (e: Error & { code?: string }) =>
        finish(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? failed(file, 'import.out-of-memory', `${file}：读取所需内存超过 ${options.maxMemoryMb} MB 上限，已停止`)
            : failed(file, 'import.internal-error', `${file}：内部错误，未能导入（${e.message}）`),
          false,
        ),
      );
      worker.on('exit', () => finish(failed(file, 'import.internal-error', `${file}：读取进程意外退出`), false));
      worker.postMessage({ file });
    });

  const lane = async () => {
    let worker: Worker | undefined;
    try {
      while (next < files.length) {
        const i = next++;
        const file = files[i] as string;
        worker ??= await spawn();
        const { result, healthy } = await runOne(worker, file);
        results[i] = result;
        if (!healthy) {
          void worker.terminate();
          worker = undefined;
        }
        progress(++done, files.length, file);
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, files.length)) }, lane));
  return results;
}
