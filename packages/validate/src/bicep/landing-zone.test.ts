// The fixture landing zone passes; each single mutation fails for the right reason.
import { describe, expect, it } from 'vitest';
import { loadLandingZone, mutate } from '../../test/bicep/fixture.js';
import { validateBicepFiles, type BicepFinding } from './index.js';

const base = loadLandingZone();
const AKS = 'infra/modules/aks.bicep';
const NET = 'infra/modules/network.bicep';
const ACR = 'infra/modules/acr.bicep';
const MAIN = 'infra/main.bicep';
const PARAMS = 'infra/main.bicepparam';

async function only(files: Map<string, string>): Promise<BicepFinding> {
  const findings = await validateBicepFiles(files);
  expect(findings, JSON.stringify(findings, null, 2)).toHaveLength(1);
  return findings[0]!;
}

describe('fixture landing zone', () => {
  it('has the files a renderer would emit', () => {
    expect([...base.keys()].sort()).toEqual([
      'infra/bicepconfig.json',
      'infra/main.bicep',
      'infra/main.bicepparam',
      'infra/modules/acr.bicep',
      'infra/modules/aks.bicep',
      'infra/modules/network.bicep',
    ]);
  });

  it('passes every check', async () => {
    expect(await validateBicepFiles(base)).toEqual([]);
  });
});

describe('negative cases', () => {
  it('misspelled property: disableLocalAccount', async () => {
    const f = await only(mutate(base, AKS, 'disableLocalAccounts: true', 'disableLocalAccount: true'));
    expect(f).toMatchObject({
      file: AKS,
      rule: 'bicep-type',
      object: 'aks (Microsoft.ContainerService/managedClusters@2026-05-01)',
      path: 'properties.disableLocalAccount',
    });
    expect(f.message).toContain("did you mean 'disableLocalAccounts'");
    expect(f.line).toBe(base.get(AKS)!.split('\n').findIndex((l) => l.includes('disableLocalAccounts')) + 1);
  });

  it('gateway SKU ErGw9AZ is accepted: the SKU enum is open (union with string)', async () => {
    // See type-data.test.ts: virtualNetworkGateways sku.name/tier include a plain
    // StringType, so Bicep itself accepts any string there.
    expect(await validateBicepFiles(mutate(base, NET, "name: 'ErGw1AZ'", "name: 'ErGw9AZ'"))).toEqual([]);
  });

  it('closed enum in the landing zone: public IP dnsSettings.domainNameLabelScope', async () => {
    const f = await only(mutate(base, NET, "domainNameLabelScope: 'TenantReuse'", "domainNameLabelScope: 'TenantReused'"));
    expect(f).toMatchObject({
      file: NET,
      rule: 'bicep-type',
      object: 'gatewayPips (Microsoft.Network/publicIPAddresses@2025-09-01)',
      path: 'properties.dnsSettings.domainNameLabelScope',
    });
    expect(f.message).toContain("'TenantReused' is not allowed");
    expect(f.message).toContain("'TenantReuse', 'SubscriptionReuse', 'ResourceGroupReuse', 'NoReuse'");
  });

  it('closed enum SKU: Key Vault properties.sku.name', async () => {
    const kv = `
resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: 'kv-contoso-01'
  location: 'westeurope'
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'Premiumm'
    }
  }
}
`;
    const f = await only(new Map([['infra/kv.bicep', kv]]));
    expect(f).toMatchObject({ rule: 'bicep-type', path: 'properties.sku.name', line: 9 });
    expect(f.message).toBe("value 'Premiumm' is not allowed; allowed values: 'standard', 'premium'; did you mean 'premium'?");
  });

  it('unknown API version lists the versions that exist', async () => {
    const f = await only(mutate(base, ACR, "registries@2025-11-01' = {", "registries@2023-07-01' = {"));
    expect(f).toMatchObject({ file: ACR, rule: 'bicep-type', object: 'registry (Microsoft.ContainerRegistry/registries@2023-07-01)' });
    expect(f.message).toBe(
      "API version '2023-07-01' of 'Microsoft.ContainerRegistry/registries' is not in the vendored type data; available: 2025-11-01",
    );
  });

  it('wrong literal type: enableAutoScaling: yes', async () => {
    const f = await only(mutate(base, AKS, 'enableAutoScaling: true', "enableAutoScaling: 'yes'"));
    expect(f).toMatchObject({
      rule: 'bicep-type',
      object: 'pools (Microsoft.ContainerService/managedClusters/agentPools@2026-05-01)',
      path: 'properties.enableAutoScaling',
      message: "expected bool but got string 'yes'",
    });
  });

  it('ReadOnly property written: properties.fqdn', async () => {
    const f = await only(mutate(base, AKS, 'dnsPrefix: clusterName', "dnsPrefix: clusterName\n    fqdn: 'aks.example.com'"));
    expect(f).toMatchObject({ rule: 'bicep-type', path: 'properties.fqdn' });
    expect(f.message).toContain('read-only');
  });

  it('unknown module param', async () => {
    const f = await only(
      mutate(base, MAIN, '    gitopsRepoUrl: gitopsRepoUrl\n', "    gitopsRepoUrl: gitopsRepoUrl\n    gitopsBranchh: 'main'\n"),
    );
    expect(f).toMatchObject({ file: MAIN, rule: 'bicep-module', path: 'params.gitopsBranchh' });
    expect(f.message).toContain("module 'aks' passes param 'gitopsBranchh', which 'infra/modules/aks.bicep' does not declare");
  });

  it('missing required module param', async () => {
    const f = await only(mutate(base, MAIN, '    gitopsRepoUrl: gitopsRepoUrl\n', ''));
    expect(f).toMatchObject({ file: MAIN, rule: 'bicep-module', path: 'params.gitopsRepoUrl' });
    expect(f.message).toContain("module 'aks' does not pass required param 'gitopsRepoUrl' of 'infra/modules/aks.bicep'");
  });

  it('bicepparam assigns an undeclared param', async () => {
    const f = await only(mutate(base, PARAMS, "param aksSkuTier = 'Standard'", "param aksSkuTier = 'Standard'\nparam aksSkuTeir = 'Free'"));
    expect(f).toMatchObject({ file: PARAMS, rule: 'bicep-param', path: 'aksSkuTeir', line: 19, column: 1 });
    expect(f.message).toContain("param 'aksSkuTeir' is not declared in 'infra/main.bicep'");
  });

  it('syntax error', async () => {
    const f = await only(mutate(base, ACR, 'adminUserEnabled: false', 'adminUserEnabled false'));
    const line = base.get(ACR)!.split('\n').findIndex((l) => l.includes('adminUserEnabled')) + 1;
    expect(f).toMatchObject({ file: ACR, rule: 'bicep-syntax', line });
    expect(f.message).toContain('adminUserEnabled false');
  });

  it('undeclared symbol: vnett.id', async () => {
    const f = await only(mutate(base, NET, 'output vnetId string = vnet.id', 'output vnetId string = vnett.id'));
    expect(f).toMatchObject({ file: NET, rule: 'bicep-symbol', message: "symbol 'vnett' is not declared; did you mean 'vnet'?" });
  });
});

describe('more type checks on the landing zone', () => {
  it('checks objects inside for-expressions (subnets)', async () => {
    const f = await only(
      mutate(base, NET, "privateEndpointNetworkPolicies: 'Disabled'", "privateEndpointNetworkPolicie: 'Disabled'"),
    );
    expect(f).toMatchObject({ path: 'properties.subnets[*].properties.privateEndpointNetworkPolicie', rule: 'bicep-type' });
  });

  it('checks nested child resources with relative types', async () => {
    const f = await only(mutate(base, ACR, 'registrationEnabled: false', "registrationEnabled: 'no'"));
    expect(f).toMatchObject({
      object: 'link (Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01)',
      path: 'properties.registrationEnabled',
    });
  });

  it('checks dictionary values (additionalProperties)', async () => {
    const f = await only(mutate(base, AKS, "'kit.aks-hybrid.io/pool': pool.name", "'kit.aks-hybrid.io/pool': 3"));
    expect(f).toMatchObject({ path: "properties.nodeLabels['kit.aks-hybrid.io/pool']", message: 'expected string but got int 3' });
  });

  it('checks string patterns from the type data (agent pool names)', async () => {
    const f = await only(mutate(base, AKS, "name: 'system'", "name: 'system-pool'"));
    expect(f).toMatchObject({ path: 'properties.agentPoolProfiles[0].name' });
    expect(f.message).toContain('does not match the pattern');
  });

  it('reports a missing required property', async () => {
    const f = await only(mutate(base, NET, "      id: onPrem.id\n      properties: {}\n", '      id: onPrem.id\n'));
    expect(f).toMatchObject({ path: 'properties.localNetworkGateway2', message: "missing required property 'properties' of LocalNetworkGateway" });
  });

  it('does not type-check non-literal values but still checks their property names', async () => {
    const ok = mutate(base, AKS, "tier: skuTier", "tier: toUpper(skuTier)");
    expect(await validateBicepFiles(ok)).toEqual([]);
    const f = await only(mutate(base, AKS, 'tier: skuTier', 'tierr: skuTier'));
    expect(f).toMatchObject({ path: 'sku.tierr' });
  });

  it('checks both branches of a ternary', async () => {
    const f = await only(mutate(base, NET, "natGateway: s.useNat ? { id: nat.id } : null", "natGateway: s.useNat ? { idd: nat.id } : null"));
    expect(f).toMatchObject({ path: 'properties.subnets[*].properties.natGateway.idd' });
  });

  it('checks a bicepparam value against a literal-union param type', async () => {
    const f = await only(mutate(base, PARAMS, "param aksSkuTier = 'Standard'", "param aksSkuTier = 'Gold'"));
    expect(f).toMatchObject({ rule: 'bicep-param', path: 'aksSkuTier' });
    expect(f.message).toContain("value 'Gold' is not one of 'Free', 'Standard', 'Premium'");
  });

  it('checks a bicepparam value against @allowed', async () => {
    const f = await only(mutate(base, PARAMS, "param environmentName = 'prod'", "param environmentName = 'qa'"));
    expect(f.message).toContain("value 'qa' is not in @allowed('dev', 'prod')");
  });

  it('reports a module file that is not among the given files', async () => {
    const files = new Map(base);
    files.delete(ACR);
    const findings = await validateBicepFiles(files);
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ['bicep-module', "module file './modules/acr.bicep' (resolved to 'infra/modules/acr.bicep') is not among the given files"],
    ]);
  });

  it('reports invalid bicepconfig.json', async () => {
    const f = await only(mutate(base, 'infra/bicepconfig.json', '"enabled": true,', '"enabled": true'));
    expect(f).toMatchObject({ file: 'infra/bicepconfig.json', rule: 'bicep-syntax' });
  });
});
