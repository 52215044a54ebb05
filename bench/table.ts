/** The results table on stdout: figure, ours, baseline, ratio, goal, pass/fail, note. */
import type { FigureResult, ResultRow } from './util.ts';

function fmt(x: number | null, unit = ''): string {
  if (x === null || Number.isNaN(x)) return '—';
  const s = Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
  return unit ? `${s} ${unit}` : s;
}

function verdict(r: ResultRow): string {
  return r.pass === null ? '' : r.pass ? 'pass' : 'FAIL';
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  redis: string;
  redisHz: number;
}

export function printTable(results: FigureResult[], meta: { wallS: number; machine: MachineInfo; quick: boolean }): void {
  const head = ['figure', 'ours', 'baseline', 'ratio', 'goal', 'result', 'note'];
  const lines: string[][] = [];
  for (const f of results) for (const r of f.rows) lines.push([r.figure, fmt(r.ours, r.unit), fmt(r.baseline, r.unit), r.ratio === null ? '—' : r.ratio.toFixed(2), r.goal, verdict(r), r.note ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (i === 6 ? 0 : (l[i] ?? '').length))));
  const row = (cells: string[]) => cells.map((c, i) => (i === 6 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const m = meta.machine;
  console.log(`\nsgbot bench${meta.quick ? ' (--quick: smoke sizes, not the goals\' sizes)' : ''} — ${m.cpus} CPUs (${m.cpuModel}), node ${m.node}, redis ${m.redis} (hz ${m.redisHz}), wall ${meta.wallS.toFixed(0)} s\n`);
  console.log(row(head));
  console.log(row(widths.map((w) => '-'.repeat(w))));
  for (const l of lines) console.log(row(l));
  const missed = results.flatMap((f) => f.rows).filter((r) => r.pass === false);
  console.log(`\n${missed.length === 0 ? 'all goals met' : `goals missed: ${missed.map((r) => r.figure).join('; ')}`}`);
}
