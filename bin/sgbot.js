#!/usr/bin/env node
// Entry point of the `sgbot` command. Under a Node.js older than the one sgbot is made for (24) it runs itself with
// the Node 24 that ./run installs, or says how to get it. The sources are TypeScript; tsx compiles them on the fly so that a fresh
// clone needs no build step (`npm install && npx sgbot ...`).
// The command has finished once runCli returns (a long-running one has stopped what it started): exit then, so that
// nothing left behind (a connection still retrying, a timer) keeps the process alive after an error.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  // The Node 24 that ./run and .ci/run install (.ci/node.sh, same folder) runs the command when it is there.
  const { existsSync, readFileSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const { homedir } = await import('node:os');
  const want = readFileSync(`${import.meta.dirname}/../.nvmrc`, 'utf8').trim().replace(/^v/, '');
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const dir = process.env.SGBOT_NODE_DIR || `${process.env.XDG_CACHE_HOME || `${homedir()}/.cache`}/sgbot/node-v${want}-linux-${arch}`;
  if (process.platform === 'linux' && existsSync(`${dir}/bin/node`)) {
    const run = spawnSync(`${dir}/bin/node`, process.argv.slice(1), { stdio: 'inherit' });
    process.exit(run.status ?? 1);
  }
  process.stderr.write(
    `sgbot: needs Node.js 24 or later, and this is ${process.version} (${process.execPath}).\n` +
      'In this clone, `source .ci/node.sh && sgbot_node` installs it (from the npm registry) and puts it first on PATH for this shell.\n',
  );
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../src/cli.ts');
const code = await runCli(process.argv);
// Output to a pipe is written asynchronously: exiting at once would cut an answer longer than the pipe's buffer
// (64 KB) short. A write of nothing calls back once everything written before it is out.
const flushed = (stream) => new Promise((resolve) => (stream.writableLength === 0 ? resolve() : stream.write('', resolve)));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
