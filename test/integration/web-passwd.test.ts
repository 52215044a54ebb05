/**
 * `sgbot web passwd EMAIL`: the account line it prints signs that person in with that password, and only with it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAccounts, verifyPassword } from '../../src/web/console/auth.ts';

const BIN = join(import.meta.dirname, '../../bin/sgbot.js');
const passwd = (email: string, input: string) => spawnSync(process.execPath, [BIN, 'web', 'passwd', email], { input, encoding: 'utf8', env: { ...process.env, REDIS_URL: 'redis://127.0.0.1:1' } });

describe('sgbot web passwd', () => {
  it('prints an account line whose hash accepts the password and nothing else', async () => {
    const r = passwd('Ana.Silva@Example.org', 'long enough secret\n');
    expect(r.status, r.stderr).toBe(0);
    const line = r.stdout.trim();
    expect(line).toMatch(/^ana\.silva@example\.org:scrypt\$/);
    expect(line).not.toContain('long enough secret');
    const [account] = parseAccounts(line);
    expect(account?.person).toBe('ana.silva@example.org');
    expect(await verifyPassword('long enough secret', account?.hash ?? '')).toBe(true);
    expect(await verifyPassword('long enough secreT', account?.hash ?? '')).toBe(false);
  });

  it('refuses a short password and a name that is not an email, with exit code 2 and a reason', () => {
    const short = passwd('ana@example.org', 'short\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/at least 8 characters/);
    const bad = passwd('ana', 'long enough secret\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not an email address/);
  });
});
