/**
 * The mail of the ingest scenarios, in the project's own words: collective letters with a key deadline, list
 * chatter, and HTML-only announcements — each with its own Message-ID and its own text, so that each is exactly one
 * stored document — plus a deliverer that puts them into the private Dovecot over LMTP and retries while Dovecot is
 * being restarted.
 */
import { letterText, listMail } from '../../support/letters.ts';
import type { Dovecot } from '../../support/dovecot.ts';
import { sleep } from './common.ts';
import type { Rng } from './rng.ts';

export interface FaultMail {
  messageId: string;
  raw: Buffer;
}

function htmlMail(i: number, messageId: string): Buffer {
  const body = `<html><body><h1>SG${GROUPS[i % GROUPS.length] ?? 2} announcement ${i}</h1><p>The rapporteur group meeting number ${i} moves to room ${100 + (i % 50)}.</p><p>Agenda item ${i * 7} is postponed.</p></body></html>`;
  return Buffer.from(
    [
      'From: "TSB" <tsb@itu.int>',
      `To: t25sg${GROUPS[i % GROUPS.length] ?? 2}@lists.itu.int`,
      `Subject: Announcement ${i}`,
      `Message-ID: ${messageId}`,
      'Date: Tue, 02 Feb 2027 10:00:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

/** Groups of the mail; not SG20, whose subscribers get the reminders of the replica scenario. */
const GROUPS = [2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 21];

/** `n` distinct mails, Message-IDs `<fault-TAG-i@lists.example.org>`. */
export function faultMails(n: number, tag: string): FaultMail[] {
  const out: FaultMail[] = [];
  for (let i = 0; i < n; i++) {
    const messageId = `<fault-${tag}-${i}@lists.example.org>`;
    const sg = GROUPS[i % GROUPS.length] ?? 2;
    let raw: Buffer;
    if (i % 3 === 0) raw = listMail({ n: 1000 + i, sg, messageId, body: letterText(1000 + i, sg) });
    else if (i % 3 === 1)
      raw = listMail({ n: i, sg, messageId, subject: `Re: Q${(i % 12) + 1}/${sg} draft text`, body: `Dear colleagues,\n\nplease find my comments on the draft, version ${i}.\nThe editor will update clause ${i % 17}.${i % 9}.\n\nBest regards,\nDelegate ${i}` });
    else raw = htmlMail(i, messageId);
    out.push({ messageId, raw });
  }
  return out;
}

/**
 * Deliver `mails` in order to `user` over LMTP, pausing 0–`maxGapMs` between mails (drawn from `rng`: give it a
 * generator of its own, so the kill points drawn elsewhere do not depend on how deliveries interleave); a delivery
 * refused or cut (Dovecot restarting) is tried again until it is accepted. Resolves when all are in.
 */
export async function deliverAll(dovecot: Dovecot, user: string, mails: readonly FaultMail[], rng: Rng, maxGapMs = 0): Promise<void> {
  for (const m of mails) {
    const end = Date.now() + 120_000;
    for (;;) {
      try {
        await dovecot.deliver(user, m.raw);
        break;
      } catch (err) {
        if (Date.now() > end) throw new Error(`LMTP delivery of ${m.messageId} failed for 2 minutes: ${(err as Error).message}`);
        await sleep(200);
      }
    }
    if (maxGapMs > 0) await sleep(rng.between(0, maxGapMs));
  }
}
