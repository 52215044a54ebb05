/**
 * The one place that builds things: Redis connection, store, search index, curated data, command registry.
 * Entry points (the CLI, the worker, the web server, Slack and Teams) call {@link createServices} and close it when done.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { SgbotError } from './core/errors.ts';
import { calendarPath } from './calendar/ical.ts';
import { defaultRegistry, type Registry } from '../commands/index.ts';
import type { JobDeps } from '../jobs/deps.ts';
import { JOB_KINDS, type JobKinds } from '../jobs/index.ts';
import { createActionRegistry, type ActionRegistry } from './core/actions.ts';
import type { CuratedRoles } from './core/command.ts';
import type { BroadcastContext } from './broadcast/actions.ts';
import type { Config } from './config.ts';
import { DEFAULT_LIMITS, type ExtractLimits } from './ingest/types.ts';
import type { ListRule } from './ingest/lists.ts';
import { createLogger, type Logger } from './log.ts';
import { createMailer, type Mailer } from './mail/index.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { JobRuntime } from './queues.ts';
import { reminderSettings, type ReminderDeps } from './reminders/deps.ts';
import { plansFor, queuePlan, reminderActions } from './reminders/index.ts';
import { BROADCAST_ACTIONS } from './broadcast/actions.ts';
import type { AddStatus } from './store/store.ts';
import { createBroadcastServices, createDeliveryDeps } from './broadcast/wiring.ts';
import { answerCacheOf } from './chat/answer-cache.ts';
import { conversationOf } from './chat/conversation.ts';
import { CHANNEL_RULES, PLATFORMS } from './chat/platforms.ts';
import { ChatDeliveryError, combineSenders, type ChatSender } from './chat/sender.ts';
import { configureTrust, trustPolicyOf } from './ingest/trust.ts';
import { platformEnv } from './config.ts';
import type { PlatformContext } from './core/platform.ts';
import type { SearchIndex as SearchIndexType } from './store/search.ts';
import { Quarantine } from './store/quarantine.ts';
import { AuditLog } from './store/audit.ts';
import type { Identity } from './core/identity.ts';
import { Roster } from './people/roster.ts';
import { Subscriptions } from './people/subscriptions.ts';
import type { CorrectionDeps } from './store/corrections.ts';
import { RawStore } from './store/raw.ts';
import { SearchIndex } from './store/search.ts';
import { DocumentStore } from './store/store.ts';

const curatedRolesSchema: z.ZodType<CuratedRoles> = z.object({
  periods: z.record(z.string(), z.object({ source: z.string(), groups: z.array(z.string()) })),
  roles: z.array(z.object({ group: z.string(), topic: z.string().min(1), period: z.string(), source: z.string(), aliases: z.array(z.string()).optional() })),
  groupTitles: z.record(z.string(), z.record(z.string(), z.string())),
  abbreviations: z.record(z.string(), z.string()),
});

/**
 * Curated lead-study-group data shipped with sgbot, checked when read: an edit that breaks its shape stops start-up
 * with the place of the mistake.
 */
export function loadCuratedRoles(path = new URL('../data/lead-roles.json', import.meta.url)): CuratedRoles {
  const parsed = curatedRolesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SgbotError('E_CONFIG', `${String(path)} is not curated lead-role data: ${issue?.message ?? 'unknown problem'} at ${issue?.path.join('.') ?? '?'}.`);
  }
  for (const r of parsed.data.roles) {
    if (!parsed.data.periods[r.period]) throw new SgbotError('E_CONFIG', `${String(path)}: the role "${r.topic}" of ${r.group} names the study period ${r.period}, which "periods" does not list.`);
  }
  return parsed.data;
}

/**
 * Every button sgbot offers, one list (as commands/index.ts lists the commands): a new button is one `defineAction`
 * beside its feature and one entry here; Slack, Teams and the webhook platform dispatch it by id.
 */
export function defaultActions(deps: { reminders: () => ReminderDeps }): ActionRegistry {
  return createActionRegistry([...reminderActions(deps.reminders), ...BROADCAST_ACTIONS]);
}

/** Everything a command or job needs, built once per process. */
export interface Services {
  config: Config;
  redis: Redis;
  store: DocumentStore;
  raw: RawStore;
  quarantine: Quarantine;
  limits: ExtractLimits;
  /** Check DKIM/DMARC of ingested mail (`SGBOT_SENDER_AUTH`). */
  senderAuth: boolean;
  /** Extra list-naming rules (`SGBOT_LIST_RULES`). */
  listRules: ListRule[];
  log: Logger;
  registry: Registry;
  /** The buttons replies and reminders carry, by id (`defaultActions`). */
  actions: ActionRegistry;
  curated: CuratedRoles;
  /** The search index, loaded on first use and caught up with documents stored since. */
  search(): Promise<SearchIndex>;
  roster: Roster;
  subscriptions: Subscriptions;
  audit: AuditLog;
  /** Prometheus metrics (`/metrics`): counters shared by every process through Redis, gauges read at scrape time. */
  metrics: Metrics;
  /** Corrections of wrongly parsed facts (the console's), audited; reminders re-planned after each. */
  corrections: CorrectionDeps;
  /** A command context for one request, for `who` when known (with the broadcast services). */
  context(now: number, tz: string, who?: Identity): BroadcastContext;
  /** Outgoing mail: SMTP when `SMTP_URL` is set, otherwise a local outbox in Redis (`<prefix>:outbox`). */
  mailer(): Mailer;
  /** Posting to Slack and Teams from jobs (reminders, broadcasts): the platforms whose settings are given, or `null`. */
  chatSender(): ChatSender | null;
  /** Reminders and digests: what their jobs, commands and buttons use. */
  reminders: ReminderDeps;
  /** What ingest calls after storing a document: plans its reminders. */
  afterStore(docId: string, status: AddStatus): Promise<void>;
  /** Queues and workers (BullMQ), created on first use and closed with the services. */
  jobs(): JobRuntime<JobDeps>;
  /** The job kinds of `jobs/` (the worker starts them, the console and `sgbot status` show their queues). */
  jobKinds: JobKinds;
  /** Queue the ingest of a kept raw message (or of a quarantined file, again); returns the job id. */
  queueIngest: (payload: z.infer<JobKinds['ingest']['payload']>) => Promise<string>;
  close(): Promise<void>;
}

/** Connect to Redis and build the services. Fails fast (E_STORE) when Redis cannot be reached. */
export async function createServices(config: Config, opts: { log?: Logger; longRunning?: boolean } = {}): Promise<Services> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  // Which senders are authorities, from these settings (not from the process environment).
  configureTrust(trustPolicyOf(config));
  // A command fails fast when Redis is down; a long-running worker waits for it to come back.
  const redis = opts.longRunning
    ? new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(200 * 2 ** n, 5000) })
    : new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true, retryStrategy: () => null });
  redis.on('error', (err: Error) => {
    if (opts.longRunning) log.warn({ err: err.message }, 'redis connection error');
  });
  const store = new DocumentStore(redis, config.SGBOT_PREFIX);
  const raw = new RawStore(redis, config.SGBOT_PREFIX);
  const quarantine = new Quarantine(redis, config.SGBOT_PREFIX);
  const roster = new Roster(redis, config.SGBOT_PREFIX);
  const subscriptions = new Subscriptions(redis, config.SGBOT_PREFIX);
  const audit = new AuditLog(redis, config.SGBOT_PREFIX);
  const limits: ExtractLimits = {
    ...DEFAULT_LIMITS,
    maxFileBytes: config.SGBOT_MAX_FILE_MB * 1024 * 1024,
    maxMailBytes: config.SGBOT_MAX_MAIL_MB * 1024 * 1024,
    maxDocxExpansion: config.SGBOT_MAX_DOCX_EXPANSION,
    maxPdfPages: config.SGBOT_MAX_PDF_PAGES,
    maxPdfMs: config.SGBOT_MAX_PDF_SECONDS * 1000,
    maxPartMs: config.SGBOT_PART_SECONDS * 1000,
    maxPartMemoryMb: config.SGBOT_PART_MEMORY_MB,
  };
  try {
    await redis.connect();
  } catch {
    /* ping below explains */
  }
  await store.ping(config.REDIS_URL);
  const curated = loadCuratedRoles();
  // Reminders are built below; the commands reach them through this getter.
  let reminders: ReminderDeps | null = null;
  const registry = defaultRegistry({
    reminders: () => {
      if (!reminders) throw new SgbotError('E_CONFIG', 'Reminders are not ready yet.');
      return reminders;
    },
  });
  const actions = defaultActions({
    reminders: () => {
      if (!reminders) throw new SgbotError('E_CONFIG', 'Reminders are not ready yet.');
      return reminders;
    },
  });
  let index: Promise<SearchIndex> | null = null;
  let catching: Promise<unknown> | null = null;
  // Loaded once, then caught up before each use (documents stored or corrected by other processes since): two
  // cheap range reads when nothing changed; concurrent callers share one catch-up.
  const search = async () => {
    index ??= (async () => {
      const s = new SearchIndex(store);
      await s.load();
      return s;
    })();
    const s = await index;
    catching ??= s.catchUp().finally(() => (catching = null));
    await catching;
    return s;
  };
  // The same question asked by many at once is answered once (for a few seconds, while the store and roster stay as
  // they were).
  const answers = answerCacheOf(redis, [store.versionKey(), roster.versionKey()]);
  let mailer: Mailer | null = null;
  const getMailer = () => (mailer ??= buildMailer(config, redis));
  let runtime: JobRuntime<JobDeps> | null = null;
  const ingestOptions = { senderAuth: config.SGBOT_SENDER_AUTH === 'on', listRules: config.SGBOT_LIST_RULES };
  let chat: ChatSender | null | undefined;
  const chatSender = () => (chat === undefined ? (chat = buildChatSender(config, { registry, actions, context: (now, tz, who) => ({ store, search: rejectSearch, curated, now, tz, who }), log, redis, prefix: config.SGBOT_PREFIX, publicUrl: config.SGBOT_PUBLIC_URL, defaultTz: config.SGBOT_TZ })) : chat);
  const metrics = createMetrics({
    redis,
    prefix: config.SGBOT_PREFIX,
    log,
    queue: (spec) => jobs().queue(spec),
    queueNames: JOB_KINDS.all.map((j) => j.name),
    platforms: PLATFORMS.ids,
    expect: {
      chat: PLATFORMS.list.filter((p) => p.settings.configured(platformEnv(config))).map((p) => p.id),
      imap: config.SGBOT_IMAP.map((a) => ({ account: a.id, mailboxes: a.mailboxes })),
    },
  });
  const broadcast = createDeliveryDeps({ redis, prefix: config.SGBOT_PREFIX, audit, mailer: getMailer, chat: lazySender(chatSender), sendingClaimMs: config.SGBOT_BROADCAST_CLAIM_MS, metrics });
  const reminderDeps: ReminderDeps = {
    store,
    roster,
    subscriptions,
    audit,
    mailer: getMailer,
    chat: lazySender(chatSender),
    queue: (spec) => jobs().queue(spec),
    settings: reminderSettings({
      tz: config.SGBOT_TZ,
      publicUrl: config.SGBOT_PUBLIC_URL,
      secret: config.SGBOT_REMINDER_SECRET ?? (await instanceSecret(redis, config.SGBOT_PREFIX)),
      ...(config.SGBOT_DOC_URL ? { docUrl: config.SGBOT_DOC_URL } : {}),
      offsets: config.SGBOT_REMINDER_OFFSETS,
      hour: config.SGBOT_REMINDER_HOUR,
      unsubscribeMailto: config.SGBOT_UNSUBSCRIBE_MAILTO ?? null,
    }),
    log: log.child({ component: 'reminders' }),
    metrics,
  };
  reminders = reminderDeps;
  // Every stored document that may bring or change deadlines gets its reminders planned (job plan-<docId>).
  const afterStore = async (docId: string, status: AddStatus) => {
    if (plansFor(status)) await queuePlan(reminderDeps, docId);
  };
  const jobs = (): JobRuntime<JobDeps> =>
    (runtime ??= new JobRuntime<JobDeps>(config.REDIS_URL, config.SGBOT_PREFIX, { store, raw, quarantine, limits, ...ingestOptions, broadcast, reminders: reminderDeps, afterStore, metrics }, log));
  const broadcasts = createBroadcastServices({
    redis,
    prefix: config.SGBOT_PREFIX,
    targets: config.SGBOT_BROADCAST_TARGETS,
    channelRules: CHANNEL_RULES,
    enqueue: (p) => jobs().enqueue(JOB_KINDS.broadcast, p),
    docUrl: config.SGBOT_DOC_URL ?? null,
  });
  // A correction from the console re-plans the document's reminders (a fresh plan job: the first one is kept).
  const corrections: CorrectionDeps = {
    store,
    audit,
    afterCorrect: async (docId) => {
      await queuePlan(reminderDeps, docId, Date.now());
    },
  };
  const calendarUrl = (scope: string) => `${config.SGBOT_PUBLIC_URL.replace(/\/+$/, '')}${calendarPath(scope)}`;
  return {
    config,
    redis,
    store,
    raw,
    quarantine,
    limits,
    ...ingestOptions,
    log,
    registry,
    actions,
    curated,
    search,
    roster,
    subscriptions,
    audit,
    corrections,
    metrics,
    context: (now, tz, who) => ({ store, search, curated, now, tz, who, people: { roster, subscriptions, audit }, broadcasts, calendarUrl, metrics, conversation: conversationOf(redis, config.SGBOT_PREFIX, who), answers }),
    chatSender,
    reminders: reminderDeps,
    afterStore,
    jobs,
    jobKinds: JOB_KINDS,
    queueIngest: (payload) => jobs().enqueue(JOB_KINDS.ingest, payload),
    mailer: getMailer,
    close: async () => {
      await runtime?.close();
      await mailer?.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** DKIM signing of outgoing mail, when `SGBOT_DKIM_DOMAIN`, `SGBOT_DKIM_SELECTOR` and `SGBOT_DKIM_KEY_FILE` are set. */
function dkimSettings(config: Config): { domainName: string; keySelector: string; privateKey: string } | undefined {
  const { SGBOT_DKIM_DOMAIN: domainName, SGBOT_DKIM_SELECTOR: keySelector, SGBOT_DKIM_KEY_FILE: keyFile } = config;
  // The settings schema has checked that all three or none are set.
  if (!domainName || !keySelector || !keyFile) return undefined;
  try {
    return { domainName, keySelector, privateKey: readFileSync(keyFile, 'utf8') };
  } catch (err) {
    throw new SgbotError('E_CONFIG', `SGBOT_DKIM_KEY_FILE: cannot read ${keyFile} (${(err as Error).message}).`, { cause: err });
  }
}

/** The mail domain of an address such as `sgbot <sgbot@example.org>` (used in Message-IDs). */
function domainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

/** SMTP from `SMTP_URL`, or a capture outbox kept in Redis (the newest 1000 messages) when there is none. */
function buildMailer(config: Config, redis: Redis): Mailer {
  const from = config.SGBOT_MAIL_FROM;
  const domain = domainOf(from);
  const dkim = dkimSettings(config);
  if (config.SMTP_URL) {
    const url = new URL(config.SMTP_URL);
    const secure = url.protocol === 'smtps:';
    return createMailer({
      from,
      domain,
      dkim,
      transport: {
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        user: url.username ? decodeURIComponent(url.username) : undefined,
        pass: url.password ? decodeURIComponent(url.password) : undefined,
      },
    });
  }
  const key = `${config.SGBOT_PREFIX}:outbox`;
  return createMailer({
    from,
    domain,
    dkim,
    transport: {
      capture: true,
      keep: 100,
      onCapture: async (m) => {
        const entry = { messageId: m.messageId, kind: m.kind, subject: m.subject, to: m.envelope.to, at: m.capturedAt.toISOString(), raw: m.raw.toString('utf8') };
        await redis.multi().lpush(key, JSON.stringify(entry)).ltrim(key, 0, 999).exec();
      },
    },
  });
}

/** Proactive posts (reminders, broadcasts) run no command that searches. */
const rejectSearch = (): Promise<SearchIndexType> => Promise.reject(new SgbotError('E_USAGE', 'search is not available to proactive posts'));

/**
 * The context a platform is started with (`sgbot start`, `sgbot slack`…): the services' registry, actions and command
 * context, and where it is.
 */
export function platformContext(services: Services): PlatformContext {
  const { config } = services;
  return { registry: services.registry, actions: services.actions, context: (now, tz, who) => services.context(now, tz, who), log: services.log, redis: services.redis, prefix: config.SGBOT_PREFIX, publicUrl: config.SGBOT_PUBLIC_URL, defaultTz: config.SGBOT_TZ, metrics: services.metrics };
}

/** A sender that is built on first use (so a command that never posts needs no chat settings). */
function lazySender(get: () => ChatSender | null): ChatSender | null {
  return {
    get channels() {
      return get()?.channels ?? [];
    },
    post: (target, reply, opts) => {
      const sender = get();
      if (!sender) throw new ChatDeliveryError(`No chat platform is configured, so ${target.channel}:${target.id} cannot be reached (see .env.example).`, true);
      return sender.post(target, reply, opts);
    },
  };
}

/**
 * Senders for the platforms whose settings are given (src/chat/platforms.ts: Slack with `SLACK_BOT_TOKEN`, Teams with
 * `TEAMS_CLIENT_ID` or `TEAMS_ANONYMOUS`, posting through conversation references stored by `sgbot teams`, the
 * webhook with `SGBOT_WEBHOOK_SECRET`…), each loaded on its first post.
 */
function buildChatSender(config: Config, ctx: PlatformContext): ChatSender | null {
  const env = platformEnv(config);
  const senders = PLATFORMS.list.map((p) => p.sender(env, ctx)).filter((s): s is ChatSender => s !== null);
  return senders.length ? combineSenders(senders) : null;
}

/**
 * The secret that signs reminder links and buttons when `SGBOT_REMINDER_SECRET` is not set: made once per instance
 * (prefix) and kept in Redis, so every replica signs and checks alike.
 */
async function instanceSecret(redis: Redis, prefix: string): Promise<string> {
  const key = `${prefix}:secret:reminders`;
  await redis.set(key, randomBytes(32).toString('hex'), 'NX');
  const secret = await redis.get(key);
  if (!secret) throw new SgbotError('E_STORE', 'Cannot keep the reminder secret in Redis.');
  return secret;
}
