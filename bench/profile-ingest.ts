/**
 * Ingest profile: where the time of bench/ingest.ts's "ours" path goes. `npx tsx bench/profile-ingest.ts [n]` puts
 * `n` bench corpus mails of each type (default 150 plain and QP-HTML, a third as many .docx, a sixth as many .pdf)
 * through the same path as the ingest figure — RawStore.put, ingestRaw, the search index catching up — against a
 * private redis-server, two at a time, and prints per type: CPU ms per mail (this process's user + system time, steadier
 * than wall time on a busy machine), the same for bare `simpleParser`, and Redis round trips (socket writes) and
 * commands per mail.
 *
 *   --profile out.cpuprofile   also profile the measured part (node:inspector) and print self time by function
 *   --summarise x.cpuprofile   only print self time by function of a profile (`node --cpu-prof --import tsx …`)
 *   --type plain               only this mail type
 *   --stages                   instead: one mail at a time, the wall time of each stage of the path (keeping the raw
 *                              mail, reading it back, MIME and attachments, understanding the text, storing, indexing)
 *                              beside the fair baseline's (simpleParser without conversions, one Redis write)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { simpleParser } from 'mailparser';
import type { Redis } from 'ioredis';
import { extractDocxText } from '../src/ingest/docx.ts';
import { extractBuffer } from '../src/ingest/extract.ts';
import { ingestRaw, type RawIngestDeps } from '../src/ingest/ingest-raw.ts';
import { parsePartWith, sourceOf } from '../src/ingest/parse-part.ts';
import { extractPdfText } from '../src/ingest/pdf.ts';
import { inlineReader } from '../src/ingest/reader.ts';
import { DEFAULT_LIMITS } from '../src/ingest/types.ts';
import { Quarantine } from '../src/store/quarantine.ts';
import { RawStore } from '../src/store/raw.ts';
import { SearchIndex } from '../src/store/search.ts';
import { DocumentStore } from '../src/store/store.ts';
import { mailCorpus, type GenMail, type MailType } from './corpus.ts';
import { startRedis } from './redis.ts';
import { createEnv } from './env.ts';
import { mapLimit } from './util.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self time (ms) by function and by package or source folder, the largest first. Idle time and the profiler's own
 * work (stopping and serialising the profile: `post` in node:inspector) are left out of the total and shown apart.
 */
function summarise(profile: CpuProfile, top = 30): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let profiler = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += ms;
      return;
    }
    if (url === 'node:inspector') {
      profiler += ms;
      return;
    }
    total += ms;
    const file = url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules\/)/, '$1').replace(/^.*\/work\/main\//, '');
    fns.set(`${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`, (fns.get(`${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`) ?? 0) + ms);
    const mod = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? (/^(src\/[^/]+\/[^/]+|bench\/[^/]+)/.exec(file)?.[1] ?? (file.startsWith('node:') ? 'node:*' : file || functionName));
    modules.set(mod, (modules.get(mod) ?? 0) + ms);
  });
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title} (of ${total.toFixed(0)} ms sampled)`);
    for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
  };
  print('self time by function', fns);
  print('self time by module', modules);
  console.log(`\nleft out: ${idle.toFixed(0)} ms idle, ${profiler.toFixed(0)} ms in the profiler itself`);
}

/** Counts socket writes (each an exchange the caller waits for) and commands sent on `redis`. */
function countTrips(redis: Redis): { trips: number; commands: number } {
  const counts = { trips: 0, commands: 0 };
  const stream = (redis as unknown as { stream: { write: (...args: unknown[]) => boolean } }).stream;
  const write = stream.write.bind(stream);
  stream.write = (...args: unknown[]) => {
    counts.trips++;
    return write(...args);
  };
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
    const name = (args[0] as { name?: string }).name;
    // multi() sends MULTI … EXEC around the queued commands: count what was queued.
    if (name !== 'multi' && name !== 'exec') counts.commands++;
    return send(...args);
  });
  return counts;
}

function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

/**
 * Wall ms per mail of each stage, one mail at a time (no overlap between stages), after a warm-up pass: the stages of
 * `ingestRaw` called one by one as it calls them, then `ingestRaw` whole on the same mails, then the fair baseline.
 */
async function stages(redis: Redis, prefix: string, mails: readonly GenMail[]): Promise<Array<[string, number]>> {
  const totals = new Map<string, number>();
  const time = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    totals.set(name, (totals.get(name) ?? 0) + performance.now() - t0);
    return r;
  };
  for (const pass of ['warm', 'timed']) {
    totals.clear();
    const store = new DocumentStore(redis, `${prefix}-${pass}-stages`);
    const raw = new RawStore(redis, `${prefix}-${pass}-stages`);
    const index = new SearchIndex(store);
    for (const [i, m] of mails.entries()) {
      const { meta } = await time('keep the raw mail (RawStore.put)', () => raw.put(m.bytes, { type: 'file', path: `stages/${i}.eml` }, { maxBytes: 100 * 1024 * 1024 }));
      await time('read it back (RawStore.load)', () => raw.load(meta.id));
      const extraction = await time('MIME and attachments (extractBuffer)', () => extractBuffer(m.bytes, { filename: `${meta.id}.eml`, format: 'eml', name: meta.id, origin: { path: meta.id } }, DEFAULT_LIMITS, inlineReader));
      for (const part of extraction.parts) {
        const { parsed } = await time('understand the text (parseDocument)', () => parsePartWith(inlineReader, part, DEFAULT_LIMITS));
        await time('store it (DocumentStore.addDocument)', () => store.addDocument(part.text, parsed, sourceOf(part), new Date()));
      }
    }
    await time('index it (SearchIndex.catchUp)', () => index.catchUp());
    const whole = { store: new DocumentStore(redis, `${prefix}-${pass}-whole`), raw: new RawStore(redis, `${prefix}-${pass}-whole`) };
    const deps: RawIngestDeps = { ...whole, quarantine: new Quarantine(redis, `${prefix}-${pass}-whole`), limits: DEFAULT_LIMITS, senderAuth: false };
    for (const [i, m] of mails.entries()) {
      const { meta } = await whole.raw.put(m.bytes, { type: 'file', path: `whole/${i}.eml` }, { maxBytes: 100 * 1024 * 1024 });
      await time('ingestRaw whole (all but keeping the raw mail and indexing)', () => ingestRaw(deps, meta.id));
    }
    for (const [i, m] of mails.entries()) {
      const mail = await time('fair baseline: simpleParser, no conversions', () => simpleParser(m.bytes, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true }));
      let text = mail.text ?? '';
      for (const a of mail.attachments) {
        const name = a.filename ?? 'attachment';
        if (/wordprocessingml/i.test(a.contentType) || name.toLowerCase().endsWith('.docx')) text += `\n${await time('fair baseline: the same extractors', () => extractDocxText(a.content, name, DEFAULT_LIMITS))}`;
        else if (/pdf/i.test(a.contentType) || name.toLowerCase().endsWith('.pdf')) text += `\n${(await time('fair baseline: the same extractors', () => extractPdfText(a.content, name, DEFAULT_LIMITS))).text}`;
      }
      await time('fair baseline: one Redis write', () => redis.set(`${prefix}-${pass}-fair:${i}`, text));
    }
  }
  return [...totals].map(([name, ms]) => [name, ms / mails.length]);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv.splice(i, 2)[1] : undefined;
  };
  const only = opt('--summarise');
  if (only) return summarise(JSON.parse(readFileSync(only, 'utf8')) as CpuProfile);
  const profileTo = opt('--profile');
  const onlyType = opt('--type') as MailType | undefined;
  const byStage = argv.includes('--stages');
  if (byStage) argv.splice(argv.indexOf('--stages'), 1);
  const n = Number(argv[0] ?? 150);
  const counts: Record<MailType, number> = { plain: n, 'qp-html': n, docx: Math.ceil(n / 3), pdf: Math.ceil(n / 6) };
  const warmCounts: Record<MailType, number> = { plain: 20, 'qp-html': 20, docx: 6, pdf: 4 };
  const corpus = await mailCorpus(1, counts);
  const warm = await mailCorpus(2, warmCounts);

  const server = await startRedis({ hz: 100 });
  const env = createEnv(server, { quick: true, seed: 1, gc: null });
  const ours = async (mails: readonly GenMail[], name: string) => {
    const redis = env.connect();
    await redis.ping();
    const counted = countTrips(redis);
    const prefix = env.prefix(`profile-${name}`);
    const store = new DocumentStore(redis, prefix);
    const raw = new RawStore(redis, prefix);
    const deps: RawIngestDeps = { store, raw, quarantine: new Quarantine(redis, prefix), limits: DEFAULT_LIMITS, senderAuth: false };
    const index = new SearchIndex(store);
    let docs = 0;
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await mapLimit(mails, 2, async (m, i) => {
      const { meta } = await raw.put(m.bytes, { type: 'file', path: `bench/${name}/${i}.eml` }, { maxBytes: 100 * 1024 * 1024 });
      const outcome = await ingestRaw(deps, meta.id);
      docs += outcome.documents.length;
    });
    await index.catchUp();
    return { cpu: cpuMs(cpu), wall: performance.now() - t0, docs, ...counted };
  };
  const bare = async (mails: readonly GenMail[]) => {
    const cpu = process.cpuUsage();
    await mapLimit(mails, 2, async (m) => simpleParser(m.bytes));
    return cpuMs(cpu);
  };

  if (byStage) {
    const redis = env.connect();
    for (const type of (['plain', 'qp-html', 'docx', 'pdf'] as const).filter((t) => !onlyType || t === onlyType)) {
      const mails = corpus.filter((m) => m.type === type);
      console.log(`\n${type}: ${mails.length} mails, one at a time, wall ms per mail`);
      for (const [name, ms] of await stages(redis, env.prefix(`stages-${type}`), mails)) console.log(`${ms.toFixed(3).padStart(9)} ms  ${name}`);
    }
    const stats = (await redis.info('commandstats')).split('\n').filter((l) => /cmdstat_(evalsha|eval|set|hset|zadd|sadd|exec):/.test(l));
    console.log(`\nRedis's own time per command (all stages): ${stats.map((l) => l.replace(/^cmdstat_(\w+):calls=(\d+),usec=\d+,usec_per_call=([\d.]+).*$/s, '$1 $3 µs × $2')).join('; ')}`);
    await env.close();
    await server.stop();
    return;
  }
  await bare(warm);
  await ours(warm, 'warm');
  // Only sgbot's side is profiled: the baseline runs after it, outside the profile.
  const session = profileTo ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const types = (['plain', 'qp-html', 'docx', 'pdf'] as const).filter((t) => !onlyType || t === onlyType);
  const results = [];
  for (const type of types) results.push({ type, mails: corpus.filter((m) => m.type === type), o: await ours(corpus.filter((m) => m.type === type), type) });
  if (session && profileTo) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileTo, JSON.stringify(profile));
    session.disconnect();
    summarise(profile as unknown as CpuProfile);
  }
  const lines: string[] = [];
  for (const { type, mails, o } of results) {
    const b = await bare(mails);
    const per = (x: number) => (x / mails.length).toFixed(2).padStart(7);
    lines.push(
      `${type.padEnd(8)} ${String(mails.length).padStart(4)} mails  ours ${per(o.cpu)} ms CPU (${per(o.wall)} ms wall)  simpleParser ${per(b)} ms CPU  ` +
        `CPU ratio ${(b / o.cpu).toFixed(2)}  Redis ${per(o.trips)} trips ${per(o.commands)} commands per mail  ${o.docs} docs`,
    );
  }
  console.log(`\n${lines.join('\n')}`);
  await env.close();
  await server.stop();
}

await main();
