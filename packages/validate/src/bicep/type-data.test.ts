// Facts about the vendored bicep-types data that the checker and the Bicep
// writer rely on, read from schemas/azure-types (never from /work/shared).
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getTypeStore, type TypeHandle } from './type-data.js';

const store = getTypeStore();

function bodyOf(resource: string): TypeHandle {
  const [type, version] = resource.split('@') as [string, string];
  const found = store.lookup(type, version);
  if (!found.ok) throw new Error(`${resource} not vendored`);
  return found.entry.body;
}

/** Follows a property path through object and array types. */
function typeAt(resource: string, path: string): TypeHandle {
  let t = bodyOf(resource);
  for (const seg of path.split('.')) {
    if (t.type.$type === 'ArrayType') t = t.file.resolve(t.type.itemType);
    if (t.type.$type !== 'ObjectType') throw new Error(`${seg}: not an object`);
    const prop = t.type.properties?.[seg];
    if (!prop) throw new Error(`${resource}: no property ${seg}`);
    t = t.file.resolve(prop.type);
  }
  return t;
}

/** Literal values of an enum, and whether a plain string is also accepted. */
function enumOf(resource: string, path: string): { values: string[]; open: boolean } {
  const t = typeAt(resource, path);
  if (t.type.$type !== 'UnionType') throw new Error(`${path} is ${t.type.$type}`);
  const members = t.type.elements.map((e) => t.file.resolve(e).type);
  return {
    values: members.flatMap((m) => (m.$type === 'StringLiteralType' ? [m.value] : [])),
    open: members.some((m) => m.$type === 'StringType'),
  };
}

describe('SKU enums: open (any string accepted) or closed', () => {
  const VNG = 'Microsoft.Network/virtualNetworkGateways@2025-09-01';
  it.each([
    [VNG, 'properties.sku.name', true, ['ErGw1AZ', 'ErGw2AZ', 'ErGw3AZ', 'ErGwScale', 'VpnGw2AZ']],
    [VNG, 'properties.sku.tier', true, ['ErGw1AZ', 'VpnGw1', 'VpnGw5AZ']],
    [VNG, 'properties.gatewayType', true, ['Vpn', 'ExpressRoute', 'LocalGateway']],
    ['Microsoft.ContainerService/managedClusters@2026-05-01', 'sku.tier', true, ['Premium', 'Standard', 'Free']],
    ['Microsoft.ContainerService/managedClusters@2026-05-01', 'sku.name', true, ['Base', 'Automatic']],
    ['Microsoft.ContainerRegistry/registries@2025-11-01', 'sku.name', true, ['Classic', 'Basic', 'Standard', 'Premium']],
    ['Microsoft.Network/natGateways@2025-09-01', 'sku.name', true, ['Standard', 'StandardV2']],
    ['Microsoft.Network/publicIPAddresses@2025-09-01', 'sku.name', true, ['Basic', 'Standard', 'StandardV2']],
    ['Microsoft.Network/publicIPAddresses@2025-09-01', 'sku.tier', true, ['Regional', 'Global']],
    ['Microsoft.Network/publicIPPrefixes@2025-09-01', 'sku.name', true, ['Standard', 'StandardV2']],
    ['Microsoft.OperationalInsights/workspaces@2026-03-01', 'properties.sku.name', true, ['PerGB2018']],
    ['Microsoft.KeyVault/vaults@2026-02-01', 'properties.sku.name', false, ['standard', 'premium']],
    ['Microsoft.Network/publicIPAddresses@2025-09-01', 'properties.dnsSettings.domainNameLabelScope', false, ['TenantReuse', 'NoReuse']],
  ])('%s %s: open=%s', (resource, path, open, includes) => {
    const e = enumOf(resource, path);
    expect(e.open).toBe(open);
    expect(e.values).toEqual(expect.arrayContaining(includes));
  });

  it('has no ErGw9AZ, which the checker therefore accepts only because the enum is open', () => {
    expect(enumOf('Microsoft.Network/virtualNetworkGateways@2025-09-01', 'properties.sku.name').values).not.toContain('ErGw9AZ');
  });

  it('ACR sku.tier is read-only (set by the service)', () => {
    const body = bodyOf('Microsoft.ContainerRegistry/registries@2025-11-01');
    const sku = typeAt('Microsoft.ContainerRegistry/registries@2025-11-01', 'sku');
    expect(body.type.$type).toBe('ObjectType');
    expect(sku.type.$type === 'ObjectType' && sku.type.properties?.tier?.flags).toBe(2);
  });
});

describe('vendored files', () => {
  const root = new URL('../../schemas/azure-types/', import.meta.url);
  const sources = readFileSync(new URL('SOURCES.md', root), 'utf8');

  it('SOURCES.md records where the copy came from', () => {
    expect(sources.split('\n')[0]).toMatch(/^Copied from the kit's shared reference folder/);
  });

  it('each types.json has the byte count SOURCES.md lists', () => {
    const rows = [...sources.matchAll(/^\| (microsoft\.[^|]+\/types\.json) \| [^|]+ \| (\d+) \|/gm)];
    expect(rows.length).toBe(10);
    for (const [, path, bytes] of rows) expect([path, statSync(new URL(path!, root)).size]).toEqual([path, Number(bytes)]);
  });

  it('every resource-index entry resolves to the ResourceType it names', () => {
    const names = store.allResourceTypes();
    expect(names.length).toBe(203);
    for (const name of names) {
      const [type, version] = name.split('@') as [string, string];
      const found = store.lookup(type, version);
      expect(found.ok, name).toBe(true);
    }
  });

  it('looks types up case-insensitively and lists versions when only the version is wrong', () => {
    expect(store.lookup('microsoft.containerservice/MANAGEDCLUSTERS', '2026-05-01').ok).toBe(true);
    expect(store.lookup('Microsoft.ContainerService/managedClusters', '2024-01-01')).toEqual({
      ok: false,
      reason: 'unknown-version',
      type: 'Microsoft.ContainerService/managedClusters',
      versions: ['2026-05-01'],
    });
  });
});
