/**
 * The capture outbox: mail sgbot would have sent when no SMTP server is configured (`<prefix>:outbox`, newest
 * first, written by the mailer built in src/main.ts). One mail is shown with its headers and text, never as HTML.
 * For the secretariat only: the mails carry their recipients' signed links (done, snooze, unsubscribe), so anyone
 * else is refused with 403 and the attempt is audited with the person.
 */
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { me, query, refuseUnlessSecretariat, sendPage, type ConsoleDeps } from '../context.ts';
import { humanTime, timeView } from '../format.ts';
import { qs } from '../layout.ts';
import { z } from 'zod';
import { readStoredOrNull } from '../../../core/records.ts';

/** The Redis list of captured mail. */
export function outboxKey(prefix: string): string {
  return `${prefix}:outbox`;
}

/** One captured mail, as src/main.ts keeps it. */
export interface CapturedMail {
  messageId: string;
  kind: string;
  subject: string;
  to: string[];
  at: string;
  raw: string;
}

const capturedMailSchema: z.ZodType<CapturedMail> = z.looseObject({ messageId: z.string(), kind: z.string(), subject: z.string(), to: z.array(z.string()), at: z.string(), raw: z.string() });

/** An outbox entry, or `null` for one that is damaged (the page lists the others). */
function parseEntry(raw: string): CapturedMail | null {
  return readStoredOrNull(capturedMailSchema, raw, 'outbox mail');
}

const OUTBOX_ONLY = {
  action: 'outbox.refused',
  title: 'The outbox is for the secretariat',
  why: "mail in the outbox carries other people's personal links, so only the secretariat can read it",
  active: 'outbox',
};

export function registerOutbox(app: FastifyInstance, deps: ConsoleDeps): void {
  const key = outboxKey(deps.services.config.SGBOT_PREFIX);

  app.get('/console/outbox', async (req, reply) => {
    if (await refuseUnlessSecretariat(deps, req, reply, OUTBOX_ONLY)) return reply;
    const mails = (await deps.services.redis.lrange(key, 0, 199)).map(parseEntry).filter((m): m is CapturedMail => m !== null);
    const tz = me(req).viewer.tz;
    const rows = mails.map((m, n) => ({
      cells: [{ time: timeView(m.at, tz, deps.now()) }, m.kind, (m.to ?? []).join(', '), { link: { href: `/console/outbox/view${qs({ id: m.messageId, n })}`, text: m.subject || '(no subject)' } }],
    }));
    const table = rows.length ? { cls: 'outbox', columns: [{ label: `Captured (${tz})`, cls: 'when' }, { label: 'Kind' }, { label: 'To' }, { label: 'Subject', cls: 'wide' }], rows } : null;
    return sendPage(req, reply, { title: 'Outbox', active: 'outbox' }, deps.views.render('outbox', { smtp: Boolean(deps.services.config.SMTP_URL), table }));
  });

  app.get('/console/outbox/view', async (req, reply) => {
    if (await refuseUnlessSecretariat(deps, req, reply, OUTBOX_ONLY)) return reply;
    const q = query(req);
    const mails = (await deps.services.redis.lrange(key, 0, 999)).map(parseEntry).filter((m): m is CapturedMail => m !== null);
    const mail = mails.find((m) => m.messageId === q['id']) ?? null;
    if (!mail) return sendPage(req, reply, { title: 'No such mail', active: 'outbox' }, deps.views.render('message', { text: 'This mail is no longer in the outbox (it keeps the latest 1000).' }), 404);
    const parsed = await simpleParser(mail.raw);
    const headers = [
      ['From', parsed.from?.text ?? ''],
      ['To', (mail.to ?? []).join(', ')],
      ['Subject', mail.subject],
      ['Date', `${humanTime(parsed.date ?? mail.at, me(req).viewer.tz)} (${me(req).viewer.tz})`],
      ['Message-ID', mail.messageId],
      ['Kind', mail.kind],
    ];
    const body = deps.views.render('outbox-mail', { headers, text: parsed.text ?? '', raw: mail.raw.slice(0, 200_000) });
    return sendPage(req, reply, { title: mail.subject || '(no subject)', active: 'outbox' }, body);
  });
}
