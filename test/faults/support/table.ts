/**
 * The fault suite's result table: each scenario records rows {scenario, items, lost, duplicated, notes} into
 * `coverage/faults/rows/` (one file per test file, since vitest runs files in separate workers); the global set-up's
 * teardown gathers them, prints the table and writes `coverage/faults.json`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FaultRow {
  scenario: string;
  /** Items that had to arrive once each (mails stored, reminders, broadcast targets). */
  items: number;
  /** Items that never arrived. */
  lost: number;
  /** Items that arrived more than once, as the recipient sees them (see DUPLICATE_DEFINITION). */
  duplicated: number;
  notes: string;
  seconds: number;
}

export const ROWS_DIR = join(import.meta.dirname, '../../../coverage/faults/rows');
export const RESULT_FILE = join(import.meta.dirname, '../../../coverage/faults.json');

/** How "duplicated" is counted, printed above the table. */
export const DUPLICATE_DEFINITION = [
  'lost: items that never arrived (a mail with no stored document, a planned reminder or a broadcast target that received nothing).',
  'duplicated: items the recipient sees more than once. Mail is counted the way a mail store sees it, after',
  '  de-duplication by Message-ID: a reminder or list mail delivered under two different Message-IDs, or a stored',
  '  document repeated. An SMTP transaction repeated with the SAME Message-ID (the one window SMTP leaves: a kill after',
  '  the server accepted and before the marker was written) is not a duplicate; it is shown in the notes as "smtp repeats".',
  '  Chat posts have no Message-ID: every extra post in a Slack channel counts as a duplicate.',
].join('\n');

/** Record `row` for the table (file `name` under ROWS_DIR, rows appended). */
export function recordRow(file: string, row: FaultRow): void {
  mkdirSync(ROWS_DIR, { recursive: true });
  const path = join(ROWS_DIR, `${file}.json`);
  const rows = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FaultRow[]) : [];
  rows.push(row);
  writeFileSync(path, JSON.stringify(rows, null, 2));
  console.log(`faults: ${row.scenario}: ${row.items} items, ${row.lost} lost, ${row.duplicated} duplicated (${row.notes})`);
}

/** Every row recorded in this run, in file order. */
export function readRows(): FaultRow[] {
  if (!existsSync(ROWS_DIR)) return [];
  return readdirSync(ROWS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(ROWS_DIR, f), 'utf8')) as FaultRow[]);
}

/** The table as text. */
export function formatTable(rows: FaultRow[], header: string): string {
  const cols: Array<[string, (r: FaultRow) => string, 'l' | 'r']> = [
    ['scenario', (r) => r.scenario, 'l'],
    ['items', (r) => String(r.items), 'r'],
    ['lost', (r) => String(r.lost), 'r'],
    ['duplicated', (r) => String(r.duplicated), 'r'],
    ['s', (r) => r.seconds.toFixed(0), 'r'],
    ['notes', (r) => r.notes, 'l'],
  ];
  const widths = cols.map(([h, f]) => Math.max(h.length, ...rows.map((r) => f(r).length)));
  const line = (cells: string[]) => cells.map((c, i) => (cols[i]?.[2] === 'r' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ').trimEnd();
  return [
    header,
    '',
    line(cols.map(([h]) => h)),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map((r) => line(cols.map(([, f]) => f(r)))),
    '',
    DUPLICATE_DEFINITION,
  ].join('\n');
}

/** Write the result file. */
export function writeResult(rows: FaultRow[], meta: Record<string, unknown>): void {
  mkdirSync(join(RESULT_FILE, '..'), { recursive: true });
  writeFileSync(RESULT_FILE, JSON.stringify({ ...meta, definition: DUPLICATE_DEFINITION, rows }, null, 2));
}
