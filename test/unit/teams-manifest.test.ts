/** teams/: the manifest declares the bot in every scope with the commands sgbot answers; the icons are what Teams requires. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../commands/index.ts';

const dir = join(import.meta.dirname, '../../teams');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  $schema: string;
  manifestVersion: string;
  id: string;
  developer: Record<string, string>;
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> }>;
};

/** Width, height and RGBA pixels of an 8-bit RGBA PNG (every filter type). */
function decodePng(file: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(file);
  expect(data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < data.length) {
    const len = data.readUInt32BE(at);
    const type = data.subarray(at + 4, at + 8).toString('ascii');
    const body = data.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([body[8], body[9], body[12]]).toEqual([8, 6, 0]); // 8-bit RGBA, not interlaced
    }
    if (type === 'IDAT') idat.push(body);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= 4 ? (pixels[y * stride + x - 4] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] as number) : 0;
      const c = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] as number) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter];
      if (pred === undefined) throw new Error(`bad PNG filter ${filter}`);
      pixels[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, pixels };
}

describe('teams/manifest.json', () => {
  it('uses manifest schema 1.17 or later, with placeholders for the app and bot ids', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect((major as number) * 100 + (minor as number)).toBeGreaterThanOrEqual(117);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    expect(manifest.bots[0]?.botId).toBe('${{TEAMS_CLIENT_ID}}');
    for (const url of Object.values(manifest.developer).slice(1)) expect(url).toMatch(/^\$\{\{SGBOT_WEBSITE_URL\}\}/);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
  });

  it('declares the bot in personal chats, teams and group chats, with a command list mirroring the commands', () => {
    const bot = manifest.bots[0];
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const list = bot?.commandLists[0];
    expect(list?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const commands = list?.commands ?? [];
    const registry = defaultRegistry();
    // Teams shows at most 10 commands: all of them while there are that few, then the first 10 stay; none is stale.
    expect(commands.length).toBe(Math.min(10, registry.list.length));
    expect(new Set(commands.map((c) => c.title)).size).toBe(commands.length);
    for (const name of ['deadlines', 'meeting', 'lsg', 'ls', 'search', 'help']) expect(commands.map((c) => c.title)).toContain(name);
    for (const c of commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
      expect(registry.get(c.title)?.name, `"${c.title}" is not a command`).toBe(c.title);
      expect(c.description.startsWith(registry.get(c.title)?.summary ?? '?')).toBe(true);
    }
  });

  it('ships the icons Teams requires: 192×192 colour, 32×32 white-on-transparent outline', () => {
    const color = decodePng(join(dir, manifest.icons.color));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(join(dir, manifest.icons.outline));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let opaque = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) continue;
      opaque++;
      expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
  });

  it('is explained: placeholders and how to zip it', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const p of ['${{TEAMS_APP_ID}}', '${{TEAMS_CLIENT_ID}}', '${{SGBOT_WEBSITE_URL}}', 'zip -j', 'Application (client) ID']) expect(readme).toContain(p);
  });
});
