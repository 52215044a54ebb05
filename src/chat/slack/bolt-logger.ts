/**
 * Bolt and the Slack SDK log through their own `Logger` interface; this one forwards to sgbot's pino logger, so a
 * rejected signature ("Failed to verify authenticity…") lands in the same structured log at warn.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.ts';

const LEVELS: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

function show(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

function text(parts: unknown[]): string {
  return parts.map(show).join(' ');
}

/**
 * A Bolt logger writing to `log` under `{ component: 'slack' }`. Its level follows pino's; Bolt's `setLevel` calls
 * (Bolt sets INFO by default) are ignored so that LOG_LEVEL stays the one switch.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  const err = (parts: unknown[]) => parts.find((p): p is Error => p instanceof Error);
  return {
    debug: (...msg: unknown[]) => child.debug(text(msg)),
    info: (...msg: unknown[]) => child.info(text(msg)),
    warn: (...msg: unknown[]) => child.warn({ err: err(msg) }, text(msg)),
    error: (...msg: unknown[]) => child.error({ err: err(msg) }, text(msg)),
    setLevel: () => undefined,
    getLevel: () => LEVELS[child.level] ?? LogLevel.ERROR,
    setName: () => undefined,
  };
}
