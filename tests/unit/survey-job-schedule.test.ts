import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleSurveyJobs } from '../../src/survey/jobs.js';

describe('the survey job schedule', () => {
  afterEach(() => vi.useRealTimers());

  it('runs first ten seconds after start, so the first requests go first, then hourly', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const schedule = scheduleSurveyJobs({ run: async () => void runs++ });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(runs).toBe(2);
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(runs).toBe(2);
  });

  it('stops before its first run without running, and waits for a run under way', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const early = scheduleSurveyJobs({ run: async () => void runs++ });
    await early.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(runs).toBe(0);

    let finish = () => undefined as void;
    const slow = scheduleSurveyJobs({ run: () => new Promise<void>((resolve) => (finish = resolve)) }, 10);
    await vi.advanceTimersByTimeAsync(10);
    let stopped = false;
    const stopping = slow.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
