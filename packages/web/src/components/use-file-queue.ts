import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import { ApiError } from '../api/client';

/** Where a file is in its queue: 'sending' from its turn until the caller says 'done' or 'failed'. */
export type QueueStatus = 'waiting' | 'sending' | 'done' | 'failed';

/** A file waiting, being sent, or done with. */
export interface QueuedFile {
  readonly key: string;
  readonly file: File;
  readonly status: QueueStatus;
  readonly message?: string;
}

export interface FileQueue<T extends QueuedFile> {
  readonly queue: readonly T[];
  readonly setQueue: Dispatch<SetStateAction<readonly T[]>>;
  readonly add: (item: T) => void;
}

/** A key for a file added to a queue (two drops of the same file are two lines). */
export const queueKey = (): string => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/**
 * Files sent one at a time, in the order added; each waits for the one before it whatever that one's fate, and
 * one that fails costs only its own line (its Chinese message from the server, or the error's). Used by the
 * import page (reports) and the editor's 附件 tab (佐证材料). `send` reports through `update`; `settled` runs
 * after each file (to reload a list). Pass both from useCallback.
 */
export function useFileQueue<T extends QueuedFile>(
  send: (item: T, update: (patch: Partial<T>) => void) => Promise<void>,
  settled?: () => void,
): FileQueue<T> {
  const [queue, setQueue] = useState<readonly T[]>([]);
  const running = useRef(false);

  useEffect(() => {
    if (running.current) return;
    const next = queue.find((item) => item.status === 'waiting');
    if (!next) return;
    running.current = true;
    const update = (patch: Partial<T>) => setQueue((q) => q.map((item) => (item.key === next.key ? { ...item, ...patch } : item)));
    update({ status: 'sending' } as Partial<T>);
    void (async () => {
      try {
        await send(next, update);
      } catch (error) {
        update({ status: 'failed', message: error instanceof ApiError ? error.message : String(error) } as Partial<T>);
      } finally {
        running.current = false;
        // Re-run this effect for the next waiting file.
        setQueue((q) => [...q]);
        settled?.();
      }
    })();
  }, [queue, send, settled]);

  const add = useCallback((item: T) => setQueue((q) => [...q, item]), []);
  return { queue, setQueue, add };
}
