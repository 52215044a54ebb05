/**
 * Retry delays, and a wait that ends early when something happens.
 */
import type { BackoffSettings } from './types.ts';

/** Default retry delays: up to 1 s after the first failure, doubling, never more than 60 s. */
export const DEFAULT_BACKOFF: BackoffSettings = { initialMs: 1_000, maxMs: 60_000 };

/**
 * The delay before retry number `attempt` (1 for the first retry), in ms: exponential with full jitter, a random
 * time between 0 and `min(maxMs, initialMs × 2^(attempt-1))`, so that many clients do not retry in step.
 *
 * @example backoffDelay(3, { initialMs: 1000, maxMs: 60000 }) // somewhere in [0, 4000]
 */
export function backoffDelay(attempt: number, settings: BackoffSettings, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(settings.maxMs, settings.initialMs * 2 ** exponent);
  return Math.round(random() * ceiling);
}

/** The delay after a refused login, ms: between half and all of `authMs` (default `maxMs`). */
export function authRetryDelay(settings: BackoffSettings, random: () => number = Math.random): number {
  const base = settings.authMs ?? settings.maxMs;
  return Math.round(base / 2 + (random() * base) / 2);
}

/**
 * One waiter at a time sleeps until a timeout or until {@link Waker.wake} is called, whichever comes first.
 * Callers check their own flags after waking: a wake carries no reason.
 */
export class Waker {
  private pending: (() => void) | null = null;

  /** Resolves after `ms` (or never times out when `ms` is undefined) or at the next {@link Waker.wake}. */
  wait(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        if (this.pending === done) this.pending = null;
        resolve();
      };
      if (ms !== undefined) timer = setTimeout(done, Math.max(0, ms));
      this.pending = done;
    });
  }

  /** Ends the current wait, if any. */
  wake(): void {
    this.pending?.();
  }
}
