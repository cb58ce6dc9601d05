#!/usr/bin/env node
import { runCli } from './cli.js';

// Ctrl-C once: finish the rows in flight, write the report, exit. Twice: exit at once (the report stays resumable).
const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write('\nStopping after the rows in flight (Ctrl-C again to quit now)...\n');
  controller.abort();
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  columns: process.stderr.columns ?? 80,
  signal: controller.signal,
});
