/**
 * Structured logs (pino) to stderr, with secrets redacted wherever they appear in a logged object: passwords,
 * tokens, signing secrets, and the password inside connection URLs.
 */
import { pino, type Logger } from 'pino';
import { redactUrl } from './config.ts';

export type { Logger };

/** Field names whose values are never logged. */
const SECRET_PATHS = ['pass', 'password', 'token', 'secret', 'signingSecret', 'appToken', 'botToken', 'clientSecret', 'authorization', 'cookie'];

/**
 * A logger at `level` writing JSON lines to stderr (stdout is kept for command output).
 *
 * @example createLogger('info').child({ jobId: 'raw-…' }).info({ docs: 2 }, 'ingested')
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { name: 'sgbot' },
      redact: { paths: [...SECRET_PATHS, ...SECRET_PATHS.map((p) => `*.${p}`), ...SECRET_PATHS.map((p) => `*.*.${p}`)], censor: '***' },
      formatters: {
        log: (obj) => {
          for (const [k, v] of Object.entries(obj)) if (typeof v === 'string' && v.includes('://')) obj[k] = redactUrl(v);
          return obj;
        },
      },
    },
    destination,
  );
}
