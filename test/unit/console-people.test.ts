/**
 * How the web console names a recipient or an actor: a roster person by name with their address or platform id, for
 * every registered chat platform (not only Slack and Teams), and anything else as it is.
 */
import { describe, expect, it } from 'vitest';
import { People } from '../../src/web/console/format.ts';

const roster = {
  get: (id: string) => Promise.resolve(id === 'ana@example.org' ? { name: 'Ana Silva' } : null),
  byIdentity: (who: { channel: string; id: string }) => Promise.resolve(who.channel === 'webhook' && who.id === 'ana' ? { name: 'Ana Silva' } : who.channel === 'slack' && who.id === 'U0ANA' ? { name: 'Ana Silva' } : null),
};

describe('People.name', () => {
  const people = new People(roster);
  it('names people of the roster by every platform they are known on', async () => {
    expect(await people.name('person:ana@example.org')).toEqual({ name: 'Ana Silva', detail: 'ana@example.org' });
    expect(await people.name('webhook:ana')).toEqual({ name: 'Ana Silva', detail: 'Webhook ana' });
    expect(await people.name('slack:U0ANA')).toEqual({ name: 'Ana Silva', detail: 'Slack U0ANA' });
  });
  it('labels a channel or an unknown user by its platform, and keeps anything else as it is', async () => {
    expect(await people.name('teams:19:abc@thread.tacv2')).toEqual({ name: 'Teams 19:abc@thread.tacv2', detail: null });
    expect(await people.name('webhook:#sg20')).toEqual({ name: 'Webhook #sg20', detail: null });
    expect(await people.name('system:reminders')).toEqual({ name: 'sgbot', detail: 'automatic (reminders)' });
    expect(await people.name('mail:t25sg20@lists.itu.int')).toEqual({ name: 't25sg20@lists.itu.int', detail: 'mail' });
    expect(await people.name('something-else')).toEqual({ name: 'something-else', detail: null });
  });
});
