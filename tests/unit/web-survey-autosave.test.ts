import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveQueue, type SaveStatus, type SendResult } from '../../web/src/survey/autosave.js';

interface Call {
  key: string;
  value: unknown;
  resolve(result: SendResult): void;
}

function setUp() {
  const calls: Call[] = [];
  const statuses: Array<[string, SaveStatus['state']]> = [];
  const saved: Array<[string, unknown]> = [];
  const queue = createSaveQueue({
    delayMs: 500,
    retryDelaysMs: [1_000],
    send: (key, value) => new Promise<SendResult>((resolve) => calls.push({ key, value, resolve })),
    onStatus: (key, status) => statuses.push([key, status.state]),
    onSaved: (key, value) => saved.push([key, value]),
    now: () => 42,
  });
  return { calls, statuses, saved, queue };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('saving answers as they are typed', () => {
  it('waits for a pause, then sends only the latest value', async () => {
    const { calls, queue } = setUp();
    queue.edit('comments', 'M');
    await vi.advanceTimersByTimeAsync(300);
    queue.edit('comments', 'Mer');
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.map((c) => c.value)).toEqual(['Mer']);
  });

  it('keeps questions apart: each question is saved on its own', async () => {
    const { calls, queue } = setUp();
    queue.edit('comments', 'Tekst');
    queue.edit('interest', 3);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.map((c) => [c.key, c.value])).toEqual([
      ['comments', 'Tekst'],
      ['interest', 3],
    ]);
  });

  it('sends an edit made during a save after it, never two at once for one question', async () => {
    const { calls, statuses, saved, queue } = setUp();
    queue.edit('comments', 'A');
    await vi.advanceTimersByTimeAsync(500);
    queue.edit('comments', 'AB');
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(['A', 'AB']);
    calls[1]!.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([
      ['comments', 'A'],
      ['comments', 'AB'],
    ]);
    expect(statuses.at(-1)).toEqual(['comments', 'saved']);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('shows a refusal at the question and does not send the same value again', async () => {
    const { calls, statuses, queue } = setUp();
    queue.edit('interest', 9);
    await vi.advanceTimersByTimeAsync(500);
    calls[0]!.resolve({ ok: false, refused: true, message: 'Må være fra 0 til 4.' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
    expect(statuses.at(-1)).toEqual(['interest', 'invalid']);
    queue.edit('interest', 3);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.map((c) => c.value)).toEqual([9, 3]);
  });

  it('tries again after a failure (no connection) until the save goes through', async () => {
    const { calls, statuses, queue } = setUp();
    queue.edit('comments', 'Hei');
    await vi.advanceTimersByTimeAsync(500);
    calls[0]!.resolve({ ok: false, refused: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toEqual(['comments', 'failed']);
    expect(queue.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('flush sends what waits at once and resolves when all is saved', async () => {
    const { calls, queue } = setUp();
    queue.edit('comments', 'Nå');
    let done = false;
    const flushed = queue.flush().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(done).toBe(false);
    calls[0]!.resolve({ ok: true });
    await flushed;
    expect(done).toBe(true);
  });
});
