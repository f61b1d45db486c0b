import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSystemSource, listClusters, loadCluster } from '@aks-hybrid/spec';
import { kustomizeBuild, validateRendered } from '@aks-hybrid/validate';

/** The committed gitops/ as Flux and the Bicep pipeline read it: parsed from disk, built by kustomize. */
const ROOT = join(import.meta.dirname, '..');
const source = fileSystemSource(ROOT);

function readTree(dir: string, out = new Map<string, string>()): Map<string, string> {
  const full = join(ROOT, dir);
  if (!existsSync(full)) return out;
  for (const name of readdirSync(full)) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) readTree(rel, out);
    else out.set(rel, readFileSync(join(ROOT, rel), 'utf8'));
  }
  return out;
}

describe.each(listClusters(source))('committed tree of %s', (cluster) => {
  it('passes schema, index and Bicep validation when read back from disk', async () => {
    // The cluster's main.bicepparam uses the shared template in gitops/azure/landing-zone/ (decision 0105).
    const files = new Map([...readTree(`gitops/clusters/${cluster}`), ...readTree(`gitops/azure/${cluster}`), ...readTree('gitops/azure/landing-zone')]);
    expect(files.size).toBeGreaterThan(10);
    expect(await validateRendered(files, loadCluster(source, cluster))).toEqual([]);
  });

  // The Calico folders exist only when the spec opts into the Calico API (stock AKS has neither).
  const calico = loadCluster(source, cluster).cluster.calicoApiPolicies;
  it('holds calico-apiserver/ and calico/ exactly when the spec opts into the Calico API', () => {
    for (const sub of ['calico-apiserver', 'calico']) expect(existsSync(join(ROOT, `gitops/clusters/${cluster}/${sub}/kustomization.yaml`))).toBe(calico);
  });

  it.each(['', '/infrastructure', ...(calico ? ['/calico-apiserver', '/calico'] : []), '/teams'])('kustomize builds the entry folder%s', async (sub) => {
    const dir = join(ROOT, `gitops/clusters/${cluster}${sub}`);
    const result = await kustomizeBuild(dir);
    expect(result.stderr).toBe('');
    expect(result.ok).toBe(true);
    expect(result.output).toMatch(/^apiVersion: /m);
  });
});
