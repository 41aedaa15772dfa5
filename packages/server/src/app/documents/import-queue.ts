/**
 * Runs imports a few at a time, in this process (docs/api-imports.md, "Why an in-process queue"). Reading a
 * report is asynchronous but CPU-bound: two or three at once would only share the same cores with every
 * other request, so the API takes `concurrency` at a time, lets at most `maxWaiting` queue behind them (each
 * holding its file in memory) and refuses the rest at once; the client retries.
 *
 * A run that passes its time cap is answered as timed out, but keeps its slot until its work has actually
 * stopped: the readers stop themselves at the import limits' timeout, and the next file must not start
 * alongside one that is still spending the CPU.
 */
export type QueueOutcome<T> = { readonly kind: 'done'; readonly value: T } | { readonly kind: 'timeout' } | { readonly kind: 'busy' };

export class ImportQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
    /** Told about a run that failed after its caller had been answered as timed out (a bug, to log). */
    private readonly onLateError: (error: unknown) => void = () => undefined,
  ) {}

  /** Runs in progress and runs waiting for a slot. */
  get load(): { readonly running: number; readonly waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>, timeoutMs: number): Promise<QueueOutcome<T>> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) return { kind: 'busy' };
      // The slot is handed over by release(), never re-counted: a newcomer cannot slip in between.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    let timedOut = false;
    const work = (async () => task())();
    void work.then(
      () => this.release(),
      (error: unknown) => {
        this.release();
        if (timedOut) this.onLateError(error);
      },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<QueueOutcome<T>>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve({ kind: 'timeout' });
      }, timeoutMs);
    });
    try {
      return await Promise.race([work.then((value): QueueOutcome<T> => ({ kind: 'done', value })), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
