/**
 * All settings, read once from the environment (and an optional `.env`), validated by one zod schema, then frozen.
 * Nothing else in sgbot reads `process.env`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { SgbotError } from './core/errors.ts';

const schema = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must look like redis://HOST:PORT (for example redis://127.0.0.1:6379)')
    .default('redis://127.0.0.1:6379'),
  SGBOT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'may hold only letters, digits and _ . : - (at most 64 characters)')
    .default('sgbot'),
  SGBOT_TZ: z.string().default('Europe/Zurich'),
  SGBOT_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(50),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

/** Validated, frozen settings. */
export type Config = Readonly<z.infer<typeof schema>>;

/** Parse a `.env` file's `KEY=value` lines (values may be quoted); unknown lines are ignored. */
function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1]) out[m[1]] = (m[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/**
 * Build the configuration from `env` (process environment wins over `.env`). Every bad variable is listed in one
 * error, with how to fix it.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, dotEnvPath = '.env'): Config {
  const merged = { ...readDotEnv(dotEnvPath), ...env };
  const picked = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, merged[k] === '' ? undefined : merged[k]]));
  const result = schema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SgbotError('E_CONFIG', `Invalid settings:\n${lines.join('\n')}\nTo resolve, fix these environment variables (or .env).`);
  }
  return Object.freeze(result.data);
}
