#!/usr/bin/env node
// Published builds run dist/. In the workspace the TypeScript sources run through tsx, with the
// export condition that maps workspace packages to their sources (normally set by .npmrc).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CONDITION = '--conditions=@aks-hybrid/source';
const dist = new URL('../dist/main.js', import.meta.url);

if (existsSync(fileURLToPath(dist))) {
  await import(dist.href);
} else if (!`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`.includes(CONDITION)) {
  const result = spawnSync(process.execPath, [CONDITION, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 2);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
