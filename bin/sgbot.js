#!/usr/bin/env node
// Entry point of the `sgbot` command. The sources are TypeScript; tsx compiles them on the fly so that a fresh
// clone needs no build step (`npm install && npx sgbot ...`).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv);
