/**
 * The messaging endpoint Teams POSTs Activities to: Express with the Agents SDK's request handler (which validates the
 * bearer token, then runs the agent) on one path. Bodies that are not JSON Activities get 400 without reaching the
 * SDK; requests the SDK refuses for their token (401) are logged; nothing answers with a stack trace.
 */
import { createServer, type Server } from 'node:http';
import type { AgentRequestHandler } from '@microsoft/agents-hosting-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../log.ts';

/**
 * An HTTP server (not listening yet) that passes `POST path` to `handler`.
 *
 * @example messagingServer(createAgentRequestHandler(agent, authConfig), '/api/messages', log).listen(3978)
 */
export function messagingServer(handler: AgentRequestHandler, path: string, log: Logger): Server {
  const app = express();
  app.disable('x-powered-by');
  app.post(path, express.json({ limit: '1mb' }), async (req: Request, res: Response) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      res.status(400).json({ error: 'Expected a Bot Framework Activity as JSON.' });
      return;
    }
    await handler(req, res);
    // The SDK's authorizeJWT answered for itself: a missing, malformed, expired or foreign token.
    if (res.statusCode === 401) log.warn({ ip: req.ip, auth: req.headers.authorization ? 'invalid bearer token' : 'no bearer token' }, 'Rejected a Teams request without a valid token');
  });
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: unknown }).status;
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    if (clientError) log.warn({ status, path: req.path, err: (err as Error).message }, 'Rejected a malformed Teams request');
    else log.error({ err, path: req.path }, 'Teams request handling failed');
    if (!res.headersSent) res.status(clientError ? status : 500).json({ error: clientError ? 'Bad request.' : 'Internal error.' });
  });
  return createServer(app);
}
