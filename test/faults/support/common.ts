/**
 * Small helpers shared by the fault scenarios: waiting with deadlines (never asserting timings), sizes for the full
 * and the quick (`FAULTS_QUICK=1`) run, the seed, and a Redis client that outlives a Redis restart.
 */
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { scenarioRng, type Rng } from './rng.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    faultsSeed: number;
    faultsQuick: boolean;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Poll `check` every `everyMs` until it holds; throw naming `what` (and `detail()`) after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, detail?: () => Promise<string> | string, everyMs = 50): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    let ok = false;
    try {
      ok = await check();
    } catch {
      ok = false; // Redis restarting, a server down: ask again
    }
    if (ok) return;
    if (Date.now() > end) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${detail ? `: ${await detail()}` : ''}`);
    await sleep(everyMs);
  }
}

/** Whether this is the reduced run. */
export function quick(): boolean {
  return inject('faultsQuick');
}

/** `full` normally, `small` in the quick run. */
export function size<T>(full: T, small: T): T {
  return quick() ? small : full;
}

/** The generator of scenario `name`, printed so the run can be replayed. */
export function rngFor(name: string): Rng {
  const seed = inject('faultsSeed');
  console.log(`faults: ${name}: seed ${seed} (replay with FAULTS_SEED=${seed})`);
  return scenarioRng(seed, name);
}

/** A Redis client for the test's own reads, that reconnects after a Redis restart and queues commands meanwhile. */
export function testRedis(url: string): Redis {
  const r = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
  r.on('error', () => undefined);
  return r;
}

/** Settings every worker of the suite gets. */
export function baseSettings(redisUrl: string, prefix: string): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    SGBOT_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    SGBOT_SENDER_AUTH: 'off',
    SGBOT_TZ: 'Europe/Zurich',
    SGBOT_MAIL_FROM: 'sgbot <sgbot@sgbot.example.org>',
    SGBOT_REMINDER_SECRET: 'fault-suite-reminder-secret-0123456789',
  };
}

/** Seconds since `t0` (ms). */
export const secondsSince = (t0: number): number => (Date.now() - t0) / 1000;
