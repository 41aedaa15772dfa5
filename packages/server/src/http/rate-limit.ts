import { ApiError } from './api-error';

/**
 * Fixed-window counters in memory: enough for one process, which is what the embedded store allows.
 * Behind several processes (PostgreSQL mode) each keeps its own count, so the effective limit is
 * per process; the login lockout, which is in the database, is the limit that holds across processes.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`; throws RATE_LIMITED once the window's limit is passed. */
  hit(key: string): void {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= t) {
      if (this.windows.size > 10_000) this.sweep(t);
      w = { count: 0, resetAt: t + this.windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count > this.limit) {
      const seconds = Math.ceil((w.resetAt - t) / 1000);
      throw new ApiError('RATE_LIMITED', `请求过于频繁，请 ${seconds} 秒后再试`, { retryAfterSeconds: seconds });
    }
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= t) this.windows.delete(k);
  }
}
