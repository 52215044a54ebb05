/**
 * Ingest: mails per second through sgbot's whole pipeline — keep the raw bytes (RawStore), then what the ingest job
 * runs (`ingestRaw`: MIME, text extraction, classification, facts, store) and the search index catching up — ÷ a
 * like-for-like baseline on the same mails: mailparser `simpleParser` with its HTML/text conversions off, the same
 * attachment extractors sgbot uses (`extractDocxText`, `extractPdfText`), and one Redis write per mail. Both run
 * two at a time (the worker's default concurrency), after the same warm-up, in {@link ROUNDS} rounds that alternate
 * which side goes first, so a load change on the machine during the run hits both sides; times are summed over the
 * rounds. `simpleParser` with its default options (what earlier runs compared against) is kept as information.
 * Sender authentication (DKIM/DMARC, DNS lookups) is off: no network.
 */
import type { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { extractDocxText } from '../src/ingest/docx.ts';
import { ingestRaw, type RawIngestDeps } from '../src/ingest/ingest-raw.ts';
import { extractPdfText } from '../src/ingest/pdf.ts';
import { DEFAULT_LIMITS } from '../src/ingest/types.ts';
import { Quarantine } from '../src/store/quarantine.ts';
import { RawStore } from '../src/store/raw.ts';
import { SearchIndex } from '../src/store/search.ts';
import { DocumentStore } from '../src/store/store.ts';
import { mailCorpus, type GenMail, type MailType } from './corpus.ts';
import type { BenchEnv } from './env.ts';
import { infoRow, mapLimit, nowMs, ratioRow, round, type FigureResult, type ResultRow } from './util.ts';

const CONCURRENCY = 2;

/** The goal: sgbot ingests at least this share of the fair baseline's mails per second. */
const INGEST_GOAL = 0.8;

/** Rounds per mail type; odd rounds run sgbot first, even ones the baselines first. */
const ROUNDS = 2;

/** simpleParser without its HTML↔text conversions, the same attachment extractors, one Redis write per mail. */
async function fairBaseline(redis: Redis, prefix: string, mails: readonly GenMail[]): Promise<number> {
  const t0 = nowMs();
  await mapLimit(mails, CONCURRENCY, async (m, i) => {
    const mail = await simpleParser(m.bytes, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
    let text = mail.text ?? '';
    for (const a of mail.attachments) {
      const name = a.filename ?? 'attachment';
      if (/wordprocessingml/i.test(a.contentType) || name.toLowerCase().endsWith('.docx')) text += `\n${await extractDocxText(a.content, name, DEFAULT_LIMITS)}`;
      else if (/pdf/i.test(a.contentType) || name.toLowerCase().endsWith('.pdf')) text += `\n${(await extractPdfText(a.content, name, DEFAULT_LIMITS)).text}`;
    }
    await redis.set(`${prefix}:${i}`, text);
  });
  return nowMs() - t0;
}

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
  // Warm every path (module loading, JIT) on other mails of every type, the same mails for each.
  const warm = await mailCorpus(env.seed + 1, { plain: 20, 'qp-html': 20, docx: 6, pdf: 4 });
  const redis = env.connect();
  await baseline(warm);
  await fairBaseline(redis, env.prefix('ingest-fair-warm'), warm);
  await ours(env, warm, 'warm');

  const rows: ResultRow[] = [];
  const infoRows: ResultRow[] = [];
  const details: Record<string, unknown> = {};
  let totalOurs = 0;
  let totalFair = 0;
  let totalBase = 0;
  for (const type of ['plain', 'qp-html', 'docx', 'pdf'] as const) {
    const mails = corpus.filter((m) => m.type === type);
    const avgKb = mails.reduce((a, m) => a + m.bytes.length, 0) / mails.length / 1024;
    env.log(`ingest ${type}: ${mails.length} mails, avg ${avgKb.toFixed(1)} KB, ${ROUNDS} rounds`);
    let oursMs = 0;
    let fairMs = 0;
    let baseMs = 0;
    let o: Ours = { ms: 0, documents: 0, problems: 0, quarantined: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const baselines = async () => {
        fairMs += await fairBaseline(redis, env.prefix(`ingest-fair-${type}`), mails);
        baseMs += await baseline(mails);
      };
      if (round % 2 === 1) {
        o = await ours(env, mails, `${type}-${round}`);
        await baselines();
      } else {
        await baselines();
        o = await ours(env, mails, `${type}-${round}`);
      }
      oursMs += o.ms;
    }
    totalOurs += oursMs;
    totalFair += fairMs;
    totalBase += baseMs;
    const rate = (ms: number) => (mails.length * ROUNDS * 1000) / ms;
    rows.push(ratioRow(`ingest ${type}`, round(rate(oursMs), 0), round(rate(fairMs), 0), 'mails/s', INGEST_GOAL, `${mails.length} mails × ${ROUNDS} rounds, avg ${avgKb.toFixed(1)} KB, ${o.documents} docs stored${o.problems ? `, ${o.problems} problems` : ''}`));
    infoRows.push(infoRow(`ingest ${type} vs simpleParser defaults`, round(rate(oursMs), 0), 'mails/s', 'earlier baseline: simpleParser with its defaults, no extractors, no Redis', round(rate(baseMs), 0)));
    details[type] = { mails: mails.length, rounds: ROUNDS, avgKb: round(avgKb, 1), oursMs: round(oursMs, 0), fairBaselineMs: round(fairMs, 0), simpleParserDefaultsMs: round(baseMs, 0), ...o };
  }
  const n = corpus.length * ROUNDS;
  rows.unshift(ratioRow('ingest (all types)', round((n * 1000) / totalOurs, 0), round((n * 1000) / totalFair, 0), 'mails/s', INGEST_GOAL, `${corpus.length} mails × ${ROUNDS} rounds; baseline simpleParser without HTML/text conversions + the same docx/pdf extractors + one Redis write per mail; sender auth off; concurrency ${CONCURRENCY}`));
  infoRows.unshift(infoRow('ingest (all types) vs simpleParser defaults', round((n * 1000) / totalOurs, 0), 'mails/s', 'earlier baseline, kept as information', round((n * 1000) / totalBase, 0)));
  rows.push(...infoRows);
  return { name: 'ingest', rows, details };
}
