/**
 * The capture outbox: mail sgbot would have sent when no SMTP server is configured (`<prefix>:outbox`, newest
 * first, written by the mailer built in src/main.ts). One mail is shown with its headers and text, never as HTML.
 * For the secretariat only: the mails carry their recipients' signed links (done, snooze, unsubscribe), so anyone
 * else is refused with 403 and the attempt is audited with the person.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { simpleParser } from 'mailparser';
import { identityKey } from '../../../core/identity.ts';
import { me, query, sendPage, type ConsoleDeps } from '../context.ts';
import { dataTable, humanTime, timeHtml } from '../format.ts';
import { h, qs } from '../layout.ts';

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

function parseEntry(raw: string): CapturedMail | null {
  try {
    return JSON.parse(raw) as CapturedMail;
  } catch {
    return null;
  }
}

/** `null` when the signed-in person may read the outbox; else the 403 reply sent (and the attempt audited). */
async function refuseUnlessSecretariat(deps: ConsoleDeps, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | null> {
  const s = me(req);
  if (s.viewer.secretariat) return null;
  await deps.services.audit.record({ who: identityKey(s.who), action: 'outbox.refused', target: req.url.split('?')[0] ?? '/console/outbox', result: 'refused', details: { reason: s.person ? 'not-secretariat' : 'not-in-roster' } });
  return sendPage(req, reply, { title: 'The outbox is for the secretariat', active: 'outbox' }, `<p>Sorry, ${h(s.viewer.name)}: mail in the outbox carries other people's personal links, so only the secretariat can read it. This attempt has been recorded in the audit log.</p>`, 403);
}

export function registerOutbox(app: FastifyInstance, deps: ConsoleDeps): void {
  const key = outboxKey(deps.services.config.SGBOT_PREFIX);

  app.get('/console/outbox', async (req, reply) => {
    const refused = await refuseUnlessSecretariat(deps, req, reply);
    if (refused) return refused;
    const mails = (await deps.services.redis.lrange(key, 0, 199)).map(parseEntry).filter((m): m is CapturedMail => m !== null);
    const smtp = deps.services.config.SMTP_URL ? '<p class="muted">Mail goes out by SMTP; this outbox holds only what was captured before.</p>' : '<p class="muted">No SMTP server is configured (SMTP_URL), so outgoing mail is kept here instead of being sent.</p>';
    const tz = me(req).viewer.tz;
    const rows = mails.map((m, n) => [
      timeHtml(m.at, tz, deps.now()),
      h(m.kind),
      h((m.to ?? []).join(', ')),
      `<a href="/console/outbox/view${h(qs({ id: m.messageId, n }))}">${h(m.subject || '(no subject)')}</a>`,
    ]);
    const table = rows.length ? dataTable('outbox', [{ label: `Captured (${tz})`, cls: 'when' }, { label: 'Kind' }, { label: 'To' }, { label: 'Subject', cls: 'wide' }], rows) : '<p class="muted">The outbox is empty.</p>';
    return sendPage(req, reply, { title: 'Outbox', active: 'outbox' }, `${smtp}${table}`);
  });

  app.get('/console/outbox/view', async (req, reply) => {
    const refused = await refuseUnlessSecretariat(deps, req, reply);
    if (refused) return refused;
    const q = query(req);
    const mails = (await deps.services.redis.lrange(key, 0, 999)).map(parseEntry).filter((m): m is CapturedMail => m !== null);
    const mail = mails.find((m) => m.messageId === q['id']) ?? null;
    if (!mail) return sendPage(req, reply, { title: 'No such mail', active: 'outbox' }, '<p>This mail is no longer in the outbox (it keeps the latest 1000).</p>', 404);
    const parsed = await simpleParser(mail.raw);
    const headers = [
      ['From', parsed.from?.text ?? ''],
      ['To', (mail.to ?? []).join(', ')],
      ['Subject', mail.subject],
      ['Date', `${humanTime(parsed.date ?? mail.at, me(req).viewer.tz)} (${me(req).viewer.tz})`],
      ['Message-ID', mail.messageId],
      ['Kind', mail.kind],
    ];
    const body = `<table class="facts"><tbody>${headers.map(([k, v]) => `<tr><th scope="row">${h(k ?? '')}</th><td>${h(v ?? '')}</td></tr>`).join('')}</tbody></table>
<h2>Text</h2><pre>${h(parsed.text ?? '')}</pre><details><summary>Raw message</summary><pre>${h(mail.raw.slice(0, 200_000))}</pre></details><p><a href="/console/outbox">Back to the outbox</a></p>`;
    return sendPage(req, reply, { title: mail.subject || '(no subject)', active: 'outbox' }, body);
  });
}
