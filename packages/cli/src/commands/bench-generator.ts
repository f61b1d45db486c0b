import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Where the team generator's Nx entry is in the workspace (absent in a published install). */
export const generatorEntry = (root: string) => join(root, 'generators', 'src', 'team-namespace', 'index.cjs');

/** The issue 13 target for the generator's own share of `nx g team-namespace <name> --dry-run`. */
export const GENERATOR_TARGET_MS = 1000;

interface NxTreeModule {
  FsTree: new (root: string, isVerbose: boolean) => { root: string };
}

/**
 * The generator's own share of `nx g team-namespace <name> --dry-run`, in a fresh process, without
 * Nx's start-up: the time from calling the generator factory exactly as Nx does (index.cjs, which loads
 * the compiled generator) until it returns, over the repository on disk. Like --dry-run nothing is
 * flushed; the repository lock it takes is released when this process exits.
 */
export async function timeGeneratorOnce(root: string, cluster: string): Promise<number> {
  const requireFromRoot = createRequire(join(root, 'package.json'));
  // Nx's own file-system Tree, the one `nx g` hands the generator (loaded before the clock starts: it is Nx's start-up).
  const { FsTree } = requireFromRoot('nx/src/generators/tree') as NxTreeModule;
  const tree = new FsTree(root, false);
  const start = process.hrtime.bigint();
  const factory = requireFromRoot(generatorEntry(root)) as (tree: unknown, options: Record<string, unknown>) => Promise<unknown>;
  // A team that does not exist, with an object ID so that no directory lookup runs.
  await factory(tree, { name: 'bench-gen', cluster, groupObjectId: '00000000-0000-4000-8000-000000000b01' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const hasGenerator = (root: string) => existsSync(generatorEntry(root));
