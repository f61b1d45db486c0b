/** Flux objects for the tenant-delivery tests, shaped like the vendored CRDs (packages/validate/schemas/crds). Not shipped. */
import type { ClusterSpec, TenantSourceAllowList } from '@aks-hybrid/spec';
import { TENANT_RECONCILER_SERVICE_ACCOUNT } from '@aks-hybrid/spec';
import type { Obj } from './policy-gate.js';

/** Where a test puts a team's delivery objects (any YAML file of the tree is read). */
export const deliveryFile = (team: string): string => `gitops/clusters/weu-prod/teams/${team}/delivery.yaml`;

/** The allow-list the tests use, whatever the example platform.yaml says. */
export const TENANT_SOURCES: TenantSourceAllowList = {
  git: ['https://github.com/contoso/'],
  oci: ['oci://acrcontosoweuprod.azurecr.io/'],
  helm: ['https://charts.contoso.example/'],
};

/** The spec with this allow-list; `'none'`: without `spec.tenantSources` at all. */
export const withTenantSources = (spec: ClusterSpec, sources: TenantSourceAllowList | 'none' = TENANT_SOURCES): ClusterSpec => {
  const { tenantSources: _, ...rest } = spec;
  return sources === 'none' ? rest : { ...rest, tenantSources: sources };
};

/** A tenant Kustomization as the delivery renderer writes it: impersonating, targeting, referencing its own namespace. */
export function tenantKustomization(namespace: string, name = 'app', spec: Obj = {}): Obj {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name, namespace },
    spec: {
      serviceAccountName: TENANT_RECONCILER_SERVICE_ACCOUNT,
      targetNamespace: namespace,
      sourceRef: { kind: 'GitRepository', name },
      path: './deploy',
      interval: '5m',
      prune: true,
      ...spec,
    },
  };
}

/** A tenant HelmRelease of a chart from a HelmRepository of its namespace. */
export function tenantHelmRelease(namespace: string, name = 'app', spec: Obj = {}): Obj {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name, namespace },
    spec: {
      serviceAccountName: TENANT_RECONCILER_SERVICE_ACCOUNT,
      interval: '10m',
      chart: { spec: { chart: name, version: '1.x', sourceRef: { kind: 'HelmRepository', name } } },
      ...spec,
    },
  };
}

export function gitRepository(namespace: string, url: string, name = 'app'): Obj {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name, namespace },
    spec: { url, ref: { branch: 'main' }, interval: '5m' },
  };
}

export function ociRepository(namespace: string, url: string, name = 'app'): Obj {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'OCIRepository',
    metadata: { name, namespace },
    spec: { url, ref: { tag: 'latest' }, interval: '5m' },
  };
}

export function helmRepository(namespace: string, url: string, type?: 'default' | 'oci', name = 'app'): Obj {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: { name, namespace },
    spec: { url, interval: '10m', ...(type ? { type } : {}) },
  };
}
