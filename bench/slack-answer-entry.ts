/**
 * Entry of the Slack figure's answer threads (src/chat/slack/answer-threads.ts): each thread answers from the
 * figure's store (the bench Redis under the figure's prefix) with the same registry and context as the figure's
 * app (bench/slack.ts), over its own Redis connection, keeping answers for others asking the same as sgbot's own
 * services do; the search index is loaded from the store.
 */
import { Redis } from 'ioredis';
import { defaultRegistry } from '../commands/index.ts';
import { answerCacheOf } from '../src/chat/answer-cache.ts';
import { serveSlackAnswers } from '../src/chat/slack/answer-thread.ts';
import type { CommandContext } from '../src/core/command.ts';
import { loadCuratedRoles } from '../src/main.ts';
import { Roster } from '../src/people/roster.ts';
import { SearchIndex } from '../src/store/search.ts';
import { DocumentStore } from '../src/store/store.ts';

/** What bench/slack.ts hands over. */
export interface BenchAnswerData {
  redisUrl: string;
  /** The store's key prefix (the documents). */
  storePrefix: string;
  /** The app's key prefix (its rate limits, zones and shared answers). */
  prefix: string;
}

serveSlackAnswers(async (data) => {
  const { redisUrl, storePrefix, prefix } = data as BenchAnswerData;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', () => undefined);
  const store = new DocumentStore(redis, storePrefix);
  const index = new SearchIndex(store);
  await index.load();
  const curated = loadCuratedRoles();
  // As sgbot's own services (src/main.ts): the same question asked by many at once is answered once.
  const answers = answerCacheOf(redis, [store.versionKey(), new Roster(redis, storePrefix).versionKey()]);
  const context = (now: number, tz: string): CommandContext => ({ store, search: () => Promise.resolve(index), curated, now, tz, answers });
  return { registry: defaultRegistry(), context, redis, prefix, close: () => redis.quit().then(() => undefined) };
});
