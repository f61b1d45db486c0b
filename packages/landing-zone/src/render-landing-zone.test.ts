import { describe, expect, it } from 'vitest';
import { azureTags } from './parameters.js';
import { renderLandingZone } from './render-landing-zone.js';
import { deploy } from './test-support/bicep-eval.js';
import { outline } from './test-support/bicep-outline.js';
import { exampleSpec, variant } from './test-support/example.js';
import { renderFor } from './test-support/landing-zone.js';

const VARIANTS = {
  example: () => exampleSpec(),
  'no VPN': () => variant((s) => void delete s.connectivity.vpn),
  'spoke topology': () =>
    variant((s) => {
      s.network.topology = 'spoke';
      s.network.hubVirtualNetworkId = '/subscriptions/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu';
    }),
  'private API server': () => variant((s) => void (s.cluster.apiServer.access = 'private')),
  'no ExpressRoute authorization key': () => variant((s) => void delete s.connectivity.expressRoute.authorizationKey),
  'no registry replicas, no private endpoint': () =>
    variant((s) => {
      s.registry.replicaLocations = [];
      s.registry.privateEndpoint = false;
      s.registry.publicNetworkAccess = 'Enabled';
    }),
  'no public ingress IP, addresses pending': () =>
    variant((s) => {
      s.ingress.publicIp = false;
      delete s.ingress.allocatedAddress;
      delete s.egress.allocatedPrefix;
    }),
};

describe('renderLandingZone', () => {
  it('GIVEN the example WHEN rendered THEN it writes main, params, the modules main uses, config, addresses and README', () => {
    const files = renderLandingZone(exampleSpec());
    const main = outline(files.get('main.bicep')!);
    const used = main.modules.map((m) => m.path);
    expect([...files.keys()]).toEqual(
      [...new Set(['main.bicep', 'main.bicepparam', 'bicepconfig.json', 'addresses.json', 'README.md', ...used, 'modules/types.bicep'])].sort(),
    );
    expect(used).toContain('modules/network.bicep');
    expect(used).toContain('modules/aks.bicep');
  });

  it('GIVEN the same spec twice (or an equal copy) WHEN rendered THEN the bytes are the same', () => {
    const once = renderLandingZone(exampleSpec());
    const twice = renderLandingZone(structuredClone(exampleSpec()));
    expect([...twice]).toEqual([...once]);
  });

  it.each(Object.entries(VARIANTS))('GIVEN %s WHEN deployed THEN every module gets exactly its declared parameters', (_name, spec) => {
    // deploy() throws on an unknown or a missing required parameter, at any depth.
    const files = renderLandingZone(spec());
    expect(() => deploy(files)).not.toThrow();
  });

  it('GIVEN the param file THEN it targets main.bicep and assigns every parameter main declares without a default, and nothing else', () => {
    const files = renderLandingZone(exampleSpec());
    const main = outline(files.get('main.bicep')!);
    const params = outline(files.get('main.bicepparam')!);
    expect(params.using).toBe('./main.bicep');
    const declared = main.params.map((p) => p.name);
    const required = main.params.filter((p) => p.defaultValue === undefined).map((p) => p.name);
    const assigned = [...params.assignments.keys()];
    expect(assigned.filter((name) => !declared.includes(name))).toEqual([]);
    expect(required.filter((name) => !assigned.includes(name))).toEqual([]);
  });

  it('GIVEN the param file THEN every value assigned to an @allowed parameter is allowed', () => {
    const lz = renderFor(exampleSpec());
    for (const p of lz.outline('main.bicep').params) {
      const allowed = p.decorators.find((d) => d.name === 'allowed');
      if (!allowed) continue;
      const values = [...allowed.args.matchAll(/'([^']*)'/g)].map((m) => m[1]);
      expect(values, p.name).toContain(lz.param(p.name));
    }
  });
});

describe('Bicep conventions (Azure Verified Modules)', () => {
  const files = renderLandingZone(exampleSpec());
  const bicepFiles = [...files].filter(([path]) => path.endsWith('.bicep'));

  it.each(bicepFiles.map(([path]) => path))('%s: every parameter says Required. or Optional., and Optional. exactly when it has a default', (path) => {
    for (const p of outline(files.get(path)!).params) {
      const description = p.decorators.find((d) => d.name === 'description')?.args ?? '';
      expect(description, `${path} ${p.name}`).toMatch(p.defaultValue === undefined ? /^'Required\. / : /^'Optional\. /);
    }
  });

  it.each(bicepFiles.map(([path]) => path))('%s: every output has a description', (path) => {
    const text = files.get(path)!;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.startsWith('output ')) expect(lines[i - 1], `${path}: ${line}`).toMatch(/^@description\('/);
    });
  });

  it('every module says what it is for (metadata description), which the README lists', () => {
    const readme = files.get('README.md')!;
    for (const [path, text] of bicepFiles.filter(([p]) => p.startsWith('modules/'))) {
      const description = outline(text).metadata.get('description');
      expect(typeof description, path).toBe('string');
      expect(readme).toContain(`| \`${path}\` | ${String(description)} |`);
    }
  });
});

describe('tags', () => {
  it('GIVEN the spec tags WHEN deployed THEN every resource that has a location carries them, with Azure-valid names', () => {
    const spec = exampleSpec();
    const lz = renderFor(spec);
    const tracked = lz.deployment.resources.filter((r) => !r.existing && 'location' in r.body);
    expect(tracked.length).toBeGreaterThan(20);
    for (const r of tracked) expect(r.body.tags, `${r.module}/${r.symbol}`).toEqual(azureTags(spec.azure.tags));
    expect(azureTags(spec.azure.tags)).toMatchObject({ 'aks-hybrid-kit-cluster': spec.name, costCenter: 'platform' });
  });

  it('GIVEN tag names Azure rejects WHEN converted THEN the forbidden characters become _ and collisions are refused', () => {
    expect(azureTags({ 'a/b': '1', 'c?d': '2', plain: '3' })).toEqual({ a_b: '1', c_d: '2', plain: '3' });
    expect(() => azureTags({ 'a/b': '1', 'a?b': '2' })).toThrow(/both become "a_b"/);
  });
});
