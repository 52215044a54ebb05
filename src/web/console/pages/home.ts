/** The console's home: how much is stored, due, waiting and quarantined, with links to each page. */
import type { FastifyInstance } from 'fastify';
import { REMINDER_QUEUE } from '../../../reminders/payload.ts';
import { me, sendPage, type ConsoleDeps } from '../context.ts';
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
    const cards = [
      { n: upcoming, label: 'upcoming deadlines', href: '/console/deadlines' },
      { n: docs, label: 'documents stored', href: '/console/documents' },
      { n: reminders, label: 'reminders scheduled', href: '/console/reminders' },
      { n: quarantined, label: 'inputs in quarantine', href: '/console/quarantine' },
      // The outbox holds other people's personal links: only the secretariat may open it.
      ...(me(req).viewer.secretariat ? [{ n: outbox, label: 'mails in the outbox', href: '/console/outbox' }] : []),
    ];
    const body = deps.views.render('home', { cards, groups, secretariat: me(req).viewer.secretariat });
    return sendPage(req, reply, { title: 'sgbot console', active: 'home' }, body);
  });
}
