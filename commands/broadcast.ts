/**
 * `broadcast SG20 <text>` / `broadcast SG20 doc <reference>`: draft an announcement to the group's mailing lists and
 * channels and show a preview; `broadcast confirm|status|retry|cancel <id>` to send it, follow it, resend the failed
 * targets, or drop the draft. Secretariat only (src/broadcast/authorize.ts).
 */
import { z } from 'zod';
import { runBroadcast, type BroadcastContext } from '../src/broadcast/actions.ts';
import { MAX_TEXT } from '../src/broadcast/compose.ts';
import { isBroadcastId } from '../src/broadcast/store.ts';
import { defineCommand, type Reply } from '../src/core/command.ts';
import { canonicalGroup } from '../src/core/groups.ts';

const SUBCOMMANDS = ['confirm', 'status', 'retry', 'cancel'] as const;

/** The group, checked first: with no group, what to announce cannot be judged yet. */
function checkGroup(s: string, ctx: z.RefinementCtx): string | null {
  const g = canonicalGroup(s);
  if (!g) ctx.addIssue({ code: 'custom', message: s ? `"${s}" is not a study group: say which group to broadcast to, such as broadcast SG20 <text>` : 'Say which group and what to announce: broadcast SG20 <text>' });
  return g;
}

const id = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isBroadcastId, 'Say which broadcast by its id (8 letters and digits, as the preview showed it), for example: broadcast status k3x9m2pq');

const draft = z.object({ action: z.literal('draft'), group: z.string(), text: z.string().trim() }).transform((v, ctx) => {
  const group = checkGroup(v.group, ctx);
  if (!group) return z.NEVER;
  if (v.text === '') ctx.addIssue({ code: 'custom', message: 'Say what to announce: broadcast SG20 <text>, or broadcast SG20 doc <reference>' });
  if (v.text.length > MAX_TEXT) ctx.addIssue({ code: 'custom', message: `An announcement can be at most ${MAX_TEXT} characters (this one has ${v.text.length}); shorten it or broadcast a document instead` });
  return { ...v, group };
});
const doc = z.object({ action: z.literal('doc'), group: z.string(), ref: z.string().trim() }).transform((v, ctx) => {
  const group = checkGroup(v.group, ctx);
  if (!group) return z.NEVER;
  if (v.ref.length < 2) ctx.addIssue({ code: 'custom', message: 'Say which document: broadcast SG20 doc TSB Collective letter 5/20' });
  return { ...v, group };
});

const args = z.discriminatedUnion('action', [draft, doc, ...SUBCOMMANDS.map((action) => z.object({ action: z.literal(action), id }))]);

/** `confirm k3x9m2pq` → a subcommand; `SG20 doc CL 5/20` → a document draft; `SG20 text…` → a text draft. */
function parseText(rest: string): unknown {
  const [first = '', second = '', ...more] = rest.trim().split(' ');
  const sub = SUBCOMMANDS.find((s) => s === first.toLowerCase());
  if (sub) return { action: sub, id: [second, ...more].join(' ') };
  if (second.toLowerCase() === 'doc' || second.toLowerCase() === 'document') return { action: 'doc', group: first, ref: more.join(' ') };
  return { action: 'draft', group: first, text: [second, ...more].join(' ') };
}

export default defineCommand({
  name: 'broadcast',
  aliases: ['announce'],
  summary: "Send an announcement to a group's mailing lists and channels, after a preview (secretariat only).",
  usage: 'broadcast SG20 <text> | broadcast SG20 doc <reference> | broadcast confirm|status|retry|cancel <id>',
  examples: ['broadcast SG20 The Q4/20 meeting moves to room K on Tuesday.', 'broadcast SG20 doc TSB Collective letter 5/20', 'broadcast confirm k3x9m2pq', 'broadcast status k3x9m2pq', 'broadcast retry k3x9m2pq'],
  args,
  parseText,
  run: (ctx, a): Promise<Reply> => runBroadcast(ctx as BroadcastContext, a),
});
