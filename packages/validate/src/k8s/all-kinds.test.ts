// Every kind in the vendored schemas compiles in ajv's strict mode and accepts a minimal object:
// catches converter bugs for kinds the kit does not render today.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createK8sAjv } from './ajv-instance.js';
import { KindRegistry } from './kind-registry.js';
import { CRD_SCHEMAS_DIR, K8S_SCHEMAS_DIR, listVendoredVersions } from './schema-version.js';

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
    // 1.32: 31 built-in kinds you can create (16 core, 5 apps, 3 networking, 4 rbac, 1 each autoscaling,
    // policy, scheduling) + 6 CRD kinds.
    expect(compiled.length).toBe(37);
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
      ]),
    );
  });
});
