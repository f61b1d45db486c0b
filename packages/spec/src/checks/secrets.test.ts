import { describe, expect, it } from 'vitest';
import { loadCluster } from '../load/load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith, issuesOfExampleWith } from '../testing/example.js';

const DEV = 'apps/weu-prod/teams/dev.yaml';
const CHECKOUT = 'apps/weu-prod/teams/checkout.yaml';
type Edit = [Array<string | number>, unknown];
const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const dbSecret = { name: 'db', objects: [{ name: 'db-password', alias: 'password' }] };
const synced = {
  name: 'git-token',
  objects: [{ name: 'github-token' }],
  syncToSecret: { name: 'checkout-app-git', keys: [{ key: 'password', object: 'github-token' }] },
};
/** dev with an identity that reads its vault, its client ID recorded, and these secrets. */
const devWithSecrets = (secrets: unknown[], identity: Record<string, unknown> = {}, more: Edit[] = []) => ({
  [DEV]: [[['spec', 'secrets'], secrets] as Edit, [['spec', 'azureIdentity'], { keyVault: true, clientId: CLIENT_ID, ...identity }] as Edit, ...more],
});
const dev = (edits: Parameters<typeof exampleWith>[0]) => loadCluster(exampleWith(edits), EXAMPLE_CLUSTER).teams.find((t) => t.name === 'dev')!;

describe('team secrets (Key Vault through the Secrets Store CSI driver)', () => {
  it('GIVEN the example THEN checkout reads payment-provider, mounted by checkout-api', () => {
    const checkout = loadCluster(exampleWith(), EXAMPLE_CLUSTER).teams.find((t) => t.name === 'checkout')!;
    expect(checkout.secrets).toEqual([{ name: 'payment-provider', objects: [{ name: 'payment-provider-api-key', type: 'secret', alias: 'api-key' }] }]);
    expect(checkout.workloads.find((w) => w.name === 'checkout-api')!.secrets).toEqual(['payment-provider']);
  });

  it('GIVEN secrets but no Key Vault access THEN refused at spec.secrets, saying to set azureIdentity.keyVault', () => {
    const issues = issuesOfExampleWith({ [DEV]: [[['spec', 'secrets'], [dbSecret]]] });
    expect(issues).toEqual([expect.objectContaining({ file: DEV, path: 'spec.secrets', hint: expect.stringContaining('azureIdentity.keyVault: true') })]);
    expect(issues[0]!.line).toBeGreaterThan(0);
  });

  it('GIVEN secrets and Key Vault access but no recorded client ID THEN refused: deploy and record it first', () => {
    const issues = issuesOfExampleWith({ [CHECKOUT]: [[['spec', 'azureIdentity', 'clientId'], undefined]] });
    expect(issues).toEqual([expect.objectContaining({ file: CHECKOUT, path: 'spec.secrets', hint: expect.stringContaining('teamIdentityClientIds') })]);
  });

  it('GIVEN a workload that mounts a secret nobody defined THEN refused at that entry', () => {
    const issues = issuesOfExampleWith(devWithSecrets([dbSecret], {}, [[['spec', 'workloads', 0, 'secrets'], ['dbb']]]));
    expect(issues).toEqual([expect.objectContaining({ path: 'spec.workloads[0].secrets[0]', hint: 'use one of: db' })]);
  });

  it('GIVEN a workload that mounts a secret but whose ServiceAccount is not federated THEN refused; listed THEN accepted', () => {
    const mounts: Edit = [['spec', 'workloads', 1, 'secrets'], ['db']];
    expect(issuesOfExampleWith(devWithSecrets([dbSecret], { serviceAccounts: ['storefront'] }, [mounts]))).toEqual([
      expect.objectContaining({ path: 'spec.workloads[1].secrets', hint: 'add catalog-cache to spec.azureIdentity.serviceAccounts' }),
    ]);
    expect(issuesOfExampleWith(devWithSecrets([dbSecret], { serviceAccounts: ['storefront', 'catalog-cache'] }, [mounts]))).toEqual([]);
  });

  it('GIVEN two objects that would be the same file, or a sync key naming no object THEN refused at that field', () => {
    const clash = {
      name: 'db',
      objects: [
        { name: 'a', alias: 'same' },
        { name: 'b', alias: 'same' },
      ],
    };
    expect(issuesOfExampleWith(devWithSecrets([clash]))).toEqual([expect.objectContaining({ path: 'spec.secrets[0].objects[1]' })]);
    const badKey = { ...synced, syncToSecret: { ...synced.syncToSecret, keys: [{ key: 'password', object: 'github_token' }] } };
    expect(issuesOfExampleWith(devWithSecrets([badKey]))).toEqual([
      expect.objectContaining({ path: 'spec.secrets[0].syncToSecret.keys[0].object', hint: expect.stringContaining('github-token') }),
    ]);
  });

  describe('GIVEN a secret synced to a Kubernetes Secret that no workload mounts', () => {
    it('THEN the default federated ServiceAccounts include secret-sync (the kit runs a pod that mounts it)', () => {
      expect(dev(devWithSecrets([synced])).azureIdentity!.serviceAccounts).toEqual(['storefront', 'catalog-cache', 'secret-sync']);
    });

    it('AND an explicit ServiceAccount list without secret-sync THEN refused, saying to add it; with it THEN accepted', () => {
      expect(issuesOfExampleWith(devWithSecrets([synced], { serviceAccounts: ['storefront'] }))).toEqual([
        expect.objectContaining({ path: 'spec.azureIdentity.serviceAccounts', hint: expect.stringContaining('add secret-sync') }),
      ]);
      expect(issuesOfExampleWith(devWithSecrets([synced], { serviceAccounts: ['storefront', 'secret-sync'] }))).toEqual([]);
    });

    it('AND a workload mounts it THEN no secret-sync account is needed', () => {
      expect(dev(devWithSecrets([synced], {}, [[['spec', 'workloads', 0, 'secrets'], ['git-token']]])).azureIdentity!.serviceAccounts).toEqual([
        'storefront',
        'catalog-cache',
      ]);
    });

    it('AND a workload named like the sync Deployment THEN refused at its name', () => {
      expect(issuesOfExampleWith(devWithSecrets([synced], {}, [[['spec', 'workloads', 1, 'name'], 'secret-sync-git-token']]))).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'spec.workloads[1].name', message: expect.stringContaining('secret-sync') })]),
      );
    });
  });
});
