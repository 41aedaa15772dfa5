import { describe, expect, it } from 'vitest';
import { ImportQueue } from './import-queue';

/** A task the test finishes by hand, recording how many ran at once. */
function gate() {
  let open!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { open, fail, done };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ImportQueue', () => {
  it('runs one task at a time, in arrival order', async () => {
    const queue = new ImportQueue(1, 10);
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, g: ReturnType<typeof gate>) => async () => {
      running++;
      most = Math.max(most, running);
      order.push(`start ${name}`);
      const value = await g.done;
      running--;
      return value;
    };
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g, i) => queue.run(task(String(i), g), 10_000));
    await tick();
    expect(order).toEqual(['start 0']);
    expect(queue.load).toEqual({ running: 1, waiting: 2 });
    gates[0]?.open('a');
    await tick();
    expect(order).toEqual(['start 0', 'start 1']);
    gates[1]?.open('b');
    gates[2]?.open('c');
    expect(await Promise.all(runs)).toEqual([
      { kind: 'done', value: 'a' },
      { kind: 'done', value: 'b' },
      { kind: 'done', value: 'c' },
    ]);
    expect(most).toBe(1);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once when the waiting line is full', async () => {
    const queue = new ImportQueue(1, 1);
    const g = gate();
    const first = queue.run(() => g.done, 10_000);
    const second = queue.run(() => Promise.resolve('second'), 10_000);
    expect(await queue.run(() => Promise.resolve('third'), 10_000)).toEqual({ kind: 'busy' });
    g.open('first');
    expect(await first).toEqual({ kind: 'done', value: 'first' });
    expect(await second).toEqual({ kind: 'done', value: 'second' });
  });

  it('answers a task past its time cap as timed out, but keeps the slot until the task has stopped', async () => {
    const late: unknown[] = [];
    const queue = new ImportQueue(1, 5, (error) => late.push(error));
    const slow = gate();
    expect(await queue.run(() => slow.done, 20)).toEqual({ kind: 'timeout' });
    // The next file waits for the slow one to really stop, not just for its caller to be answered.
    const next = queue.run(() => Promise.resolve('next'), 10_000);
    await tick();
    expect(queue.load).toEqual({ running: 1, waiting: 1 });
    slow.fail(new Error('reader bug after the timeout'));
    expect(await next).toEqual({ kind: 'done', value: 'next' });
    expect(late).toEqual([new Error('reader bug after the timeout')]);
  });

  it('passes a task\'s error to its caller and frees the slot', async () => {
    const queue = new ImportQueue(1, 5);
    await expect(queue.run(() => Promise.reject(new Error('boom')), 10_000)).rejects.toThrow('boom');
    expect(await queue.run(() => Promise.resolve(1), 10_000)).toEqual({ kind: 'done', value: 1 });
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });
});
