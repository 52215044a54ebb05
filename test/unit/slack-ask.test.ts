/** Slash commands to router text, and the polite refusals. */
import { describe, expect, it } from 'vitest';
import { commandText, failureReply, rateLimitedReply } from '../../src/chat/slack/ask.ts';
import { route } from '../../src/chat/router.ts';
import { defaultRegistry } from '../../commands/index.ts';
import { SgbotError } from '../../src/core/errors.ts';

describe('commandText', () => {
  it('maps each slash command to the command it stands for', () => {
    expect(commandText('/deadlines', ' SG20 ')).toBe('/deadlines SG20');
    expect(commandText('/meeting', 'SG13')).toBe('/meeting SG13');
    expect(commandText('/lsg', 'who leads IoT identification')).toBe('/lsg who leads IoT identification');
    expect(commandText('/ls', '')).toBe('/ls');
    expect(commandText('/sgsearch', 'digital twin')).toBe('/search digital twin');
    expect(commandText('/sgbot', '')).toBe('');
    expect(commandText('/sgbot', 'when is the next SG13 meeting')).toBe('when is the next SG13 meeting');
  });

  it('reaches the intended command through the router', () => {
    const registry = defaultRegistry();
    const name = (command: string, text: string) => {
      const r = route(registry, commandText(command, text));
      return 'spec' in r ? r.spec.name : r.reply.code;
    };
    expect(name('/deadlines', 'SG20')).toBe('deadlines');
    expect(name('/sgsearch', 'digital twin')).toBe('search');
    expect(name('/sgbot', '')).toBe('help');
    expect(name('/sgbot', 'doc SG11-LS58')).toBe('doc');
    expect(name('/sgbot', 'who leads IoT identification')).toBe('lsg');
    // After /sgbot the words are a plain question: a typo of a command that only reads is read as that command.
    expect(name('/sgbot', 'dedlines SG20')).toBe('deadlines');
    expect(name('/dedlines', 'SG20')).toBe('E_UNKNOWN_COMMAND');
  });
});

describe('refusals', () => {
  it('a rate-limited user is told the limit and when to come back', () => {
    const r = rateLimitedReply({ allowed: false, count: 21, firstRefusal: true, retryAfterS: 42 }, 20);
    expect(r.ok).toBe(false);
    expect(r.title).toBe("You're asking faster than I answer: at most 20 questions a minute. Please try again in 42 s.");
  });

  it('an unexpected failure shows a reference, never the error itself; a known one shows its message', () => {
    const r = failureReply(new Error('ECONNRESET at 10.0.0.3:6379'), 'ab12cd34');
    expect(JSON.stringify(r)).not.toContain('ECONNRESET');
    expect(r.notes.join(' ')).toContain('ab12cd34');
    expect(failureReply(new SgbotError('E_STORE', 'The store cannot be reached; try again shortly.'), 'x').title).toBe('The store cannot be reached; try again shortly.');
  });
});
