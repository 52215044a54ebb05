#!/usr/bin/env node
// Entry point of the `sgbot` command. It refuses a Node.js older than the one sgbot is made for (24), saying how
// to get it. The sources are TypeScript; tsx compiles them on the fly so that a fresh
// clone needs no build step (`npm install && npx sgbot ...`).
// The command has finished once runCli returns (a long-running one has stopped what it started): exit then, so that
// nothing left behind (a connection still retrying, a timer) keeps the process alive after an error.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `sgbot: needs Node.js 24 or later, and this is ${process.version} (${process.execPath}).\n` +
      'In this clone, `source .ci/node.sh && sgbot_node` puts the Node 24 that ./run installs first on PATH for this shell.\n',
  );
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../src/cli.ts');
process.exit(await runCli(process.argv));
