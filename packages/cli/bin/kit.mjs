#!/usr/bin/env node
// The `kit` command. In the workspace it runs the TypeScript sources as compiled JavaScript from a
// cache rebuilt when a source changes (bin/compiled.mjs), in this process: no tsx, no Node option,
// no child process (a signal to `kit` reaches the code doing the work). A published install runs
// the compiled dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/main.ts', import.meta.url));

if (existsSync(source)) {
  const { importCompiled } = await import('./compiled.mjs');
  await importCompiled(source, 'kit');
} else {
  await import(new URL('../dist/main.js', import.meta.url).href);
}
