/** The console's home: how much is stored, due, waiting and quarantined, with links to each page. */
import type { FastifyInstance } from 'fastify';
import { REMINDER_QUEUE } from '../../../reminders/payload.ts';
import { me, sendPage, type ConsoleDeps } from '../context.ts';
import { h } from '../layout.ts';
import { outboxKey } from './outbox.ts';

export function registerHome(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/console', async (req, reply) => {
    const { services } = deps;
    const { store, redis, config } = services;
    const [docs, upcoming, quarantined, outbox, groups, reminders] = await Promise.all([
      store.count(),
      redis.zcount(store.key('dl'), deps.now(), '+inf'),
      services.quarantine.count(),
      redis.llen(outboxKey(config.SGBOT_PREFIX)),
      store.groupsWithDocuments(),
      services.jobs().queue({ name: REMINDER_QUEUE }).getDelayedCount(),
    ]);
    const card = (n: number, label: string, href: string) => `<a class="card" href="${href}"><div class="n">${n}</div>${h(label)}</a>`;
    const body = `<div class="cards">
${card(upcoming, 'upcoming deadlines', '/console/deadlines')}
${card(docs, 'documents stored', '/console/documents')}
${card(reminders, 'reminders scheduled', '/console/reminders')}
${card(quarantined, 'inputs in quarantine', '/console/quarantine')}
${card(outbox, 'mails in the outbox', '/console/outbox')}
</div>
<h2>Groups</h2><p>${groups.length ? groups.map((g) => `<a href="/console/deadlines?group=${encodeURIComponent(g)}">${h(g)}</a>`).join(' · ') : '<span class="muted">No documents yet.</span>'}</p>
<h2>Do</h2><ul><li><a href="/console/chat">Ask sgbot</a> as in Slack or Teams (<code>/deadlines SG20</code>)</li>
<li><a href="/console/broadcasts">Send a broadcast</a> (preview first)</li><li><a href="/console/queues">Job queues</a> (Bull Board)</li></ul>
${me(req).viewer.secretariat ? '' : '<p class="muted">Your roster entry has no secretariat role: you can look, but not broadcast, correct or retry.</p>'}`;
    return sendPage(req, reply, { title: 'sgbot console', active: 'home' }, body);
  });
}
