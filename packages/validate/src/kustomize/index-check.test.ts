import { describe, expect, it } from 'vitest';
import { checkKustomizationIndexes } from './index-check.js';

const k = (...resources: string[]) =>
  ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', ...resources.map((r) => `  - ${r}`), ''].join('\n');

/** A small Flux tree that satisfies the rule. */
function goodTree(): Map<string, string> {
  return new Map([
    ['gitops/clusters/weu-prod/kustomization.yaml', k('flux-system', 'teams', 'platform.yaml')],
    ['gitops/clusters/weu-prod/platform.yaml', 'kind: Kustomization'],
    ['gitops/clusters/weu-prod/flux-system/kustomization.yaml', k('gotk-sync.yaml')],
    ['gitops/clusters/weu-prod/flux-system/gotk-sync.yaml', 'kind: GitRepository'],
    ['gitops/clusters/weu-prod/teams/kustomization.yaml', k('payments', '../../../base/team')],
    ['gitops/clusters/weu-prod/teams/payments/kustomization.yaml', `${k('namespace.yaml', 'rbac.yaml')}patches:\n  - path: replicas-patch.yaml\n`],
    ['gitops/clusters/weu-prod/teams/payments/namespace.yaml', 'kind: Namespace'],
    ['gitops/clusters/weu-prod/teams/payments/rbac.yaml', 'kind: Role'],
    ['gitops/clusters/weu-prod/teams/payments/replicas-patch.yaml', 'kind: Deployment'],
    ['gitops/clusters/weu-prod/teams/payments/README.md', 'not yaml, not listed'],
    ['gitops/base/team/kustomization.yaml', k('quota.yaml')],
    ['gitops/base/team/quota.yaml', 'kind: ResourceQuota'],
  ]);
}

describe('checkKustomizationIndexes', () => {
  it('a tree where each folder lists exactly its files has no findings', () => {
    expect(checkKustomizationIndexes(goodTree())).toEqual([]);
  });

  it('catches a listed file that does not exist', () => {
    const files = goodTree();
    files.delete('gitops/clusters/weu-prod/teams/payments/rbac.yaml');
    expect(checkKustomizationIndexes(files)).toEqual([
      {
        file: 'gitops/clusters/weu-prod/teams/payments/kustomization.yaml',
        message: 'resources entry "rbac.yaml" does not exist (looked for gitops/clusters/weu-prod/teams/payments/rbac.yaml)',
        rule: 'kustomize-index',
      },
    ]);
  });

  it('catches a file in the folder that is not listed', () => {
    const files = goodTree();
    files.set('gitops/clusters/weu-prod/teams/payments/quota.yaml', 'kind: ResourceQuota');
    files.set('gitops/clusters/weu-prod/teams/payments/extra.yml', 'kind: ConfigMap');
    expect(checkKustomizationIndexes(files).map((f) => [f.file, f.message])).toEqual([
      ['gitops/clusters/weu-prod/teams/payments/kustomization.yaml', expect.stringMatching(/^"extra\.yml" is in this folder but not listed/)],
      ['gitops/clusters/weu-prod/teams/payments/kustomization.yaml', expect.stringMatching(/^"quota\.yaml" is in this folder but not listed/)],
    ]);
  });

  it('a listed sub-folder must have its own kustomization.yaml', () => {
    const files = goodTree();
    files.delete('gitops/clusters/weu-prod/flux-system/kustomization.yaml');
    expect(checkKustomizationIndexes(files).map((f) => f.message)).toEqual(['resources entry "flux-system" is a folder without a kustomization.yaml']);
  });

  it('duplicates, files outside the folder, and non-list resources are findings', () => {
    const files = goodTree();
    files.set('gitops/clusters/weu-prod/kustomization.yaml', k('flux-system', 'teams', 'platform.yaml', './platform.yaml', '../../base/team/quota.yaml'));
    files.set('gitops/base/team/kustomization.yaml', 'resources: quota.yaml\n');
    expect(checkKustomizationIndexes(files).map((f) => f.message)).toEqual([
      '"resources" must be a list',
      '"quota.yaml" is in this folder but not listed; add it to resources (each folder\'s kustomization.yaml lists exactly its files)',
      'resources lists "./platform.yaml" twice; kustomize rejects duplicate resources',
      expect.stringMatching(/^resources entry "\.\.\/\.\.\/base\/team\/quota\.yaml" is a file outside this folder/),
    ]);
  });

  it('a YAML error in a kustomization is a finding; remote bases are skipped', () => {
    const files = goodTree();
    files.set('gitops/base/team/kustomization.yaml', 'resources: [quota.yaml\n');
    files.set('gitops/clusters/weu-prod/flux-system/kustomization.yaml', k('gotk-sync.yaml', 'https://github.com/fluxcd/flux2/manifests/install?ref=v2.4.0'));
    expect(checkKustomizationIndexes(files)).toEqual([
      { file: 'gitops/base/team/kustomization.yaml', message: expect.stringMatching(/^YAML syntax error/), rule: 'kustomize-index' },
    ]);
  });

  it.each([
    ['two YAML documents', `${k('quota.yaml')}---\n${k('quota.yaml')}`, /^holds 2 YAML documents; a kustomization file is one mapping$/],
    ['a duplicate key', `${k('quota.yaml')}resources:\n  - quota.yaml\n`, /^YAML syntax error: .*(duplicate|unique)/i],
    ['an empty file', '# nothing here\n', /^kustomization must be a mapping$/],
    ['a list, not a mapping', '- quota.yaml\n', /^kustomization must be a mapping$/],
  ])('GIVEN a kustomization with %s THEN one finding saying so', (_what, content, message) => {
    const files = goodTree();
    files.set('gitops/base/team/kustomization.yaml', content);
    expect(checkKustomizationIndexes(files)).toEqual([
      { file: 'gitops/base/team/kustomization.yaml', message: expect.stringMatching(message), rule: 'kustomize-index' },
    ]);
  });

  it('accepts Windows separators and ./ prefixes in the map keys', () => {
    const files = new Map([...goodTree()].map(([p, c]) => [`./${p.replace(/\//g, '\\')}`, c]));
    expect(checkKustomizationIndexes(files)).toEqual([]);
  });
});
