/** slack/manifest.yml declares what the adapter handles, with the scopes it needs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLASH_COMMANDS } from '../../src/chat/slack/ask.ts';

const manifest = readFileSync(join(import.meta.dirname, '../../slack/manifest.yml'), 'utf8');
/** The items of the YAML list under `key:` (one `- item` per line, comments dropped). */
function list(key: string): string[] {
  const block = new RegExp(`^(\\s*)${key}:\\n((?:\\1\\s+- .*\\n)+)`, 'm').exec(manifest);
  return (block?.[2] ?? '').split('\n').map((l) => l.replace(/#.*$/, '').replace(/^\s*- /, '').trim()).filter(Boolean);
}

describe('slack/manifest.yml', () => {
  it('declares exactly the slash commands the app answers', () => {
    const declared = [...manifest.matchAll(/^\s*- command: (\S+)/gm)].map((m) => m[1]);
    expect(declared.sort()).toEqual([...SLASH_COMMANDS].sort());
  });

  it('asks for the bot scopes and events the adapter uses, and enables the Home tab and interactivity', () => {
    // *:history: conversations.history, to find a post a killed worker had in flight (src/chat/slack/sender.ts).
    expect(list('bot').sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'im:read', 'im:write', 'mpim:history', 'users:read']);
    expect(list('bot_events').sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/interactivity:\n\s+# .*\n\s+is_enabled: true/);
    expect(manifest).toMatch(/^\s*socket_mode_enabled: (true|false)$/m);
  });
});
