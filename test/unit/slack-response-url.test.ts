/** Posting to a response_url: 429 waits for Retry-After, 5xx backs off, 4xx gives up at once. */
import { describe, expect, it } from 'vitest';
import { responseUrlPoster, SlackDeliveryError, type FetchFn } from '../../src/chat/slack/response-url.ts';

const RETRY = { retries: 2, minTimeoutMs: 5, maxTimeoutMs: 20 };

/** A fetch that answers from a script and records when each attempt came. */
function scripted(...answers: Array<Response | Error>) {
  const times: number[] = [];
  const bodies: string[] = [];
  const fetchFn: FetchFn = (_url, init) => {
    times.push(Date.now());
    bodies.push(init?.body as string);
    const next = answers.shift() ?? new Response('ok');
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { fetchFn, times, bodies };
}

describe('responseUrlPoster', () => {
  it('posts the message as JSON', async () => {
    const s = scripted(new Response('ok'));
    await responseUrlPoster({ retry: RETRY, fetch: s.fetchFn })('https://hooks.slack.test/r/1', { response_type: 'ephemeral', text: 'hi' });
    expect(JSON.parse(s.bodies[0] as string)).toEqual({ response_type: 'ephemeral', text: 'hi' });
  });

  it('waits for Retry-After on 429, then delivers', async () => {
    const s = scripted(new Response('', { status: 429, headers: { 'retry-after': '1' } }), new Response('ok'));
    await responseUrlPoster({ retry: RETRY, fetch: s.fetchFn })('https://hooks.slack.test/r/1', {});
    expect(s.times).toHaveLength(2);
    expect((s.times[1] as number) - (s.times[0] as number)).toBeGreaterThanOrEqual(950);
  });

  it('retries 5xx and network errors, then fails with the attempts counted', async () => {
    const s = scripted(new Response('boom', { status: 500 }), new TypeError('fetch failed'), new Response('down', { status: 503 }));
    const err = await responseUrlPoster({ retry: RETRY, fetch: s.fetchFn })('https://hooks.slack.test/r/1', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackDeliveryError);
    expect(err).toMatchObject({ code: 'E_SLACK_DELIVERY', status: 503, attempts: 3 });
    expect(s.times).toHaveLength(3);
  });

  it('does not retry what retrying cannot fix (an expired response_url)', async () => {
    const s = scripted(new Response('expired_url', { status: 404 }));
    await expect(responseUrlPoster({ retry: RETRY, fetch: s.fetchFn })('https://hooks.slack.test/r/1', {})).rejects.toMatchObject({ status: 404, attempts: 1 });
    expect(s.times).toHaveLength(1);
  });

  it('gives up at once when Slack asks to wait longer than a minute', async () => {
    const s = scripted(new Response('', { status: 429, headers: { 'retry-after': '3600' } }));
    await expect(responseUrlPoster({ retry: RETRY, fetch: s.fetchFn })('https://hooks.slack.test/r/1', {})).rejects.toMatchObject({ status: 429, attempts: 1 });
  });
});
