/** The broadcast command's grammar, through the router every channel uses: what each form becomes, what wrong use says. */
import { describe, expect, it } from 'vitest';
import broadcast from '../../commands/broadcast.ts';
import { createRegistry } from '../../commands/index.ts';
import { route } from '../../src/chat/router.ts';
import type { CommandSpec } from '../../src/core/command.ts';

const registry = createRegistry([broadcast as unknown as CommandSpec<never>]);

function parsed(text: string): unknown {
  const r = route(registry, text);
  if ('reply' in r) throw new Error(`not routed: ${r.reply.title}`);
  return r.args;
}

function refusal(text: string): string {
  const r = route(registry, text);
  if (!('reply' in r)) throw new Error(`routed: ${JSON.stringify(r.args)}`);
  expect(r.reply.code).toBe('E_USAGE');
  return r.reply.title;
}

describe('broadcast grammar', () => {
  it('reads drafts from text or a document, and the subcommands with their id', () => {
    expect(parsed('broadcast SG20 The plenary starts at 09:30.')).toEqual({ action: 'draft', group: 'SG20', text: 'The plenary starts at 09:30.' });
    expect(parsed('/broadcast sg12rg-afr Abidjan meeting confirmed')).toEqual({ action: 'draft', group: 'SG12RG-AFR', text: 'Abidjan meeting confirmed' });
    expect(parsed('announce TSAG Agenda posted')).toEqual({ action: 'draft', group: 'TSAG', text: 'Agenda posted' });
    expect(parsed('broadcast SG20 doc TSB Collective letter 5/20')).toEqual({ action: 'doc', group: 'SG20', ref: 'TSB Collective letter 5/20' });
    expect(parsed('broadcast confirm K3X9M2PQ')).toEqual({ action: 'confirm', id: 'k3x9m2pq' });
    for (const sub of ['status', 'retry', 'cancel']) expect(parsed(`broadcast ${sub} k3x9m2pq`)).toEqual({ action: sub, id: 'k3x9m2pq' });
  });

  it('says what to type when something is missing or wrong', () => {
    expect(refusal('broadcast')).toBe('Say which group and what to announce: broadcast SG20 <text>.');
    expect(refusal('broadcast SG99 hello')).toContain('"SG99" is not a study group');
    expect(refusal('broadcast SG20')).toBe('Say what to announce: broadcast SG20 <text>, or broadcast SG20 doc <reference>.');
    expect(refusal('broadcast SG20 doc')).toContain('Say which document');
    expect(refusal('broadcast status')).toContain('Say which broadcast by its id');
    expect(refusal('broadcast confirm 12')).toContain('Say which broadcast by its id');
    expect(refusal(`broadcast SG20 ${'word '.repeat(700)}`)).toContain('at most 2800 characters');
  });
});
