// Type-check paths the landing zone does not reach: discriminated objects,
// integer bounds, arrays where objects are expected, existing resources.
import { describe, expect, it } from 'vitest';
import { validateBicepFiles } from './index.js';

async function typeFindings(source: string) {
  const findings = await validateBicepFiles(new Map([['x.bicep', source]]));
  return findings.map((f) => [f.rule, f.path ?? '', f.message]);
}

const ruleGroup = (collection: string) => `
resource policy 'Microsoft.Network/firewallPolicies@2025-09-01' existing = {
  name: 'fw-policy'
}
resource group 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2025-09-01' = {
  parent: policy
  name: 'aks-egress'
  properties: {
    priority: 200
    ruleCollections: [
${collection}
    ]
  }
}
`;

describe('discriminated objects', () => {
  it('accepts a valid variant chosen by its literal discriminator', async () => {
    const ok = ruleGroup(`      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'allow-aks'
        priority: 210
        action: {
          type: 'Allow'
        }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: 'ntp'
            ipProtocols: [
              'UDP'
            ]
            sourceAddresses: [
              '10.40.16.0/20'
            ]
            destinationAddresses: [
              '*'
            ]
            destinationPorts: [
              '123'
            ]
          }
        ]
      }`);
    expect(await typeFindings(ok)).toEqual([]);
  });

  it('checks properties against the chosen variant only', async () => {
    // `destinationFqdns` exists on NetworkRule, `targetFqdns` only on ApplicationRule.
    const bad = ruleGroup(`      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        rules: [
          {
            ruleType: 'NetworkRule'
            targetFqdns: [
              'mcr.microsoft.com'
            ]
          }
        ]
      }`);
    const found = await typeFindings(bad);
    expect(found).toHaveLength(1);
    expect(found[0]!.slice(0, 2)).toEqual(['bicep-type', 'properties.ruleCollections[0].rules[0].targetFqdns']);
  });

  it('rejects an unknown discriminator value and lists the variants', async () => {
    const found = await typeFindings(ruleGroup(`      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollectionn'
      }`));
    expect(found).toEqual([
      [
        'bicep-type',
        'properties.ruleCollections[0].ruleCollectionType',
        "value 'FirewallPolicyFilterRuleCollectionn' is not allowed; allowed values: 'FirewallPolicyFilterRuleCollection', 'FirewallPolicyNatRuleCollection'; did you mean 'FirewallPolicyFilterRuleCollection'?",
      ],
    ]);
  });

  it('requires the discriminator property', async () => {
    const found = await typeFindings(ruleGroup(`      {
        name: 'x'
      }`));
    expect(found.map((f) => f[2])).toEqual([
      "missing discriminator property 'ruleCollectionType' (one of 'FirewallPolicyFilterRuleCollection', 'FirewallPolicyNatRuleCollection')",
    ]);
  });
});

describe('other literal checks', () => {
  it('checks integer bounds', async () => {
    const found = await typeFindings(ruleGroup('').replace('priority: 200', 'priority: 50'));
    expect(found).toEqual([['bicep-type', 'properties.priority', 'value 50 is below the minimum 100']]);
  });

  it('rejects an array where an object is expected and a string where an array is expected', async () => {
    const src = `
resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-aks'
  location: 'westeurope'
  tags: [
    'a'
  ]
}
resource nat 'Microsoft.Network/natGateways@2025-09-01' = {
  name: 'nat'
  zones: '1'
}
`;
    expect(await typeFindings(src)).toEqual([
      ['bicep-type', 'tags', 'expected object (TrackedResourceTags) but got array'],
      ['bicep-type', 'zones', "expected string[] but got string '1'"],
    ]);
  });

  it('does not require properties on existing resources but still checks names', async () => {
    const src = `
resource acr 'Microsoft.ContainerRegistry/registries@2025-11-01' existing = {
  name: 'acrcontoso01'
}
resource bad 'Microsoft.ContainerRegistry/registries@2025-11-01' existing = {
  nmae: 'acrcontoso01'
}
`;
    expect(await typeFindings(src)).toEqual([
      ['bicep-type', 'nmae', "unknown property 'nmae' on Microsoft.ContainerRegistry/registries; did you mean 'name'?"],
    ]);
  });

  it('treats interpolated strings as strings and accepts them for enums', async () => {
    const src = `
param v string
resource pip 'Microsoft.Network/publicIPAddresses@2025-09-01' = {
  name: 'pip-\${v}'
  properties: {
    dnsSettings: {
      domainNameLabelScope: '\${v}Reuse'
    }
    idleTimeoutInMinutes: '\${v}'
  }
}
`;
    expect(await typeFindings(src)).toEqual([['bicep-type', 'properties.idleTimeoutInMinutes', 'expected int but got string']]);
  });

  it('reports resource types that are not vendored and read-only types declared without existing', async () => {
    const src = `
resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'sa'
}
resource up 'Microsoft.ContainerService/managedClusters/upgradeProfiles@2026-05-01' = {
  name: 'default'
}
`;
    expect((await typeFindings(src)).map((f) => f[2])).toEqual([
      "resource type 'Microsoft.Storage/storageAccounts' is not in the vendored type data (its provider is not vendored)",
      "'Microsoft.ContainerService/managedClusters/upgradeProfiles' is read-only; it can only be declared with 'existing'",
    ]);
  });
});

describe('resource types rendered on purpose without vendored type data', () => {
  it('are accepted only when the caller lists them, with a reason', async () => {
    const { validateBicepFiles } = await import('./validate.js');
    const files = new Map([['main.bicep', "resource dcr 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {\n  name: 'x'\n  location: 'westeurope'\n}\n"]]);
    expect((await validateBicepFiles(files)).map((f) => f.message)).toEqual([
      "resource type 'Microsoft.Insights/dataCollectionRules' is not in the vendored type data (its provider is not vendored)",
    ]);
    expect(await validateBicepFiles(files, { untypedResourceTypes: new Map([['Microsoft.Insights/dataCollectionRules', 'needed']]) })).toEqual([]);
  });
});
