/**
 * Global set-up of the fault suite: draws (or takes from FAULTS_SEED) the run's seed and hands it to every scenario,
 * clears the rows of an earlier run; at the end prints the table of scenarios and counts and writes
 * coverage/faults.json.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { runSeed } from './support/rng.ts';
import { formatTable, readRows, RESULT_FILE, ROWS_DIR, writeResult } from './support/table.ts';

export default function setup(project: TestProject): () => void {
  const seed = runSeed();
  const quick = process.env['FAULTS_QUICK'] === '1';
  rmSync(ROWS_DIR, { recursive: true, force: true });
  project.provide('faultsSeed', seed);
  project.provide('faultsQuick', quick);
  const started = Date.now();
  console.log(`faults: seed ${seed}${quick ? ', quick run (FAULTS_QUICK=1)' : ''}; replay with FAULTS_SEED=${seed}`);
  return () => {
    const rows = readRows();
    const seconds = Math.round((Date.now() - started) / 1000);
    const header = `Fault suite: seed ${seed}${quick ? ' (quick)' : ''}, ${seconds} s. Replay: FAULTS_SEED=${seed}${quick ? ' FAULTS_QUICK=1' : ''} npx vitest run --config vitest.faults.config.ts`;
    console.log(`\n${formatTable(rows, header)}\n`);
    writeResult(rows, { seed, quick, seconds, at: new Date().toISOString() });
    console.log(`faults: table written to ${RESULT_FILE}`);
  };
}
