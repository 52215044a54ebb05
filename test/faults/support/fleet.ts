/**
 * The worker processes of one scenario: start one (or two replicas), SIGKILL the running one when the work reaches
 * random points and start a new one, stop them all at the end, and show their logs when something went wrong.
 */
import { sleep, until } from './common.ts';
import type { Rng } from './rng.ts';
import { startWorkerProcess, type WorkerProcess } from './worker.ts';

export interface Fleet {
  /** Every process started so far, in order. */
  readonly all: readonly WorkerProcess[];
  /** Start one more worker with the scenario's settings. */
  start(): WorkerProcess;
  /** When each SIGKILL was sent (ms since the epoch). */
  readonly killTimes: readonly number[];
  /** The newest worker that was not killed. */
  current(): WorkerProcess | undefined;
  /**
   * For each point p (a fraction, ascending): wait until `progress()` reaches p × `total`, wait a random 0–`jitterMs`,
   * SIGKILL the current worker, wait a random 0–`restartMs`, start a new one. Returns one note per kill.
   */
  killAt(points: number[], o: { total: number; progress: () => Promise<number>; rng: Rng; jitterMs: number; restartMs: number; timeoutMs: number }): Promise<string[]>;
  /** SIGTERM every live worker (they finish their work in hand). */
  stopAll(): Promise<void>;
  /** The last lines of each worker's log, for an error message. */
  logs(chars?: number): string;
}

/**
 * For each point p (a fraction of `total`, ascending): wait until `progress()` reaches it, wait a random
 * 0–`jitterMs`, then run `fault` (given the progress at that moment); returns what each fault says about itself.
 */
export async function atPoints(
  points: number[],
  o: { what: string; total: number; progress: () => Promise<number>; rng: Rng; jitterMs: number; timeoutMs: number; logs?: () => string },
  fault: (at: number) => Promise<string>,
): Promise<string[]> {
  const notes: string[] = [];
  for (const p of points) {
    const target = Math.max(1, Math.ceil(p * o.total));
    await until(`progress ${target}/${o.total} before ${o.what}`, async () => (await o.progress()) >= target, o.timeoutMs, o.logs);
    await sleep(o.rng.between(0, o.jitterMs));
    notes.push(await fault(await o.progress().catch(() => -1)));
  }
  return notes;
}

export function createFleet(name: string, settings: () => Record<string, string>): Fleet {
  const all: WorkerProcess[] = [];
  const killed = new Set<WorkerProcess>();
  const killTimes: number[] = [];
  const fleet: Fleet = {
    all,
    killTimes,
    start() {
      const w = startWorkerProcess(`${name}-${all.length + 1}`, settings());
      all.push(w);
      return w;
    },
    current: () => [...all].reverse().find((w) => !killed.has(w)),
    async killAt(points, o) {
      return atPoints(points, { ...o, what: 'a kill', logs: () => fleet.logs(3000) }, async (at) => {
        const victim = fleet.current();
        if (!victim) throw new Error('no worker to kill');
        killed.add(victim);
        killTimes.push(Date.now());
        await victim.kill9();
        await sleep(o.rng.between(0, o.restartMs));
        fleet.start();
        return `kill -9 at ${at}/${o.total}`;
      });
    },
    async stopAll() {
      await Promise.all(all.map((w) => w.stop()));
    },
    logs(chars = 6000) {
      return all.map((w) => `--- ${w.name} ---\n${w.log().slice(-chars)}`).join('\n');
    },
  };
  return fleet;
}
