/**
 * Entry of the Slack answer threads in the tests (src/chat/slack/answer-threads.ts): the services built as the process
 * builds them (createServices over the test Redis and prefix), plus one command, `/slow`, that holds its thread until
 * the test lets it go — so a test can show that a thread busy with one answer does not hold up the ack of another.
 */
import { z } from 'zod';
import { serveSlackAnswers } from '../../src/chat/slack/answer-thread.ts';
import { loadConfig } from '../../src/config.ts';
import { defineCommand, type CommandSpec, type Registry } from '../../src/core/command.ts';
import { createServices } from '../../src/main.ts';

/** What the test hands over. `gate[1]` is set to 1 when `/slow` starts; it then waits until `gate[0]` is 1. */
export interface TestAnswerData {
  redisUrl: string;
  prefix: string;
  gate: Int32Array;
}

serveSlackAnswers(async (data) => {
  const { redisUrl, prefix, gate } = data as TestAnswerData;
  const services = await createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, '/nonexistent/.env'));
  const slow = defineCommand({
    name: 'slow',
    summary: 'Holds its thread until the test releases it.',
    usage: 'slow',
    examples: ['slow'],
    args: z.object({}),
    parseText: () => ({}),
    run: () => {
      Atomics.store(gate, 1, 1);
      Atomics.notify(gate, 1);
      // Blocks this thread's event loop, as a long computation would.
      Atomics.wait(gate, 0, 0, 20_000);
      return Promise.resolve({ ok: true, title: 'Slow answer', sections: [{ items: [{ text: 'done at last' }] }], notes: [], sources: [], data: null });
    },
  }) as unknown as CommandSpec<never>;
  const list = [...services.registry.list, slow];
  const registry: Registry = { list, get: (name) => (name === 'slow' ? slow : services.registry.get(name)) };
  return { registry, context: (now, tz, who) => services.context(now, tz, who), redis: services.redis, prefix, close: () => services.close() };
});
