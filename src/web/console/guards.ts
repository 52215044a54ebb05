/**
 * Rights checked before a console route runs. A correction of a document's facts is for the secretariat of the
 * document's group; a correction of the group itself also needs rights on the new group, so nobody can move a
 * document into (or out of) a group they hold no rights on. A refusal is a 403 page, audited with the person.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canonicalGroup } from '../../core/groups.ts';
import { identityKey } from '../../core/identity.ts';
import { isSecretariat } from '../../people/roster.ts';
import { form, me, sendPage, type ConsoleDeps } from './context.ts';

const CORRECT_ROUTE = '/console/documents/:id/correct';
const DOC_ID = /^[0-9a-f]{8,64}$/;

/**
 * Why the signed-in person may not make this correction, or `null` when they may: `group` is the document's group
 * now, `field` and `value` what the form asks for.
 */
export function correctionRefusal(person: Parameters<typeof isSecretariat>[0], anySecretariat: boolean, group: string | null, field: string, value: string): { reason: string; text: string; newGroup?: string } | null {
  const current = group ? isSecretariat(person, group) : anySecretariat;
  if (!current) return { reason: person ? 'not-secretariat' : 'not-in-roster', text: `only the ${group ?? ''} secretariat may correct the facts of this document` };
  if (field === 'group' && value.trim() !== '') {
    const next = canonicalGroup(value) ?? value.trim();
    if (!isSecretariat(person, next)) return { reason: 'no-rights-on-new-group', newGroup: next, text: `you hold no secretariat role for ${next}, so you cannot move this document there` };
  }
  return null;
}

export function registerCorrectionGuard(app: FastifyInstance, deps: ConsoleDeps): void {
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'POST' || req.routeOptions.url !== CORRECT_ROUTE) return undefined;
    const id = (req.params as { id?: string }).id ?? '';
    const doc = DOC_ID.test(id) ? await deps.services.store.getDocument(id) : null;
    if (!doc) return undefined; // the route answers 404
    const s = me(req);
    const f = form(req);
    // One field (`field`, `value`), or a fact group's form (`f:<field>` inputs): there the group is what may move it.
    const grouped = (f['field'] ?? '').trim() === '' && 'f:group' in f;
    const movesGroup = grouped && (f['f:group'] ?? '').trim() !== (doc.parsed.group ?? '');
    const field = grouped ? (movesGroup ? 'group' : (Object.keys(f).find((k) => k.startsWith('f:'))?.slice(2) ?? '')) : (f['field'] ?? '').trim();
    const value = grouped ? (movesGroup ? (f['f:group'] ?? '') : '') : (f['value'] ?? '');
    const refusal = correctionRefusal(s.person, s.viewer.secretariat, doc.parsed.group, field, value);
    if (!refusal) return undefined;
    await deps.services.audit.record({
      who: identityKey(s.who),
      action: 'fact.correction.refused',
      target: doc.id,
      result: 'refused',
      details: { field, group: doc.parsed.group, ...(refusal.newGroup ? { newGroup: refusal.newGroup } : {}), reason: refusal.reason },
    });
    return sendPage(req, reply, { title: 'Only the secretariat of the group can correct facts', active: 'documents' }, deps.views.render('refused', { name: s.viewer.name, text: refusal.text }), 403);
  });
}
