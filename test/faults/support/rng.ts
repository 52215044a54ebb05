/**
 * Seeded randomness for the fault suite, so that a failing run can be replayed: the run's seed comes from
 * `FAULTS_SEED` (or is drawn once by the global set-up and handed to every file), and each scenario derives its own
 * generator from it and its name, so one scenario can be replayed alone with the same kill points.
 */
import { createHash } from 'node:crypto';

/** A generator of numbers in [0, 1) (mulberry32) with a few helpers. */
export interface Rng {
  readonly seed: number;
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** A number in [min, max). */
  between(min: number, max: number): number;
  /** `k` distinct sorted numbers in [min, max), at least `gap` apart. */
  points(k: number, min: number, max: number, gap: number): number[];
}

/** The generator of scenario `name` under run seed `seed`. */
export function scenarioRng(seed: number, name: string): Rng {
  const mix = createHash('sha256').update(`${seed}:${name}`).digest().readUInt32LE(0);
  let a = mix >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number): number => min + (max - min) * next();
  return {
    seed,
    next,
    between,
    int: (min, max) => Math.floor(between(min, max + 1)),
    points(k, min, max, gap) {
      for (let tries = 0; ; tries++) {
        const p = Array.from({ length: k }, () => between(min, max)).sort((x, y) => x - y);
        if (tries > 1000 || p.every((v, i) => i === 0 || v - (p[i - 1] ?? 0) >= gap)) return p;
      }
    },
  };
}

/** The run's seed: `FAULTS_SEED` when set (a decimal number), else a fresh one. */
export function runSeed(): number {
  const given = process.env['FAULTS_SEED'];
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`FAULTS_SEED must be a non-negative integer, not "${given}"`);
    return n;
  }
  return Math.floor(Math.random() * 2 ** 31);
}
