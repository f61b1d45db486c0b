import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fileSystemSource, loadCluster, loadFleet, memorySource, SpecError } from '@aks-hybrid/spec';
import { renderCodeowners } from './codeowners.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The example repository with metadata.codeowners set (undefined: left out) in the given spec files. */
function exampleWithOwners(owners: Record<string, string[] | undefined>) {
  const base = fileSystemSource(ROOT);
  const overrides = new Map<string, string>();
  for (const [file, value] of Object.entries(owners)) {
    const doc = parseDocument(base.read(file)!);
    if (value === undefined) doc.deleteIn(['metadata', 'codeowners']);
    else doc.setIn(['metadata', 'codeowners'], value);
    overrides.set(file, doc.toString());
  }
  return memorySource(overrides, base);
}

/** GitHub's rule: the owners of the last pattern that matches (anchored prefixes and `*`, all this file uses). */
function ownersOf(codeowners: string, path: string): string[] {
  let owners: string[] = [];
  for (const line of codeowners.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [pattern, ...rest] = line.split(' ');
    const matches = pattern === '*' || (pattern!.endsWith('/') ? `/${path}`.startsWith(pattern!) : `/${path}` === pattern);
    if (matches) owners = rest;
  }
  return owners;
}

const OWNED = {
  'apps/weu-prod/platform.yaml': ['@contoso/platform-weu'],
  'apps/neu-prod/platform.yaml': ['@contoso/platform-neu'],
  'apps/weu-prod/teams/checkout.yaml': ['@contoso/team-checkout'],
  'apps/weu-prod/teams/dev.yaml': ['@contoso/team-dev', '@alice'],
  'apps/neu-prod/teams/checkout.yaml': undefined,
};

describe('renderCodeowners', () => {
  const fleet = loadFleet(exampleWithOwners(OWNED));
  const codeowners = renderCodeowners(fleet);

  it('gives each team its team file and its rendered folder, and the platform owners the rest', () => {
    expect(codeowners).toContain('\n/apps/weu-prod/teams/dev.yaml @contoso/team-dev @alice\n/gitops/clusters/weu-prod/teams/dev/ @contoso/team-dev @alice\n');
    expect(ownersOf(codeowners, 'apps/weu-prod/teams/dev.yaml')).toEqual(['@contoso/team-dev', '@alice']);
    expect(ownersOf(codeowners, 'gitops/clusters/weu-prod/teams/dev/namespace.yaml')).toEqual(['@contoso/team-dev', '@alice']);
    expect(ownersOf(codeowners, 'gitops/clusters/weu-prod/teams/checkout/rbac.yaml')).toEqual(['@contoso/team-checkout']);
    // The index of all teams, the cluster's Bicep parameters and its SLA report belong to its platform owners.
    expect(ownersOf(codeowners, 'gitops/clusters/weu-prod/teams/kustomization.yaml')).toEqual(['@contoso/platform-weu']);
    expect(ownersOf(codeowners, 'gitops/azure/weu-prod/main.bicepparam')).toEqual(['@contoso/platform-weu']);
    expect(ownersOf(codeowners, 'apps/weu-prod/platform.yaml')).toEqual(['@contoso/platform-weu']);
    expect(ownersOf(codeowners, 'docs/neu-prod/sla.md')).toEqual(['@contoso/platform-neu']);
    // The shared landing-zone template, the kit and the CI: every platform owner, through `*`, the first line.
    expect(codeowners.split('\n').find((l) => l && !l.startsWith('#'))).toBe('* @contoso/platform-neu @contoso/platform-weu');
    expect(ownersOf(codeowners, 'gitops/azure/landing-zone/main.bicep')).toEqual(['@contoso/platform-neu', '@contoso/platform-weu']);
    expect(ownersOf(codeowners, '.github/CODEOWNERS')).toEqual(['@contoso/platform-neu', '@contoso/platform-weu']);
  });

  it('leaves a team without owners to its platform owners, not to a team of the same name elsewhere', () => {
    expect(ownersOf(codeowners, 'apps/neu-prod/teams/checkout.yaml')).toEqual(['@contoso/platform-neu']);
    expect(ownersOf(codeowners, 'gitops/clusters/neu-prod/teams/checkout/namespace.yaml')).toEqual(['@contoso/platform-neu']);
  });

  it("never lets a team own another team's paths", () => {
    for (const cluster of fleet) {
      for (const team of cluster.teams) {
        for (const path of [team.file, `gitops/clusters/${cluster.name}/teams/${team.name}/x.yaml`]) {
          const owners = ownersOf(codeowners, path);
          for (const other of cluster.teams.filter((t) => t.name !== team.name)) {
            for (const owner of other.codeowners ?? []) if (!(team.codeowners ?? []).includes(owner)) expect(owners, path).not.toContain(owner);
          }
        }
      }
    }
    // A team name that is a prefix of another's does not reach into it (folder patterns end with `/`).
    expect(ownersOf(codeowners, 'gitops/clusters/weu-prod/teams/dev2/x.yaml')).toEqual(['@contoso/platform-weu']);
  });

  it('is a pure function of the specs: same bytes whatever the order of clusters', () => {
    expect(renderCodeowners([...fleet].reverse())).toBe(codeowners);
  });

  it('without platform owners writes no catch-all line', () => {
    const none = renderCodeowners(
      loadFleet(exampleWithOwners({ ...OWNED, 'apps/weu-prod/platform.yaml': undefined, 'apps/neu-prod/platform.yaml': undefined })),
    );
    expect(none).not.toMatch(/^\*/m);
    expect(none).toContain('/apps/weu-prod/teams/dev.yaml @contoso/team-dev @alice');
  });
});

describe('metadata.codeowners in the spec', () => {
  it.each([['@contoso/team-payments'], ['@alice'], ['@a-b/c_d-e']])('accepts %s', (handle) => {
    expect(loadCluster(exampleWithOwners({ 'apps/weu-prod/teams/dev.yaml': [handle] }), 'weu-prod').teams.find((t) => t.name === 'dev')!.codeowners).toEqual([
      handle,
    ]);
  });

  it.each([['contoso/team'], ['@'], ['@-alice'], ['@alice-'], ['alice@example.com'], ['@org/team extra'], ['@org/team/sub']])(
    'refuses %s with the file, field and a hint',
    (handle) => {
      const load = () => loadCluster(exampleWithOwners({ 'apps/weu-prod/teams/dev.yaml': [handle] }), 'weu-prod');
      expect(load).toThrow(SpecError);
      expect(load).toThrow(/apps\/weu-prod\/teams\/dev\.yaml/);
      expect(load).toThrow(/metadata\.codeowners/);
      expect(load).toThrow(/@org\/team-slug/);
    },
  );

  it('refuses the same owner twice on the platform', () => {
    expect(() => loadCluster(exampleWithOwners({ 'apps/weu-prod/platform.yaml': ['@contoso/platform', '@contoso/platform'] }), 'weu-prod')).toThrow(
      /metadata\.codeowners/,
    );
  });
});
