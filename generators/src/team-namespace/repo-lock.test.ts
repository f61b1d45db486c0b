import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCK_FILE, readRepoLock, TXN_DIR } from '@aks-hybrid/gitops';
import { teamNamespaceGenerator, type GeneratorDependencies } from './generator.js';

/** The generator shares `kit render`'s repository lock: one writer at a time, never over a pending write. */
const REPO = join(import.meta.dirname, '../../..');
const GUID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const offline: GeneratorDependencies = { lookupGroup: async () => Promise.reject(new Error('no network in this test')) };
let root: string;
let tree: Tree;

/** The repository's spec and output in a Tree whose root is a real folder (where the lock lives). */
function workspaceAt(dir: string): Tree {
  const t = createTreeWithEmptyWorkspace();
  const copy = (rel: string) => {
    const full = join(REPO, rel);
    if (statSync(full).isDirectory()) for (const name of readdirSync(full)) copy(`${rel}/${name}`);
    else t.write(rel, readFileSync(full));
  };
  for (const d of ['apps', 'gitops', 'docs/weu-prod']) copy(d);
  Object.defineProperty(t, 'root', { value: dir });
  return t;
}
const generate = () => teamNamespaceGenerator(tree, { cluster: 'weu-prod', name: 'analytics', groupObjectId: GUID }, offline);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kit-gen-lock-'));
  tree = workspaceAt(root);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('team-namespace and the repository lock', () => {
  it('GIVEN a free repository WHEN generated THEN the lock is held until Nx has flushed (the callback) and released after', async () => {
    const callback = await generate();
    expect(readRepoLock(root)).toMatchObject({ pid: process.pid, command: 'nx g team-namespace analytics' });
    callback();
    expect(readRepoLock(root)).toBeUndefined();
    expect(tree.exists('apps/weu-prod/teams/analytics.yaml')).toBe(true);
  });

  it('GIVEN a render holds the lock WHEN the wait runs out THEN it fails naming the holder and writes nothing', async () => {
    vi.stubEnv('KIT_LOCK_TIMEOUT_SECONDS', '0');
    mkdirSync(join(root, TXN_DIR));
    writeFileSync(
      join(root, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString(), command: 'kit render weu-prod' }),
    );
    await expect(generate()).rejects.toThrow(new RegExp(`PID ${process.ppid} on ${hostname()} \\(kit render weu-prod\\)`));
    expect(tree.exists('apps/weu-prod/teams/analytics.yaml')).toBe(false);
  });

  it('GIVEN an interrupted render left a pending write WHEN generated THEN it refuses and says to render first', async () => {
    mkdirSync(join(root, TXN_DIR, 'weu-prod.123.456'), { recursive: true });
    await expect(generate()).rejects.toThrow(/pending write \(\.kit-txn\/weu-prod\.123\.456\); run `pnpm render`/);
    expect(tree.exists('apps/weu-prod/teams/analytics.yaml')).toBe(false);
  });
});
