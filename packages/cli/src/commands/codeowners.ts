import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CODEOWNERS_PATH, renderCodeowners, symlinkProblem, WriteRefusedError } from '@aks-hybrid/gitops';
import { fileSystemSource, loadFleet, SpecError } from '@aks-hybrid/spec';

/** Writes (or with --check compares) .github/CODEOWNERS, rendered from every cluster's spec. */
export function codeownersCommand(args: { root: string; check: boolean }, log: (line: string) => void): number {
  let content: string;
  try {
    content = renderCodeowners(loadFleet(fileSystemSource(args.root)));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    log(error.message);
    return 1;
  }
  const full = join(args.root, CODEOWNERS_PATH);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  if (current === content) {
    log(`${CODEOWNERS_PATH} is up to date`);
    return 0;
  }
  if (args.check) {
    log(`${CODEOWNERS_PATH} is ${current === undefined ? 'missing' : 'stale'}: run \`pnpm kit codeowners\` and commit it`);
    return 1;
  }
  const link = symlinkProblem(args.root, CODEOWNERS_PATH); // never written through a link, as render
  if (link) throw new WriteRefusedError(link);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(`${full}.tmp`, content);
  renameSync(`${full}.tmp`, full);
  log(`wrote ${CODEOWNERS_PATH}`);
  return 0;
}
