import { expect, it } from 'vitest';
import { ApiError } from './api-error';
import { RateLimiter } from './rate-limit';

it('allows `limit` hits per window and key, then refuses with the seconds to wait', () => {
  let now = 0;
  const limiter = new RateLimiter(3, 60_000, () => now);
  for (let i = 0; i < 3; i++) limiter.hit('1.2.3.4');
  limiter.hit('5.6.7.8');
  now = 15_000;
  try {
    limiter.hit('1.2.3.4');
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    // The window opened at 0 and closes at 60 s: 45 s left.
    expect((error as ApiError).message).toBe('请求过于频繁，请 45 秒后再试');
    expect((error as ApiError).status).toBe(429);
  }
  now = 60_000;
  expect(() => limiter.hit('1.2.3.4')).not.toThrow();
});
