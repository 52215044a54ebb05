/**
 * The answer to one slash command, wherever it is computed (app.ts's own event loop, or an answer thread of
 * answer-threads.ts): the question through the inbound pipeline (ask.ts), the reply kept for "Share in channel",
 * rendered as Block Kit within Slack's limits and posted, ephemeral, to the command's `response_url`. A failure is
 * logged with a reference and, when Slack can still take it, told to the user (the request sink of inbound.ts).
 */
import { randomBytes } from 'node:crypto';
import { noAnswer, type Reply } from '../../core/command.ts';
import type { RequestSink } from '../inbound.ts';
import { fitSlackMessage, SLACK_LIMITS } from '../limits.ts';
import { actionBlocks } from './actions.ts';
import { ask, commandText, type AskDeps, type ChatIdentity } from './ask.ts';
import { replyToBlocks, type BlockOptions } from './blocks.ts';
import { PreparedJson, type ResponseUrlPoster } from './response-url.ts';
import type { SlackState } from './state.ts';

/** A slash command as the answer needs it (plain data: it crosses to an answer thread as it is). */
export interface SlashCommandJob {
  command: string;
  text: string;
  userId: string;
  teamId: string | null;
  enterpriseId: string | null;
  channelId: string;
  responseUrl: string;
  /** When it was asked, ms since the epoch: the answer's "now". */
  now: number;
}

/** A mention or a direct message, answered in its thread with chat.postMessage (plain data, as above). */
export interface MessageJob {
  /** `mention` or `dm`. */
  kind: string;
  userId: string;
  teamId: string | null;
  text: string;
  channel: string;
  /** The thread the answer goes to (the message's own ts when it started none). */
  threadTs: string;
  now: number;
}

/** An answer to compute: a slash command's, or a message's. */
export type AnswerJob = ({ surface: 'slash' } & SlashCommandJob) | ({ surface: 'message' } & MessageJob);

/** The logging an answer does. */
export interface AnswerLog {
  debug(obj: object, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What answering needs, built once per event loop. */
export interface SlashAnswerer {
  askDeps: AskDeps;
  state: SlackState;
  blockOptions: BlockOptions;
  postToResponseUrl: ResponseUrlPoster;
  sink: RequestSink<AnswerLog>;
  /** Where the whole of a shortened reply can be seen (the console), when there is a public address. */
  consoleUrlOf(reply: Reply): string | undefined;
}

/** What a question gets when too many are waiting to be answered. */
export const BUSY_REPLY = noAnswer('E_BUSY', 'Sorry, sgbot is answering many questions right now.', ['Please ask again in a minute.']);

/**
 * Where the whole of a shortened reply can be seen: a broadcast's console page, or the console (`publicUrl`).
 *
 * @example consoleLinker('https://sgbot.example.org/')(reply) === 'https://sgbot.example.org/console'
 */
export function consoleLinker(publicUrl: string | undefined): (reply: Reply) => string | undefined {
  const base = publicUrl?.replace(/\/+$/, '');
  return (reply) => {
    if (!base) return undefined;
    const id = (reply.data as { broadcast?: { id?: unknown } } | null | undefined)?.broadcast?.id;
    return typeof id === 'string' && /^[a-z0-9]{1,40}$/.test(id) ? `${base}/console/broadcasts/${id}` : `${base}/console`;
  };
}

/** The ephemeral poster of one command's response_url. */
export function slashPost(a: SlashAnswerer, responseUrl: string): (message: object) => Promise<void> {
  return (message) => a.postToResponseUrl(responseUrl, { response_type: 'ephemeral', ...message });
}

/** The identity of the Slack user who asked. */
export function chatIdentity(userId: string, teamId?: string | null, enterpriseId?: string | null): ChatIdentity {
  return { channel: 'slack', userId, teamId: teamId ?? null, enterpriseId: enterpriseId ?? null };
}

/** What posts in a conversation's thread: chat.postMessage with the bot token (Bolt's client, or a thread's own). */
export type PostMessage = (args: { channel: string; thread_ts: string; unfurl_links: boolean; unfurl_media: boolean; text: string; blocks?: unknown[] }) => Promise<unknown>;

/** The poster of one message's thread. */
export function threadPost(postMessage: PostMessage, job: Pick<MessageJob, 'channel' | 'threadTs'>): (message: object) => Promise<void> {
  return async (message) => {
    await postMessage({ channel: job.channel, thread_ts: job.threadTs, unfurl_links: false, unfurl_media: false, ...(message as { text: string }) });
  };
}

/** Answer a mention or a DM in its thread (a user over the limit is told once per window); never rejects. */
export function answerMessage(a: SlashAnswerer, postMessage: PostMessage, job: MessageJob, reqLog: AnswerLog): Promise<void> {
  const post = threadPost(postMessage, job);
  return a.sink.handle(reqLog, (reply) => post(replyToBlocks(reply, a.blockOptions)), async () => {
    const askDeps: AskDeps = { ...a.askDeps, now: () => job.now };
    const res = await ask(askDeps, chatIdentity(job.userId, job.teamId), job.text, { channel: job.channel, shared: !job.channel.startsWith('D') });
    if (res.kind === 'limited' && !res.notify) return reqLog.info('rate limited (already told)');
    const confirmBlocks = res.kind === 'answer' ? actionBlocks(res.reply.actions) : [];
    const consoleUrl = a.consoleUrlOf(res.reply);
    const message = replyToBlocks(res.reply, { ...a.blockOptions, maxBlocks: SLACK_LIMITS.messageBlocks - confirmBlocks.length, ...(consoleUrl ? { consoleUrl } : {}) });
    await post(fitSlackMessage({ ...message, blocks: [...message.blocks, ...confirmBlocks] }, consoleUrl ? { consoleUrl } : {}));
    if (res.kind === 'answer') reqLog.info({ cmd: res.command, ok: res.reply.ok, tz: res.tz }, 'answered');
  });
}

/** Stands for the share id in a rendering kept for many askers: no answer's text has it (its "<" would be escaped). */
const SHARE_MARK = '<sgbot-share-id>';

/** A reply's ephemeral message as JSON: whole, or cut where its share id goes. */
type Rendering = { whole: Buffer } | { head: Buffer; tail: Buffer };

/** Renderings per answerer (its block options) and reply, with and without a share button. */
const renderings = new WeakMap<SlashAnswerer, WeakMap<Reply, { shared?: Rendering; plain?: Rendering }>>();

/**
 * The ephemeral message of `reply` (its lines, its buttons, within Slack's limits) as the JSON to post, with the
 * asker's share id: rendered once per reply object and kept while the reply is (the answer cache hands the same
 * reply to everyone asking the same question), the share id put in its place for each asker.
 */
function renderedFor(a: SlashAnswerer, reply: Reply, confirmBlocks: ReturnType<typeof actionBlocks>, shareId: string | undefined): PreparedJson {
  let byReply = renderings.get(a);
  if (!byReply) renderings.set(a, (byReply = new WeakMap()));
  let kept = byReply.get(reply);
  if (!kept) byReply.set(reply, (kept = {}));
  const slot = shareId ? 'shared' : 'plain';
  let rendering = kept[slot];
  if (!rendering) {
    // The buttons come out of the same 50 blocks: the lines make room for them, never the other way round.
    const consoleUrl = a.consoleUrlOf(reply);
    const message = replyToBlocks(reply, { ...a.blockOptions, maxBlocks: SLACK_LIMITS.messageBlocks - confirmBlocks.length, ...(consoleUrl ? { consoleUrl } : {}), ...(shareId ? { shareId: SHARE_MARK } : {}) });
    const fitted = fitSlackMessage(confirmBlocks.length ? { ...message, blocks: [...message.blocks, ...confirmBlocks] } : message, consoleUrl ? { consoleUrl } : {});
    const json = JSON.stringify({ response_type: 'ephemeral', ...fitted });
    const at = shareId ? json.indexOf(SHARE_MARK) : -1;
    rendering = at < 0 ? { whole: Buffer.from(json) } : { head: Buffer.from(json.slice(0, at)), tail: Buffer.from(json.slice(at + SHARE_MARK.length)) };
    kept[slot] = rendering;
  }
  if ('whole' in rendering) return new PreparedJson(rendering.whole);
  return new PreparedJson(Buffer.concat([rendering.head, Buffer.from(shareId ?? ''), rendering.tail]));
}

/** Answer `job` and post the answer (or the apology for a failure); never rejects. */
export function answerSlashCommand(a: SlashAnswerer, job: SlashCommandJob, reqLog: AnswerLog): Promise<void> {
  const post = slashPost(a, job.responseUrl);
  return a.sink.handle(reqLog, (reply) => post(replyToBlocks(reply, a.blockOptions)), async () => {
    const who = chatIdentity(job.userId, job.teamId, job.enterpriseId);
    const askDeps: AskDeps = { ...a.askDeps, now: () => job.now };
    // Channel ids starting with D are direct messages; C and G are channels a subscription can be for.
    const res = await ask(askDeps, who, commandText(job.command, job.text), { channel: job.channelId, shared: !job.channelId.startsWith('D') });
    if (res.kind === 'limited') {
      reqLog.info('rate limited');
      await post(replyToBlocks(res.reply, a.blockOptions));
      return;
    }
    // A reply with buttons of its own (a broadcast preview's Confirm/Cancel) carries them instead of Share.
    const confirmBlocks = actionBlocks(res.reply.actions);
    let shareId: string | undefined;
    if (res.reply.ok && confirmBlocks.length === 0) {
      shareId = randomBytes(12).toString('base64url');
      await a.state.saveShare(res.read !== null ? { question: res.read, now: res.now, tz: res.tz, askedBy: who.userId, teamId: who.teamId } : { reply: res.reply, askedBy: who.userId }, shareId);
    }
    await a.postToResponseUrl(job.responseUrl, renderedFor(a, res.reply, confirmBlocks, shareId));
    reqLog.info({ cmd: res.command, ok: res.reply.ok, tz: res.tz }, 'answered');
  });
}
