import { act } from '@testing-library/react';
import { vi } from 'vitest';

/** Fake `setTimeout` and `Date` only: React and SWR keep their own scheduling, the client's latency is ours. */
export function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/** Moves the fake clock on by `ms` inside `act`, running every timer and promise that comes due. */
export async function advance(ms = 0): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/** Runs every pending timer (and those they schedule) inside `act`, until nothing is left. */
export async function settleAll(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    if (vi.getTimerCount() === 0) return;
  }
}
