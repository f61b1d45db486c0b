import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { resolveKustomizeBinary } from './binary.js';
import { kustomizeBuild } from './build.js';

let root: string;

function write(rel: string, text: string): void {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kustomize-build-test-'));
  write('good/kustomization.yaml', 'namespace: payments\nresources:\n  - sa.yaml\n  - base\n');
  write('good/sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n');
  write('good/base/kustomization.yaml', 'resources:\n  - cm.yaml\n');
  write('good/base/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n');
  write('broken/kustomization.yaml', 'resources:\n  - missing.yaml\n');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('kustomizeBuild', () => {
  it('finds the real kustomize binary', () => {
    expect(resolveKustomizeBinary()).toMatch(/kustomize/);
  });

  it('builds a small tree with the real kustomize', async () => {
    const r = await kustomizeBuild(join(root, 'good'));
    expect(r.ok, r.stderr).toBe(true);
    const objs = parseAllDocuments(r.output).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string } });
    expect(objs.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`).sort()).toEqual([
      'ConfigMap payments/settings',
      'ServiceAccount payments/api',
    ]);
  });

  it("reports a broken tree as a failed build with kustomize's error", async () => {
    const r = await kustomizeBuild(join(root, 'broken'));
    expect(r.ok).toBe(false);
    expect(r.output).toBe('');
    expect(r.stderr).toMatch(/missing\.yaml/);
  });
});
