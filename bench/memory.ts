/**
 * Memory: resident set size of the bench process with 10k and 100k documents stored and indexed. The documents,
 * their facts and indexes live in Redis (`used_memory`, reported beside); the process holds the MiniSearch index
 * (`SearchIndex`) and nothing else that grows with the store. RSS is taken after a forced GC, and its growth over
 * the RSS measured before the first document was stored is what the index costs (the rest of the process — Bolt,
 * BullMQ, the earlier figures' leftovers — is in the absolute number).
 */
import type { BenchEnv } from './env.ts';
import { label } from './answers.ts';
import { infoRow, round, settledRss, type FigureResult, type ResultRow } from './util.ts';

export interface MemorySample {
  size: number;
  rssMb: number;
  heapMb: number;
  redisMb: number;
}

const MB = 1024 * 1024;

/** Samples memory at chosen store sizes; {@link MemoryProbe.figure} turns them into rows. */
export class MemoryProbe {
  private readonly samples: MemorySample[] = [];
  private base: MemorySample | null = null;

  constructor(
    private readonly env: BenchEnv,
    private readonly at: readonly number[],
  ) {}

  /** Before anything is stored. */
  async start(): Promise<void> {
    this.base = await this.take(0);
  }

  /** Called at every size the store reaches; samples only the chosen ones. */
  async sample(size: number): Promise<void> {
    if (!this.at.includes(size)) return;
    const s = await this.take(size);
    this.samples.push(s);
    this.env.log(`memory @${size}: rss ${s.rssMb} MB, heap ${s.heapMb} MB, redis ${s.redisMb} MB`);
  }

  private async take(size: number): Promise<MemorySample> {
    const { rss, heapUsed } = await settledRss(this.env.gc);
    return { size, rssMb: round(rss / MB, 0), heapMb: round(heapUsed / MB, 0), redisMb: round((await this.env.redis.usedMemory()) / MB, 0) };
  }

  figure(): FigureResult {
    const rows: ResultRow[] = [];
    const base = this.base;
    for (const s of this.samples) {
      const grown = base ? s.rssMb - base.rssMb : null;
      rows.push(infoRow(`memory RSS @${label(s.size)} docs`, s.rssMb, 'MB', `${grown !== null ? `+${grown} MB over ${base?.rssMb} MB before loading; ` : ''}heap ${s.heapMb} MB; Redis used_memory ${s.redisMb} MB (documents, texts, facts; the search index is in the process)${this.env.gc ? '' : '; no forced GC'}`));
    }
    const [a, b] = this.samples;
    if (a && b && base) {
      const perDocA = ((a.rssMb - base.rssMb) * 1024) / a.size;
      const perDocB = ((b.rssMb - base.rssMb) * 1024) / b.size;
      rows.push(infoRow('memory RSS per doc', round(perDocB, 1), 'KB', `${round(perDocA, 1)} KB/doc @${label(a.size)}, ${round(perDocB, 1)} KB/doc @${label(b.size)}`));
    }
    return { name: 'memory', rows, details: { before: base, samples: this.samples } };
  }
}
