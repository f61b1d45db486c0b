#!/usr/bin/env node
// In the workspace (the `@aks-hybrid/source` condition is on, normally through .npmrc) the TypeScript
// sources run through tsx; a published install runs the compiled dist/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CONDITION = '--conditions=@aks-hybrid/source';
const source = new URL('../src/main.ts', import.meta.url);
const dist = new URL('../dist/main.js', import.meta.url);
const conditionOn = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`.includes(CONDITION);

if (!existsSync(fileURLToPath(source))) {
  await import(dist.href);
} else if (!conditionOn) {
  // Started directly (not through pnpm): restart with the condition so workspace packages resolve to src/.
  const result = spawnSync(process.execPath, [CONDITION, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 2);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
}
