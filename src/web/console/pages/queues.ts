/**
 * The BullMQ queues of every job kind (jobs/index.ts JOBS) in Bull Board, under /console/queues, for the secretariat
 * only. Bull Board's own API calls carry no form token: a changing call must come from this origin (the browser's
 * `Origin` header), which a page on another site cannot fake.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JOBS } from '../../../../jobs/index.ts';
import { identityKey } from '../../../core/identity.ts';
import { me, type ConsoleDeps } from '../context.ts';

export const QUEUES_PATH = '/console/queues';

/** `true` when a request that changes something comes from this server's own pages. */
export function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export async function registerQueues(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_PATH);
  const jobs = deps.services.jobs();
  const queues = JOBS.map((spec) => new BullMQAdapter(jobs.queue(spec)));
  createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'sgbot queues' } } });
  await app.register(async (board) => {
    board.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const s = me(req);
      if (!s.viewer.secretariat) {
        if (req.method !== 'GET') await deps.services.audit.record({ who: identityKey(s.who), action: 'queues.refused', target: req.url.split('?')[0] ?? '', result: 'refused', details: { method: req.method } });
        return reply.code(403).type('text/plain; charset=utf-8').send('Only the secretariat can see and change the job queues.');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req)) return reply.code(403).type('text/plain; charset=utf-8').send('Refused: this request did not come from the console.');
      return undefined;
    });
    await board.register(serverAdapter.registerPlugin(), { prefix: QUEUES_PATH });
  });
}
