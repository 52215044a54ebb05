#!/usr/bin/env node
// Entry point of the `sgbot` command. The sources are TypeScript; tsx compiles them on the fly so that a fresh
// clone needs no build step (`npm install && npx sgbot ...`).
// The command has finished once runCli returns (a long-running one has stopped what it started): exit then, so that
// nothing left behind (a connection still retrying, a timer) keeps the process alive after an error.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exit(await runCli(process.argv));
