import { teamIdentityName, WORKLOAD_IDENTITY_AUDIENCE, workloadIdentitySubject } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { landingZoneParameters } from './parameters.js';
import { armResource } from './testing/compiled-template.js';
import { deployed } from './testing/deployed.js';
import { exampleSpec, variant } from './testing/example.js';

const IDENTITY = 'Microsoft.ManagedIdentity/userAssignedIdentities';
const CREDENTIAL = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials';
const CLUSTER = 'Microsoft.ContainerService/managedClusters';

// https://learn.microsoft.com/azure/aks/workload-identity-overview and
// https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster
describe('per-team Azure identity (workload identity, bicep snapshot)', () => {
  const spec = exampleSpec();
  const lz = deployed('example');
  const asking = spec.teams.filter((t) => t.azureIdentity);
  const clusterId = lz.template.one(CLUSTER).id!;

  it('GIVEN the example (checkout and dev ask) WHEN deployed THEN the cluster issues OIDC tokens and runs the workload identity webhook', () => {
    lz.template.hasResourceProperties(CLUSTER, { oidcIssuerProfile: { enabled: true }, securityProfile: { workloadIdentity: { enabled: true } } });
  });

  it('THEN each team that asks gets one user-assigned identity, named by the spec package', () => {
    expect(asking.map((t) => t.name)).toEqual(['checkout', 'dev']);
    for (const team of asking) expect(lz.template.one(IDENTITY, { name: teamIdentityName(spec.name, team.name) }).location).toBe(spec.azure.location);
  });

  it('THEN each identity trusts exactly its ServiceAccounts: issuer the cluster, subject namespace + ServiceAccount, audience api://AzureADTokenExchange', () => {
    const credentials = lz.template.resourcesOfType(CREDENTIAL);
    const expected = asking.flatMap((t) =>
      t.azureIdentity!.serviceAccounts.map((sa) => ({ name: `${t.azureIdentity!.name}/fic-${sa}`, subject: workloadIdentitySubject(t.name, sa) })),
    );
    // checkout names its one ServiceAccount; dev defaults to its workloads' ServiceAccounts.
    expect(expected.map((c) => c.subject)).toEqual([
      'system:serviceaccount:checkout:checkout-api',
      'system:serviceaccount:dev:storefront',
      'system:serviceaccount:dev:catalog-cache',
    ]);
    expect(credentials.map((c) => ({ name: c.name, subject: c.properties!.subject }))).toEqual(expected);
    for (const c of credentials) {
      expect(c.properties!.audiences).toEqual([WORKLOAD_IDENTITY_AUDIENCE]);
      // Known only once the cluster exists: the cluster's oidcIssuerProfile.issuerURL.
      expect(c.properties!.issuer).toBe(`[reference('${clusterId}', '2026-05-01').oidcIssuerProfile.issuerURL]`);
    }
  });

  // Ordering is not part of `bicep snapshot`: the compiled ARM template shows it.
  it('THEN the credentials of one identity are written one at a time (concurrent writes fail with 409), after the cluster', () => {
    expect(armResource('teamIdentityModules', 'federatedCredentials').copy).toMatchObject({ mode: 'serial', batchSize: 1 });
    expect(armResource('teamIdentityModules').dependsOn).toEqual(expect.arrayContaining(['aks', 'teamKeyVaults']));
  });

  it('THEN the deployment outputs each team client ID, and addresses.json says which are pending (dev) or recorded (checkout) and where to record them', () => {
    expect(lz.template.outputs).toHaveProperty('teamIdentityClientIds');
    const recorded = JSON.parse(lz.files.get('addresses.json')!).workloadIdentities as Array<Record<string, unknown>>;
    expect(recorded.map((r) => [r.team, r.status, r.clientId, r.deploymentOutput, r.recordAs])).toEqual([
      // The example records checkout's (an example value: apps/weu-prod/teams/checkout.yaml).
      [
        'checkout',
        'recorded',
        '00000000-0000-4000-a000-0000000c0de1',
        'teamIdentityClientIds',
        'apps/weu-prod/teams/checkout.yaml spec.azureIdentity.clientId',
      ],
      ['dev', 'pending', null, 'teamIdentityClientIds', 'apps/weu-prod/teams/dev.yaml spec.azureIdentity.clientId'],
    ]);
    expect(lz.files.get('README.md')).toContain('| dev | `id-weu-prod-dev` | pending: deployment output `teamIdentityClientIds` |');
  });

  it('GIVEN a recorded client ID WHEN rendered THEN addresses.json carries it as recorded', async () => {
    const { renderLandingZone } = await import('./render-landing-zone.js');
    const clientId = '11111111-2222-4333-8444-555555555555';
    const files = renderLandingZone(variant((s) => void (s.teams.find((t) => t.name === 'dev')!.azureIdentity!.clientId = clientId)));
    const dev = (JSON.parse(files.get('addresses.json')!).workloadIdentities as Array<Record<string, unknown>>).find((r) => r.team === 'dev')!;
    expect(dev).toMatchObject({ status: 'recorded', clientId });
  });

  it('GIVEN no team asks WHEN the parameters are built THEN no identity is passed (and the template loops over none)', () => {
    const none = variant((s) => {
      for (const t of s.teams) delete t.azureIdentity;
      delete s.keyVault;
    });
    expect(landingZoneParameters(none).teamIdentities).toEqual([]);
    expect(landingZoneParameters(spec).teamIdentities.map((t) => t.namespace)).toEqual(['checkout', 'dev']);
  });
});
