/**
 * The one place that builds things: Redis connection, store, search index, curated data, command registry.
 * Entry points (CLI today; Slack, Teams, workers later) call {@link createServices} and close it when done.
 */
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { defaultRegistry, type Registry } from '../commands/index.ts';
import type { CommandContext, CuratedRoles } from './core/command.ts';
import type { Config } from './config.ts';
import { SearchIndex } from './store/search.ts';
import { DocumentStore } from './store/store.ts';

/** Curated lead-study-group data shipped with sgbot. */
export function loadCuratedRoles(path = new URL('../data/lead-roles.json', import.meta.url)): CuratedRoles {
  return JSON.parse(readFileSync(path, 'utf8')) as CuratedRoles;
}

/** Everything a command or job needs, built once per process. */
export interface Services {
  config: Config;
  redis: Redis;
  store: DocumentStore;
  registry: Registry;
  curated: CuratedRoles;
  /** The search index, loaded on first use and caught up with documents stored since. */
  search(): Promise<SearchIndex>;
  /** A command context for one request. */
  context(now: number, tz: string): CommandContext;
  close(): Promise<void>;
}

/** Connect to Redis and build the services. Fails fast (E_STORE) when Redis cannot be reached. */
export async function createServices(config: Config): Promise<Services> {
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true, retryStrategy: () => null });
  redis.on('error', () => undefined); // reported through the failing command instead
  const store = new DocumentStore(redis, config.SGBOT_PREFIX);
  try {
    await redis.connect();
  } catch {
    /* ping below explains */
  }
  await store.ping(config.REDIS_URL);
  const curated = loadCuratedRoles();
  const registry = defaultRegistry();
  let index: Promise<SearchIndex> | null = null;
  const search = () => {
    index ??= (async () => {
      const s = new SearchIndex(store);
      await s.load();
      return s;
    })();
    return index;
  };
  return {
    config,
    redis,
    store,
    registry,
    curated,
    search,
    context: (now, tz) => ({ store, search, curated, now, tz }),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
