/**
 * The console's Retry of a quarantined mail never reads it in the web process (a hostile mail read there would hold
 * up every page): it queues an ingest job, which a worker runs through its part pool.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestJob } from '../../jobs/ingest.ts';
import { PASSWORD, PEOPLE, startConsoleHarness, type ConsoleHarness } from '../support/console-harness.ts';
import { mailWithHtml, deepNesting } from './hostile-inputs.ts';

const redisUrl = inject('redisUrl');

describe('Retry in the console', () => {
  let h: ConsoleHarness;
  const cookies = new Map<string, string>();
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: LightMyRequestResponse) => {
    for (const c of res.cookies as Array<{ name: string; value: string }>) cookies.set(c.name, c.value);
    return res;
  };
  const get = async (url: string) => keep(await h.app.inject({ method: 'GET', url, headers: { cookie: cookie() } }));
  const post = async (url: string, form: Record<string, string>) =>
    keep(await h.app.inject({ method: 'POST', url, headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() }));
  const token = async (url: string) => /name="_csrf" value="([^"]+)"/.exec((await get(url)).body)?.[1] ?? '';

  beforeAll(async () => {
    h = await startConsoleHarness({ redisUrl, name: 'retry' });
    await post('/console/login', { _csrf: await token('/console/login'), user: PEOPLE.sara.email, password: PASSWORD.sara, next: '/console' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('queues the mail for a worker, reads nothing itself, and the worker files it', async () => {
    const s = h.services;
    const { meta } = await s.raw.put(mailWithHtml(deepNesting(10_000)), { type: 'file', path: 'deep.eml' }, { maxBytes: 10_000_000 });
    await s.quarantine.put({ id: meta.id, name: 'Deep', partial: false, problems: [{ name: 'deep.eml', code: 'E_FAILED', message: 'gave up' }], at: new Date().toISOString(), rawId: meta.id, path: null });

    const page = `/console/quarantine/${meta.id}`;
    const res = await post(`${page}/retry`, { _csrf: await token(page) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(page);
    // Nothing was read in this process: the raw message is as it was, and a retry job waits in the queue.
    expect((await s.raw.meta(meta.id))?.state).toBe('queued');
    const waiting = await s.jobs().queue(ingestJob).getWaiting();
    expect(waiting.map((j) => j.id)).toEqual([expect.stringMatching(new RegExp(`^raw-${meta.id}-retry-\\d+$`))]);
    expect((await s.audit.latest(1, 'quarantine.'))[0]).toMatchObject({ action: 'quarantine.retried', target: meta.id, result: 'queued' });

    s.jobs().startWorker(ingestJob, { concurrency: 1 });
    await s.jobs().drained(ingestJob, 30_000);
    // Read by the worker: the letter beside the HTML is stored; the deep HTML is the one problem left.
    expect((await s.raw.meta(meta.id))?.state).toBe('partial');
    expect((await s.quarantine.get(meta.id))?.problems.map((p) => p.code)).toEqual(['E_BAD_DOCUMENT']);
  }, 60_000);
});
