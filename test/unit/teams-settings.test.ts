/** Teams settings: JWT validation unless anonymous is asked for outside production; what each mistake says. */
import { describe, expect, it } from 'vitest';
import { teamsSettingsFrom } from '../../src/chat/teams/settings.ts';
import { isSgbotError } from '../../src/core/errors.ts';

const CLIENT = '6f1c0de5-0b07-4e57-9a1b-5b0b075b0700';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECRET = 'Abc8Q~not-a-real-secret-value.xyz';

function problems(env: Record<string, string | undefined>): string {
  try {
    teamsSettingsFrom(env);
  } catch (err) {
    if (isSgbotError(err, 'E_CONFIG')) return err.message;
    throw err;
  }
  throw new Error('expected E_CONFIG');
}

describe('teamsSettingsFrom', () => {
  it('reads an authenticated set-up with defaults, frozen', () => {
    const s = teamsSettingsFrom({ TEAMS_CLIENT_ID: CLIENT, TEAMS_CLIENT_SECRET: SECRET, TEAMS_TENANT_ID: TENANT, NODE_ENV: 'production' });
    expect(s).toMatchObject({ anonymous: false, clientId: CLIENT, clientSecret: SECRET, tenantId: TENANT, port: 3978, host: '0.0.0.0', path: '/api/messages', defaultTz: 'Europe/Zurich', rateLimitPerMinute: 20 });
    expect(s.retry.retries).toBeGreaterThan(0);
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('runs anonymously only when asked, and only outside production', () => {
    expect(teamsSettingsFrom({ TEAMS_ANONYMOUS: 'true', NODE_ENV: 'development' })).toMatchObject({ anonymous: true, clientId: null, clientSecret: null, tenantId: null });
    expect(teamsSettingsFrom({ TEAMS_ANONYMOUS: 'TRUE' }).anonymous).toBe(true);
    const msg = problems({ TEAMS_ANONYMOUS: 'true', NODE_ENV: 'production' });
    expect(msg).toMatch(/TEAMS_ANONYMOUS=true is refused when NODE_ENV=production/);
    expect(msg).toMatch(/set TEAMS_CLIENT_ID \(Azure portal → Microsoft Entra ID → App registrations → your bot → Overview → Application \(client\) ID/);
  });

  it('never falls back to anonymous: without credentials it says what to set and where to find it in Azure', () => {
    const msg = problems({ NODE_ENV: 'development' });
    expect(msg).toMatch(/TEAMS_CLIENT_ID is missing: copy it from Azure portal → Microsoft Entra ID → App registrations → your bot → Overview → Application \(client\) ID/);
    expect(msg).toMatch(/TEAMS_CLIENT_SECRET is missing: create one at Azure portal → Microsoft Entra ID → App registrations → your bot → Certificates & secrets → Client secrets/);
    expect(msg).toMatch(/TEAMS_TENANT_ID is missing: copy it from Azure portal → .* → Directory \(tenant\) ID/);
    expect(msg).toMatch(/TEAMS_ANONYMOUS=true, never in production/);
    expect(msg).toMatch(/To resolve/);
  });

  it('recognises malformed values, a Secret ID given as the secret, and contradictions, all at once', () => {
    const msg = problems({ TEAMS_CLIENT_ID: 'my-bot', TEAMS_CLIENT_SECRET: TENANT, TEAMS_TENANT_ID: 'contoso', TEAMS_PORT: 'eighty', TEAMS_PATH: 'api/messages', SGBOT_TZ: 'Mars/Olympus', TEAMS_RETRIES: '0' });
    expect(msg).toContain('TEAMS_CLIENT_ID must be a GUID');
    expect(msg).toContain('TEAMS_CLIENT_SECRET looks like a GUID, which is the Secret ID');
    expect(msg).toContain('TEAMS_TENANT_ID must be a GUID');
    expect(msg).toContain('TEAMS_PORT must be a whole number');
    expect(msg).toContain('TEAMS_PATH must be a path such as /api/messages');
    expect(msg).toContain('SGBOT_TZ must be an IANA time zone');
    expect(msg).toContain('TEAMS_RETRIES must be a whole number from 1 to 20');
    expect(problems({ TEAMS_ANONYMOUS: 'yes' })).toContain('TEAMS_ANONYMOUS must be "true"');
    expect(problems({ TEAMS_ANONYMOUS: 'true', TEAMS_CLIENT_ID: CLIENT })).toContain('cannot be combined with TEAMS_CLIENT_ID');
  });

  it('never repeats a secret in its messages', () => {
    const msg = problems({ TEAMS_CLIENT_ID: CLIENT, TEAMS_CLIENT_SECRET: SECRET, TEAMS_TENANT_ID: 'not-a-tenant', TEAMS_PORT: '-1' });
    expect(msg).not.toContain(SECRET);
  });
});
