/**
 * Long-running commands share one shape: build the services for a long run, start something, wait for Ctrl-C or
 * SIGTERM, stop it (finishing the work in hand), close.
 */
import { loadConfig, type Config } from '../config.ts';
import { createServices, type Services } from '../main.ts';
import type { CliIO } from './io.ts';
import { watchRedis } from './redis-watch.ts';

/** Something started by a long-running command. */
export interface Running {
  /** Lines telling what runs (printed on stderr at start). */
  describe(): string[];
  stop(): Promise<void>;
}

/**
 * Run `start` until SIGINT/SIGTERM (or `signal`). `check` validates settings before anything connects, so a wrong
 * setting fails at once with its message.
 */
export async function serve<T>(
  io: CliIO,
  name: string,
  check: (config: Config) => T,
  start: (services: Services, checked: T) => Promise<Running> | Running,
  signal?: AbortSignal,
): Promise<number> {
  const config = loadConfig(io.env);
  const checked = check(config);
  const services = await createServices(config, { longRunning: true });
  const watch = watchRedis(services, (line) => io.err(line));
  let running: Running;
  try {
    running = await start(services, checked);
  } catch (err) {
    await services.close();
    throw err;
  }
  for (const l of running.describe()) io.err(`sgbot ${name}: ${l}`);
  io.err(`sgbot ${name}: running; Ctrl-C (SIGINT) or SIGTERM stops it after the work in hand.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  io.err(`sgbot ${name}: stopping… (Ctrl-C again exits at once)`);
  watch.stop();
  await running.stop();
  await services.close();
  return 0;
}
