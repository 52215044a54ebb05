/**
 * Waiting in tests for something a fake recorded: `pick()` is checked at once, on every `change` event of `changed`,
 * and every 20 ms (predicates may look at things the fake does not see, such as the app's log).
 */
import type { EventEmitter } from 'node:events';

/** Resolve with the first truthy value of `pick()`; reject after `timeoutMs` with `failure()` as the message. */
export function waitForChange<T>(changed: EventEmitter, pick: () => T | null | undefined | false, timeoutMs: number, failure: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      const v = pick();
      if (v) {
        cleanup();
        resolve(v);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(failure()));
    }, timeoutMs);
    const poll = setInterval(check, 20);
    const cleanup = () => {
      clearTimeout(timer);
      clearInterval(poll);
      changed.off('change', check);
    };
    changed.on('change', check);
    check();
  });
}
