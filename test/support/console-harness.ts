/**
 * What the console tests run against: sgbot's services on a private key prefix of the test Redis, a roster with a
 * secretariat member of SG20 and a delegate, a console account for each, an SG20 collective letter with a deadline
 * (14 April 2027) and a meeting, broadcast targets for SG20 (two mailing lists; mail goes to the capture outbox),
 * and the web server with the console. The console's clock is fixed at 1 March 2027.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/main.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { makePerson } from '../../src/people/roster.ts';
import { hashPassword, type WebAccount } from '../../src/web/console/auth.ts';
import { createWebServer } from '../../src/web/server.ts';
import { letterText } from './letters.ts';

export const NOW = Date.parse('2027-03-01T09:00:00Z');
export const PASSWORD = { sara: 'sara-secret-pw', dan: 'dan-secret-pw' } as const;
export const PEOPLE = {
  sara: { name: 'Sara Secretariat', email: 'sara@tsb.example.org', tz: 'Europe/Zurich', roles: [{ kind: 'secretariat', scope: 'SG20' }] },
  dan: { name: 'Dan Delegate', email: 'dan@member.example.org', tz: 'Europe/Zurich', roles: [{ kind: 'delegate', scope: null }] },
} as const;
export const LISTS = ['t25sg20@lists.example.org', 't25sg20q4@lists.example.org'];
/** Title of the letter: document text that must stay inert on every page. */
export const HOSTILE_TITLE = '<script>alert(1)</script>';

export interface ConsoleHarness {
  prefix: string;
  services: Services;
  app: FastifyInstance;
  /** The stored SG20 letter (deadline 0: 14 April 2027, contributions). */
  letterId: string;
  close(): Promise<void>;
}

/** `hostileTitle: false` gives the letter a plain title (for screenshots); by default it carries {@link HOSTILE_TITLE}. */
export async function startConsoleHarness(opts: { redisUrl: string; name: string; hostileTitle?: boolean }): Promise<ConsoleHarness> {
  const prefix = `it-console-${opts.name}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const services = await createServices(
    loadConfig({ REDIS_URL: opts.redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent', SGBOT_TZ: 'Europe/Zurich', SGBOT_BROADCAST_TARGETS: JSON.stringify({ SG20: { lists: LISTS } }) }, '/nonexistent'),
  );
  for (const p of Object.values(PEOPLE)) await services.roster.put(makePerson(p));
  const accounts: WebAccount[] = [
    { user: PEOPLE.sara.email, person: PEOPLE.sara.email, hash: await hashPassword(PASSWORD.sara) },
    { user: 'dan', person: PEOPLE.dan.email, hash: await hashPassword(PASSWORD.dan) },
  ];
  const plain = letterText(7, 20, '14 April 2027');
  const text = opts.hostileTitle === false ? plain : plain.replace('Subject: Meeting of Study Group 20;', `Subject: ${HOSTILE_TITLE} Meeting of Study Group 20;`);
  const { id: letterId } = await services.store.addDocument(text, parseDocument(text), { name: 'cl-7-20.txt', path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null });
  const app = createWebServer(services, { accounts, now: () => NOW });
  await app.ready();
  return {
    prefix,
    services,
    app,
    letterId,
    close: async () => {
      await app.close();
      const keys = await services.redis.keys(`${prefix}:*`);
      for (let i = 0; i < keys.length; i += 500) await services.redis.del(...keys.slice(i, i + 500));
      await services.close();
    },
  };
}
