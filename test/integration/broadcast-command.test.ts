/**
 * The broadcast command beyond plain text: a broadcast composed from an ingested collective letter (title, reference,
 * key deadlines, link, threaded under the letter), the Slack "Confirm and send" button (a registered action,
 * dispatched by the generic Slack handler) through Bolt's real HTTP receiver with signed requests (the clicker is checked, not the drafter), and the answers to wrong use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo, Server } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROADCAST_ACTIONS } from '../../src/broadcast/actions.ts';
import { pressAction } from '../../src/chat/inbound.ts';
import { actionBlocks, actionIdPattern, slackActionHandler } from '../../src/chat/slack/actions.ts';
import { createActionRegistry } from '../../src/core/actions.ts';
import { createRegistry } from '../../commands/index.ts';
import { BROADCAST_CONFIRM_ACTION } from '../../src/broadcast/replies.ts';
import type { Reply } from '../../src/core/command.ts';
import type { Identity } from '../../src/core/identity.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { startBroadcastHarness, WHO, type BroadcastHarness } from '../support/broadcast-harness.ts';
import { BOT_TOKEN, buttonClick, FIXTURES, postSigned, SIGNING_SECRET } from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
const LIST = 't25sg20@lists.example.org';
const NOW = Date.parse('2027-02-01T09:00:00Z');

let h: BroadcastHarness;
let app: App;
let endpoint: string;

beforeAll(async () => {
  h = await startBroadcastHarness({ redisUrl, name: 'command', targets: { SG20: { lists: [LIST], slack: ['C0SG20ANN'], teams: [] } } });
  app = new App({
    receiver: new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', logLevel: LogLevel.ERROR }),
    authorize: () => Promise.resolve({ botToken: BOT_TOKEN, botUserId: 'U0BOT', botId: 'B0BOT' }),
    clientOptions: { slackApiUrl: h.slack.apiUrl },
    logLevel: LogLevel.ERROR,
  });
  const actions = createActionRegistry(BROADCAST_ACTIONS);
  const inbound = { registry: createRegistry([]), actions, context: (now: number, _tz: string, who?: Identity) => h.context(who, now), now: Date.now, rateLimitPerMinute: 100, countCommand: () => Promise.reject(new Error('no commands here')) };
  app.action(actionIdPattern(actions), slackActionHandler({ press: async (who, id, value) => (await pressAction(inbound, who, id, value, 'Europe/Zurich')).reply }));
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  await app?.stop();
  await h?.close();
});

const idOf = (r: Reply) => (r.data as { broadcast: { id: string } }).broadcast.id;
const textOf = (r: Reply) => [r.title, ...r.sections.flatMap((s) => [s.heading ?? '', ...s.items.flatMap((i) => [i.text, i.detail ?? ''])]), ...r.notes].join('\n');

async function click(userId: string, actionId: string, value: string, responseId: string): Promise<Record<string, unknown>> {
  const payload = JSON.stringify(buttonClick({ actionId, value, userId, responseUrl: h.slack.responseUrl(responseId) }));
  const res = await postSigned(endpoint, SIGNING_SECRET, new URLSearchParams({ payload }).toString());
  expect(res.status).toBe(200);
  const answered = await h.slack.waitFor(() => h.slack.responses(responseId, true)[0], 10_000, `the answer to ${responseId}`);
  return answered.body;
}

describe('broadcast command', () => {
  it('composes a broadcast from an ingested collective letter: reference, upcoming key deadlines, link, threaded under the letter', async () => {
    const text = readFileSync(join(FIXTURES, 'cl-sg20-2027-mixed-date-formats.txt'), 'utf8');
    const added = await h.services.store.addDocument(text, parseDocument(text), { name: 'cl-5-20.eml', path: null, messageId: '<cl-5-20@tsb.example.org>', format: 'eml', subject: null, from: null, sentAt: null });
    const preview = await h.ask(WHO.saraCli, 'broadcast SG20 doc TSB Collective letter 5/20', NOW);
    expect(preview.ok).toBe(true);
    const shown = textOf(preview);
    expect(preview.sections[0]?.heading).toContain('SG20: TSB Collective letter 5/20');
    expect(shown).toContain('Registration: Fri 16 Apr 2027 (end of day, Geneva)');
    expect(shown).toContain('Contributions: Wed 28 Apr 2027 (end of day, Geneva)');
    expect(shown).toContain(`https://sgbot.example.org/docs/${added.id}`);
    expect(preview.sources[0]).toMatchObject({ docId: added.id, reference: 'TSB Collective letter 5/20' });

    const id = idOf(preview);
    await h.ask(WHO.saraCli, `broadcast confirm ${id}`, NOW);
    await h.drained();
    const [mail] = h.smtp.to(LIST);
    expect(mail?.inReplyTo).toBe('<cl-5-20@tsb.example.org>');
    expect(mail?.raw).toContain('Key deadlines:');
    expect(mail?.raw).toMatch(/Fellowship requests: Fri 9 Apr 2027/);
    expect(mail?.raw).toContain(`broadcast ${id}`);
    expect(h.slack.api('chat.postMessage', true).filter((c) => c.body['channel'] === 'C0SG20ANN')).toHaveLength(1);

    expect(await h.ask(WHO.saraCli, 'broadcast SG20 doc TSB Collective letter 99/20', NOW)).toMatchObject({ ok: false, code: 'E_NOT_FOUND' });
  });

  it('confirms from the Slack button only for the secretariat, checking who clicked', async () => {
    const preview = await h.ask(WHO.saraSlack, 'broadcast SG20 Room K is closed on Tuesday; the Q4/20 session moves to room L.');
    const id = idOf(preview);
    const [actions] = actionBlocks(preview.actions);
    expect(actions).toMatchObject({ type: 'actions', elements: [{ action_id: BROADCAST_CONFIRM_ACTION, value: id, style: 'primary' }, { action_id: 'sgbot_broadcast_cancel', value: id }] });
    expect(actionBlocks((await h.ask(WHO.saraSlack, `broadcast status ${id}`)).actions)).toEqual([]);

    const refused = await click('U0DAN0001', BROADCAST_CONFIRM_ACTION, id, 'dan-click');
    expect(refused).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(refused['blocks'])).toContain('Sorry, Dan Delegate: only the secretariat may send broadcasts');
    expect(await h.broadcasts.store.state(id)).toMatchObject({ state: 'draft' });
    expect((await h.services.audit.latest(5, 'broadcast.refused'))[0]).toMatchObject({ who: 'slack:U0DAN0001', target: id, details: { command: 'confirm' } });

    const before = h.slack.api('chat.postMessage', true).length;
    const confirmed = await click('U0SARA001', BROADCAST_CONFIRM_ACTION, id, 'sara-click');
    expect(JSON.stringify(confirmed['blocks'])).toContain(`Broadcast ${id} confirmed: sending to 2 targets`);
    await h.drained();
    expect(await h.broadcasts.store.state(id)).toMatchObject({ state: 'confirmed', by: 'slack:U0SARA001' });
    expect(h.slack.api('chat.postMessage', true)).toHaveLength(before + 1);
    expect(h.smtp.to(LIST).filter((m) => m.raw.includes(`broadcast ${id}`))).toHaveLength(1);
  });

  it('answers wrong use with what to type, refuses before saying whether a broadcast exists, and keeps cancel and confirm apart', async () => {
    expect(await h.ask(WHO.saraSlack, 'broadcast')).toMatchObject({ ok: false, code: 'E_USAGE', title: 'Say which group and what to announce: broadcast SG20 <text>.' });
    expect((await h.ask(WHO.saraSlack, 'broadcast SG99 hello')).title).toContain('"SG99" is not a study group');
    expect((await h.ask(WHO.saraSlack, 'broadcast SG20')).title).toContain('Say what to announce');
    expect((await h.ask(WHO.saraSlack, 'broadcast status nope')).title).toContain('Say which broadcast by its id');
    expect(await h.ask(WHO.saraSlack, 'broadcast status zzzzzzzz')).toMatchObject({ ok: false, code: 'E_NOT_FOUND' });
    expect(await h.ask(WHO.danSlack, 'broadcast status zzzzzzzz')).toMatchObject({ ok: false, code: 'E_FORBIDDEN' });
    expect(await h.ask(WHO.tomTeams, 'broadcast SG21 Nobody listens here.')).toMatchObject({ ok: false, code: 'E_NOT_FOUND', notes: [expect.stringContaining('subscribe SG21 here') as string] });

    const dropped = idOf(await h.ask(WHO.saraSlack, 'broadcast SG20 Never mind.'));
    expect(await h.ask(WHO.saraSlack, `broadcast cancel ${dropped}`)).toMatchObject({ ok: true });
    expect(await h.ask(WHO.saraSlack, `broadcast confirm ${dropped}`)).toMatchObject({ ok: false, code: 'E_USAGE', title: expect.stringContaining('was cancelled') as string });
    const sent = idOf(await h.ask(WHO.saraSlack, 'broadcast SG20 This one goes.'));
    await h.ask(WHO.saraSlack, `broadcast confirm ${sent}`);
    expect(await h.ask(WHO.saraSlack, `broadcast cancel ${sent}`)).toMatchObject({ ok: false, title: expect.stringContaining('cannot be called back') as string });
    await h.drained();
    expect(h.smtp.messages.filter((m) => m.raw.includes(`broadcast ${dropped}`))).toHaveLength(0);
    expect(h.smtp.messages.filter((m) => m.raw.includes(`broadcast ${sent}`))).toHaveLength(1);
  });
});
