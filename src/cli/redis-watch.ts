/**
 * What a long-running sgbot does when its Redis goes away: one clear line when it is lost (and one when it is back)
 * instead of an error per connection and retry; the connections keep retrying with backoff (src/main.ts); the job
 * queues' own connection errors are taken here (BullMQ prints an error it has no listener for, with its stack, on
 * every retry); and what asks whether Redis is there gets the reason it is not, so a question is answered with an
 * error at once instead of waiting.
 */
import { redactText } from '../log.ts';
import type { Services } from '../main.ts';

export interface RedisWatch {
  /** Why Redis cannot be used right now, or `null` while it answers. */
  problem(): string | null;
  stop(): void;
}

/**
 * Watch `services.redis` and say (once per loss) when it is lost and when it is back.
 *
 * @example const watch = watchRedis(services, (line) => io.err(line)); … watch.problem() // 'connect ECONNREFUSED …'
 */
export function watchRedis(services: Pick<Services, 'redis' | 'jobs' | 'jobKinds' | 'log' | 'config'>, say: (line: string) => void): RedisWatch {
  const { redis } = services;
  const where = redactText(services.config.REDIS_URL);
  let down: string | null = redis.status === 'ready' || redis.status === 'connecting' || redis.status === 'wait' ? null : `Redis is ${redis.status}`;
  const lost = (reason: string) => {
    if (down !== null) return;
    down = reason;
    say(`sgbot: lost Redis at ${where} (${redactText(reason)}); retrying with backoff. Questions get an error until it is back.`);
  };
  const onError = (err: Error) => lost(err.message || String(err));
  const onClose = () => {
    if (redis.status !== 'end') lost('connection closed');
  };
  const onReady = () => {
    if (down === null) return;
    down = null;
    say(`sgbot: Redis is back at ${where}.`);
  };
  redis.on('error', onError);
  redis.on('close', onClose);
  redis.on('ready', onReady);
  // The queues report the same loss once per connection and retry: the line above says it once.
  const quiet = (err: Error) => services.log.debug({ err: err.message }, 'queue error');
  const queues = services.jobKinds.all.map((spec) => services.jobs().queue(spec));
  for (const q of queues) q.on('error', quiet);
  return {
    problem: () => down,
    stop: () => {
      redis.removeListener('error', onError);
      redis.removeListener('close', onClose);
      redis.removeListener('ready', onReady);
    },
  };
}
