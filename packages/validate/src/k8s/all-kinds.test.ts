// Every kind in the vendored schemas compiles in ajv's strict mode and accepts a minimal object:
// catches converter bugs for kinds the kit does not render today.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createK8sAjv } from './ajv-instance.js';
import { KindRegistry } from './kind-registry.js';
import { CRD_SCHEMAS_DIR, K8S_SCHEMAS_DIR, listVendoredVersions } from './schema-version.js';

/**
 * The expected count, derived from the vendored files by a different reading than the registry's:
 * built-ins are the distinct kinds of `post` operations the OpenAPI marks `x-kubernetes-action: post`
 * on a path without `{name}` (a subresource such as pods/{name}/eviction is not a kind you create;
 * the registry matches collection paths with a pattern instead); CRD kinds are the served versions
 * of each CRD.
 * Vendoring a new group or CRD changes the count on both sides; a registry that drops kinds does not.
 */
function expectedKindCount(version: string): { builtins: number; crds: number } {
  const dir = join(K8S_SCHEMAS_DIR, `v${version}`);
  let builtins = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('_openapi.json'))) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { paths: Record<string, { post?: Record<string, unknown> }> };
    const kinds = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      const post = item.post;
      if (path.includes('{name}') || post?.['x-kubernetes-action'] !== 'post') continue;
      kinds.add((post['x-kubernetes-group-version-kind'] as { kind: string }).kind);
    }
    builtins += kinds.size;
  }
  let crds = 0;
  for (const file of readdirSync(CRD_SCHEMAS_DIR).filter((f) => /\.ya?ml$/.test(f))) {
    for (const doc of parseAllDocuments(readFileSync(join(CRD_SCHEMAS_DIR, file), 'utf8'))) {
      const crd = doc.toJS() as { kind?: string; spec?: { versions?: { served?: boolean }[] } } | null;
      if (crd?.kind === 'CustomResourceDefinition') crds += (crd.spec?.versions ?? []).filter((v) => v.served).length;
    }
  }
  return { builtins, crds };
}

describe.each(listVendoredVersions())('vendored schema set %s', (version) => {
  it('every served kind compiles and has sane scope', () => {
    const registry = new KindRegistry(createK8sAjv(), version, join(K8S_SCHEMAS_DIR, `v${version}`), CRD_SCHEMAS_DIR);
    const compiled: string[] = [];
    for (const apiVersion of registry.apiVersions()) {
      for (const kind of registry.kindNames(apiVersion)) {
        const hit = registry.lookup(apiVersion, kind);
        expect(hit.found, `${apiVersion} ${kind}`).toBe(true);
        if (hit.found) compiled.push(`${apiVersion} ${kind} ${hit.kind.scope}`);
      }
    }
    const expected = expectedKindCount(version);
    // A floor so an empty folder cannot pass: the kinds the kit renders come from 7 built-in groups
    // (31 creatable kinds in 1.32) and the Calico + Flux CRDs.
    expect(expected.builtins).toBeGreaterThanOrEqual(31);
    expect(expected.crds).toBeGreaterThanOrEqual(6);
    expect(compiled.length).toBe(expected.builtins + expected.crds);
    expect(compiled).toEqual(
      expect.arrayContaining([
        'v1 Namespace Cluster',
        'v1 Service Namespaced',
        'apps/v1 Deployment Namespaced',
        'rbac.authorization.k8s.io/v1 ClusterRole Cluster',
        'scheduling.k8s.io/v1 PriorityClass Cluster',
        'networking.k8s.io/v1 IngressClass Cluster',
        'projectcalico.org/v3 GlobalNetworkPolicy Cluster',
        'projectcalico.org/v3 NetworkPolicy Namespaced',
        'kustomize.toolkit.fluxcd.io/v1 Kustomization Namespaced',
        'helm.toolkit.fluxcd.io/v2 HelmRelease Namespaced',
        'source.toolkit.fluxcd.io/v1 OCIRepository Namespaced',
        'operator.tigera.io/v1 APIServer Cluster',
        'secrets-store.csi.x-k8s.io/v1 SecretProviderClass Namespaced',
      ]),
    );
  });
});

describe('vendored schema set 1.35', () => {
  it('serves the admission-policy kinds 1.32 does not vendor', () => {
    const kindsOf = (version: string) =>
      new KindRegistry(createK8sAjv(), version, join(K8S_SCHEMAS_DIR, `v${version}`), CRD_SCHEMAS_DIR).kindNames('admissionregistration.k8s.io/v1');
    expect(kindsOf('1.35')).toEqual(expect.arrayContaining(['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']));
    expect(kindsOf('1.32')).toEqual([]);
  });
});
