/**
 * Ingest: mails per second through sgbot's whole pipeline — keep the raw bytes (RawStore), then what the ingest job
 * runs (`ingestRaw`: MIME, text extraction, classification, facts, store) and the search index catching up — ÷ bare
 * mailparser `simpleParser` with its default options on the same mails. Both run two at a time (the worker's
 * default concurrency). The baseline is timed before and after sgbot, and the two rates averaged, so a load change
 * on the machine during the run hits both sides. Sender authentication (DKIM/DMARC, DNS lookups) is off: no network.
 */
import { simpleParser } from 'mailparser';
import { ingestRaw, type RawIngestDeps } from '../src/ingest/ingest-raw.ts';
import { DEFAULT_LIMITS } from '../src/ingest/types.ts';
import { Quarantine } from '../src/store/quarantine.ts';
import { RawStore } from '../src/store/raw.ts';
import { SearchIndex } from '../src/store/search.ts';
import { DocumentStore } from '../src/store/store.ts';
import { mailCorpus, type GenMail, type MailType } from './corpus.ts';
import type { BenchEnv } from './env.ts';
import { mapLimit, nowMs, ratioRow, round, type FigureResult, type ResultRow } from './util.ts';

const CONCURRENCY = 2;

async function baseline(mails: readonly GenMail[]): Promise<number> {
  const t0 = nowMs();
  await mapLimit(mails, CONCURRENCY, async (m) => {
    await simpleParser(m.bytes);
  });
  return nowMs() - t0;
}

interface Ours {
  ms: number;
  documents: number;
  problems: number;
  quarantined: number;
}

async function ours(env: BenchEnv, mails: readonly GenMail[], name: string): Promise<Ours> {
  const redis = env.connect();
  const prefix = env.prefix(`ingest-${name}`);
  const store = new DocumentStore(redis, prefix);
  const raw = new RawStore(redis, prefix);
  const deps: RawIngestDeps = { store, raw, quarantine: new Quarantine(redis, prefix), limits: DEFAULT_LIMITS, senderAuth: false };
  const index = new SearchIndex(store);
  let documents = 0;
  let problems = 0;
  let quarantined = 0;
  const t0 = nowMs();
  await mapLimit(mails, CONCURRENCY, async (m, i) => {
    const { meta } = await raw.put(m.bytes, { type: 'file', path: `bench/${name}/${i}.eml` }, { maxBytes: 100 * 1024 * 1024 });
    const outcome = await ingestRaw(deps, meta.id);
    documents += outcome.documents.length;
    problems += outcome.problems.length;
    if (outcome.state === 'quarantined') quarantined++;
  });
  await index.catchUp();
  return { ms: nowMs() - t0, documents, problems, quarantined };
}

/** Run the ingest figure: per mail type, then all types together. */
export async function ingestFigure(env: BenchEnv): Promise<FigureResult> {
  const counts: Record<MailType, number> = env.quick ? { plain: 60, 'qp-html': 60, docx: 20, pdf: 10 } : { plain: 600, 'qp-html': 600, docx: 200, pdf: 80 };
  env.log(`ingest: generating ${Object.values(counts).reduce((a, b) => a + b, 0)} mails`);
  const corpus = await mailCorpus(env.seed, counts);
  // Warm both paths (module loading, JIT) on other mails of every type.
  const warm = await mailCorpus(env.seed + 1, { plain: 20, 'qp-html': 20, docx: 6, pdf: 4 });
  await baseline(warm);
  await ours(env, warm, 'warm');

  const rows: ResultRow[] = [];
  const details: Record<string, unknown> = {};
  let totalOurs = 0;
  let totalBase = 0;
  for (const type of ['plain', 'qp-html', 'docx', 'pdf'] as const) {
    const mails = corpus.filter((m) => m.type === type);
    const avgKb = mails.reduce((a, m) => a + m.bytes.length, 0) / mails.length / 1024;
    env.log(`ingest ${type}: ${mails.length} mails, avg ${avgKb.toFixed(1)} KB`);
    const b1 = await baseline(mails);
    const o = await ours(env, mails, type);
    const b2 = await baseline(mails);
    const baseMs = (b1 + b2) / 2;
    totalOurs += o.ms;
    totalBase += baseMs;
    const oursRate = (mails.length * 1000) / o.ms;
    const baseRate = (mails.length * 1000) / baseMs;
    rows.push(ratioRow(`ingest ${type}`, round(oursRate, 0), round(baseRate, 0), 'mails/s', 1.0, `${mails.length} mails, avg ${avgKb.toFixed(1)} KB, ${o.documents} docs stored${o.problems ? `, ${o.problems} problems` : ''}`));
    details[type] = { mails: mails.length, avgKb: round(avgKb, 1), oursMs: round(o.ms, 0), baselineMs: [round(b1, 0), round(b2, 0)], ...o };
  }
  const n = corpus.length;
  rows.unshift(ratioRow('ingest (all types)', round((n * 1000) / totalOurs, 0), round((n * 1000) / totalBase, 0), 'mails/s', 1.0, `${n} mails; simpleParser defaults; sender auth off; concurrency ${CONCURRENCY}`));
  return { name: 'ingest', rows, details };
}
