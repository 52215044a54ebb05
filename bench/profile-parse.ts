/**
 * Parser profile and regression check: `npx tsx bench/profile-parse.ts [rounds]` parses the fixtures and 300 bench
 * corpus documents `rounds` times (default 20) and prints docs/s for each set. Run it under
 * `node --cpu-prof --import tsx bench/profile-parse.ts` to see where the time goes.
 *
 * `npx tsx bench/profile-parse.ts --dump out.json` instead writes what `parseDocument` finds in every document of a
 * wider set (the fixtures, their variants — cut in pieces, CRLF line ends, non-breaking spaces — and 1,000 corpus
 * documents) so that two versions of the parser can be compared byte for byte.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../src/parse/index.ts';
import { anyDocument } from './corpus.ts';
import { Rng } from './util.ts';

const dir = join(import.meta.dirname, '../test/fixtures/docs');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));

function corpus(seed: number, n: number): string[] {
  const r = new Rng(seed);
  return Array.from({ length: n }, (_, i) => anyDocument(r, i + 1, 2026).text);
}

// Fixtures changed in the ways converters and mail clients change text, and cut into pieces at random lines.
function variants(seed: number): string[] {
  const r = new Rng(seed);
  const out: string[] = [];
  for (const t of fixtures) {
    out.push(t.replace(/\n/g, '\r\n'), t.replace(/ /g, (s) => (r.chance(0.05) ? '\u00a0' : s)), t.toUpperCase());
    const lines = t.split('\n');
    for (let k = 0; k < 4; k++) {
      const a = r.int(0, lines.length - 1);
      out.push(lines.slice(a, r.int(a, lines.length)).join('\n'));
    }
  }
  return out;
}

function rate(label: string, texts: readonly string[], rounds: number): void {
  for (const t of texts) parseDocument(t);
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) for (const t of texts) parseDocument(t);
  const s = (performance.now() - t0) / 1000;
  console.log(`${label}: ${texts.length} docs x ${rounds}: ${Math.round((texts.length * rounds) / s)} docs/s`);
}

const dumpAt = process.argv.indexOf('--dump');
if (dumpAt >= 0) {
  const texts = [...fixtures, ...variants(7), ...corpus(11, 1000)];
  writeFileSync(process.argv[dumpAt + 1] ?? 'parse-dump.json', JSON.stringify(texts.map((t) => parseDocument(t)), null, 1));
  console.log(`${texts.length} documents written`);
} else {
  const rounds = Number(process.argv[2] ?? 20);
  rate('fixtures', fixtures, rounds);
  rate('corpus', corpus(3, 300), Math.max(1, Math.round(rounds / 4)));
}
