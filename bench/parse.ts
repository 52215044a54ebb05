/**
 * Parser throughput on the fixture corpus: `npx tsx bench/parse.ts [rounds]`. Parses every fixture once to warm up,
 * then `rounds` times (default 20), and prints documents per second by wall clock and by CPU time (steadier on a
 * loaded machine).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../src/parse/index.ts';

const dir = join(import.meta.dirname, '../test/fixtures/docs');
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const rounds = Number(process.argv[2] ?? 20);
for (const t of texts) parseDocument(t);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const t of texts) parseDocument(t);
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
const n = texts.length * rounds;
const avgChars = Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length);
console.log(`${texts.length} documents (avg ${avgChars} chars) x ${rounds} rounds: ${Math.round(n / wallS)} docs/s wall, ${Math.round(n / cpuS)} docs/s CPU, ${((wallS * 1000) / n).toFixed(2)} ms/doc`);
