/**
 * Entry of a Slack answer thread started by `sgbot start` or `sgbot slack` (platform.ts): the thread builds its own
 * services from the same settings as the process (its environment, which a thread inherits, and the .env file) the
 * way the process built its own (src/main.ts), with its own Redis connection. When they are not the app's (another
 * Redis or key prefix: the process was given other settings than its environment's), the thread does not start
 * and the app answers on its own loop.
 */
import { loadConfig } from '../../config.ts';
import { createServices } from '../../main.ts';
import { serveSlackAnswers } from './answer-thread.ts';

/** What platform.ts hands over: settings to use instead of the environment's (tests). */
export interface AnswerServicesData {
  env?: Record<string, string | undefined>;
  dotEnvPath?: string;
}

serveSlackAnswers(async (data, app) => {
  const given = (data ?? {}) as AnswerServicesData;
  const config = loadConfig(given.env ?? process.env, given.dotEnvPath);
  // Settings that are not the app's: no connection is even tried.
  if (config.SGBOT_PREFIX !== app.prefix) throw new Error(`SGBOT_PREFIX here is ${config.SGBOT_PREFIX}, not the app's ${app.prefix}`);
  const services = await createServices(config, { longRunning: true });
  return { registry: services.registry, context: (now, tz, who) => services.context(now, tz, who), redis: services.redis, prefix: config.SGBOT_PREFIX, log: services.log, close: () => services.close() };
});
