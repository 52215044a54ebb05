/**
 * Draws the README's picture of a Slack answer: the Block Kit message sgbot posts for `/deadlines SG20` asked from
 * Tokyo, made by the real command path (sample inbox, private Redis, `replyToBlocks`), drawn as a Slack-like HTML
 * page and photographed in headless Chromium. Slack's own client draws the same blocks in its own style.
 *
 *   npx tsx docs/slack-preview.ts            # writes docs/screenshots/slack-answer.png
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { answer } from '../src/chat/router.ts';
import { replyToBlocks } from '../src/chat/slack/blocks.ts';
import { loadConfig } from '../src/config.ts';
import { startRedisServer } from '../src/embedded/redis-server.ts';
import { writeSampleInbox } from '../src/embedded/sample.ts';
import { ingestPaths } from '../src/ingest/pipeline.ts';
import { escapeHtml } from '../src/mail/html.ts';
import { createServices } from '../src/main.ts';

type Block = { type: string; text?: { type: string; text: string }; elements?: Array<{ type: string; text: string | { text: string } }> };

/** Slack mrkdwn (as sgbot writes it) → HTML: escapes, *bold*, _italic_, `code`, <url|label>, line breaks. */
function mrkdwn(text: string): string {
  return escapeHtml(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
    .replace(/&lt;(https?:[^|&]+)\|([^&]+)&gt;/g, '<a href="$1">$2</a>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/(^|\s)\*([^*\n]+)\*/g, '$1<b>$2</b>')
    .replace(/(^|\s)_([^_\n]+)_/g, '$1<i>$2</i>')
    .replace(/:page_facing_up:\s*/g, '')
    .replace(/\n/g, '<br>');
}

function render(block: Block): string {
  switch (block.type) {
    case 'header':
      return `<div class="header">${escapeHtml(block.text?.text ?? '')}</div>`;
    case 'section':
      return `<div class="section">${mrkdwn(block.text?.text ?? '')}</div>`;
    case 'context':
      return `<div class="context">${(block.elements ?? []).map((e) => mrkdwn(typeof e.text === 'string' ? e.text : '')).join(' ')}</div>`;
    case 'divider':
      return '<hr>';
    case 'actions':
      return `<div class="actions">${(block.elements ?? []).map((e) => `<button>${escapeHtml(typeof e.text === 'string' ? e.text : e.text.text)}</button>`).join('')}</div>`;
    default:
      return '';
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sgbot-slack-preview-'));
const redis = await startRedisServer({ dir });
try {
  const services = await createServices(loadConfig({ REDIS_URL: redis.url, SGBOT_PREFIX: 'preview', LOG_LEVEL: 'silent' }, '/nonexistent'));
  const inbox = await writeSampleInbox({ dataDir: dir });
  await ingestPaths(inbox.paths, { store: services.store, quarantine: services.quarantine });
  const { reply } = await answer(services.registry, services.context(Date.now(), 'Asia/Tokyo', { channel: 'slack', id: 'U0PREVIEW', verified: true }), '/deadlines SG20');
  await services.close();
  const { blocks } = replyToBlocks(reply, { shareId: 'preview' });
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{font:15px/1.46668 -apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d1c1d;margin:0;background:#fff;width:760px}
    .msg{display:flex;gap:8px;padding:12px 20px}.avatar{width:36px;height:36px;border-radius:6px;background:#1f3a5f;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;flex:none}
    .name{font-weight:900}.app{font-size:10px;background:#e8e8e8;color:#616061;border-radius:2px;padding:1px 3px;margin-left:4px;font-weight:700}.time{color:#616061;font-size:12px;margin-left:6px}
    .eph{color:#616061;font-size:13px;margin-bottom:4px}.header{font-size:18px;font-weight:900;margin:4px 0 8px}.section{margin:6px 0}
    .context{font-size:12px;color:#616061;margin:2px 0 10px}code{font-size:11px;background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:0 3px;color:#c01343}
    a{color:#1264a3;text-decoration:none}.actions button{font:inherit;font-weight:700;font-size:13px;background:#fff;border:1px solid #bbb;border-radius:4px;padding:4px 12px;margin-top:6px}
  </style><div class="msg"><div class="avatar">sg</div><div><div><span class="name">sgbot</span><span class="app">APP</span><span class="time">09:41</span></div>
  <div class="eph">Only visible to you</div>${(blocks as Block[]).map(render).join('')}</div></div>`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 760, height: 400 } });
  await page.setContent(html);
  await page.screenshot({ path: join(import.meta.dirname, 'screenshots/slack-answer.png'), fullPage: true });
  await browser.close();
  console.log('written: docs/screenshots/slack-answer.png');
} finally {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}
