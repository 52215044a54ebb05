/**
 * The messaging endpoint Teams POSTs Activities to: fastify (as the web console) with the Agents SDK's request handler
 * (which validates the bearer token, then runs the agent) on one path. The SDK's handler is written for Express-like
 * request and response objects; {@link sdkResponse} gives it one over the fastify reply. Bodies that are not JSON
 * Activities get 400 without reaching the SDK; requests the SDK refuses for their token (401) are logged; nothing
 * answers with a stack trace.
 */
import fastifyHelmet from '@fastify/helmet';
import type { AgentRequestHandler } from '@microsoft/agents-hosting-express';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from '../../log.ts';

type HandlerRequest = Parameters<AgentRequestHandler>[0];
type HandlerResponse = Parameters<AgentRequestHandler>[1];

/** What the SDK wrote: the status, headers and body it set, and whether it ended the response. */
interface Written {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  ended: boolean;
}

/**
 * The response object the SDK's handler writes to (`status`, `setHeader`, `send`, `end`, `headersSent`,
 * `writableEnded`, `statusCode`), recording what it writes; the route sends it with fastify afterwards.
 */
function sdkResponse(written: Written): HandlerResponse {
  const res = {
    status(code: number) {
      written.status = code;
      return res;
    },
    setHeader(name: string, value: string) {
      written.headers[name.toLowerCase()] = String(value);
      return res;
    },
    send(body: unknown) {
      written.body = body;
      written.ended = true;
      return res;
    },
    end() {
      written.ended = true;
      return res;
    },
    get statusCode() {
      return written.status;
    },
    get headersSent() {
      return written.ended;
    },
    get writableEnded() {
      return written.ended;
    },
  };
  return res;
}

/**
 * The fastify app serving `POST path` with `handler` (not listening yet).
 *
 * @example await messagingApp(createAgentRequestHandler(agent, authConfig), '/api/messages', log).listen({ port: 3978 })
 */
export function messagingApp(handler: AgentRequestHandler, path: string, log: Logger): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  void app.register(fastifyHelmet, { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  app.post(path, async (request, reply) => {
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return reply.code(400).send({ error: 'Expected a Bot Framework Activity as JSON.' });
    const written: Written = { status: 200, headers: {}, body: undefined, ended: false };
    const req = { method: request.method, headers: request.headers, body, ip: request.ip, url: request.url } as unknown as HandlerRequest;
    await handler(req, sdkResponse(written));
    // The SDK's authorizeJWT answered for itself: a missing, malformed, expired or foreign token.
    if (written.status === 401) log.warn({ ip: request.ip, auth: request.headers.authorization ? 'invalid bearer token' : 'no bearer token' }, 'Rejected a Teams request without a valid token');
    reply.code(written.status).headers(written.headers);
    return written.body === undefined ? reply.send() : reply.send(written.body);
  });
  app.setErrorHandler((err: { statusCode?: number; message: string }, request, reply) => {
    const status = err.statusCode;
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    if (clientError) log.warn({ status, path: request.url, err: err.message }, 'Rejected a malformed Teams request');
    else log.error({ err, path: request.url }, 'Teams request handling failed');
    return reply.code(clientError ? status : 500).send({ error: clientError ? 'Bad request.' : 'Internal error.' });
  });
  return app;
}
