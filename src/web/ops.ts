/**
 * Operations routes: `/healthz` (components: Redis, IMAP mailboxes, worker, Slack, Teams; 503 when Redis is down or a
 * mailbox is failing), `/readyz` (this process can take traffic: Redis answers) and `/metrics` (Prometheus text).
 * Each answers within about two seconds even when Redis is stopped.
 */
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { probeRedis } from '../health-report.ts';
import type { Metrics } from '../metrics.ts';

/** What the routes need: the process's Redis connection and its metrics (which also read health). */
export interface OpsDeps {
  redis: Redis;
  metrics: Pick<Metrics, 'health' | 'scrape'>;
  /** Longest `/readyz` waits for a PING, ms (default 1 000). */
  probeTimeoutMs?: number;
}

/**
 * Add `/healthz`, `/readyz` and `/metrics` to `app`. None needs sign-in; none shows a secret (IMAP errors name the
 * setting to fix, never the password).
 *
 * @example registerOpsRoutes(app, { redis: services.redis, metrics: services.metrics })
 */
export function registerOpsRoutes(app: FastifyInstance, deps: OpsDeps): void {
  app.get('/healthz', async (_req, res) => {
    const report = await deps.metrics.health();
    return res.code(report.ok ? 200 : 503).header('cache-control', 'no-store').send(report);
  });

  // Ready to take traffic: every page needs Redis. A failing mailbox is not a reason to stop serving (/healthz says it).
  app.get('/readyz', async (_req, res) => {
    const probe = await probeRedis(deps.redis, deps.probeTimeoutMs);
    const body = probe.up ? { ok: true, redis: 'up' } : { ok: false, redis: 'down', redisError: probe.error };
    return res.code(probe.up ? 200 : 503).header('cache-control', 'no-store').send(body);
  });

  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await deps.metrics.scrape();
    return res.code(200).header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
