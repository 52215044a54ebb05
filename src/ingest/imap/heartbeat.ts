/**
 * Publishes the state of IMAP sources as heartbeats (component `imap`, id `ACCOUNT@PROCESS`): every few seconds, and
 * at once whenever a mailbox's status changes, so `/healthz` and `/metrics` see a lost server within about a second.
 */
import type { Redis } from 'ioredis';
import { clearHeartbeat, HEARTBEAT_EVERY_MS, publishHeartbeat, type RunningHeartbeat } from '../../health.ts';
import type { ImapSource } from './source.ts';

/** The pino method used for failures to publish (Redis down): they are expected and retried, hence debug. */
interface DebugLog {
  debug(obj: object, msg?: string): void;
}

/**
 * Start publishing the state of `sources` for process `processId` (see `processId()` in `src/health.ts`).
 *
 * @example const hb = startImapHeartbeat({ redis, prefix: 'sgbot', sources, processId: processId() }); … await hb.stop();
 */
export function startImapHeartbeat(opts: { redis: Redis; prefix: string; sources: ImapSource[]; processId: string; intervalMs?: number; log?: DebugLog }): RunningHeartbeat {
  const { redis, prefix } = opts;
  const idOf = (source: ImapSource) => `${source.state().account}@${opts.processId}`;
  // One publish per source at a time; a change during a publish is published right after it.
  const busy = new Map<ImapSource, Promise<void>>();
  const again = new Set<ImapSource>();
  const publish = (source: ImapSource): Promise<void> => {
    const running = busy.get(source);
    if (running) {
      again.add(source);
      return running;
    }
    const p = (async () => {
      do {
        again.delete(source);
        try {
          await publishHeartbeat(redis, prefix, { component: 'imap', id: idOf(source), state: { ...source.state() } });
        } catch (err) {
          opts.log?.debug({ component: 'imap', err: String(err) }, 'cannot publish the IMAP heartbeat');
        }
      } while (again.has(source));
    })().finally(() => busy.delete(source));
    busy.set(source, p);
    return p;
  };
  let stopped = false;
  const offs = opts.sources.map((source) => source.onStateChange(() => void (stopped || publish(source))));
  const beat = async () => {
    await Promise.all(opts.sources.map(publish));
  };
  void beat();
  const timer = setInterval(() => void beat(), opts.intervalMs ?? HEARTBEAT_EVERY_MS);
  timer.unref();
  return {
    beat,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      for (const off of offs) off();
      await Promise.all(busy.values());
      for (const source of opts.sources) await clearHeartbeat(redis, prefix, 'imap', idOf(source)).catch(() => undefined);
    },
  };
}
