/**
 * `sgbot` started by a Node.js older than 24 (a machine's system Node, as Debian ships it): it runs itself with the
 * Node 24 that ./run installs when that is there, and otherwise says how to get it. Runs where such an older Node is
 * installed (/usr/bin/node); skipped elsewhere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SYSTEM_NODE = '/usr/bin/node';
const systemMajor = existsSync(SYSTEM_NODE) ? Number(execFileSync(SYSTEM_NODE, ['-p', 'process.versions.node.split(".")[0]']).toString()) : 0;
const root = new URL('../..', import.meta.url).pathname;

describe.skipIf(!(systemMajor > 0 && systemMajor < 24))('sgbot under an older Node', () => {
  it('runs with the installed Node 24, and else exits 1 saying how to get it', () => {
    const docs = join(root, 'test/fixtures/docs');
    const file = join(docs, readdirSync(docs).find((f) => f.endsWith('.txt')) ?? '');
    // The folder of the Node running this test stands for the one ./run installs.
    const ok = spawnSync(SYSTEM_NODE, [join(root, 'bin/sgbot.js'), 'parse', file, '--json'], { env: { ...process.env, SGBOT_NODE_DIR: dirname(dirname(process.execPath)) }, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveProperty('kind');
    const missing = spawnSync(SYSTEM_NODE, [join(root, 'bin/sgbot.js'), '--help'], { env: { ...process.env, SGBOT_NODE_DIR: '/nonexistent' }, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('needs Node.js 24 or later');
    expect(missing.stderr).toContain('source .ci/node.sh && sgbot_node');
  });
});
