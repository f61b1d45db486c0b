import { describe, expect, inject, it } from 'vitest';
import { renderBicepParam } from './bicepparam.js';
import { keyVaultSecret } from './bicep-literal.js';
import { azureTags, landingZoneParameters } from './parameters.js';
import { renderLandingZone, TEMPLATE_USING_PATH } from './render-landing-zone.js';
import { deployed } from './testing/deployed.js';
import { exampleSpec, VARIANTS } from './testing/example.js';
import { landingZoneTemplateFiles, landingZoneTemplateVersion } from './template-files.js';

interface ArmParameter {
  readonly defaultValue?: unknown;
  readonly nullable?: boolean;
  readonly metadata?: { readonly description?: string };
}
interface ArmTemplate {
  readonly parameters?: Record<string, ArmParameter>;
  readonly outputs?: Record<string, { readonly metadata?: { readonly description?: string } }>;
  readonly resources: Record<string, { readonly type: string; readonly properties?: { readonly template?: ArmTemplate } }>;
}

/** The compiled template and every module template in it, by module path of symbolic names. */
function templates(template: ArmTemplate, path = 'main'): Array<[string, ArmTemplate]> {
  const modules = Object.entries(template.resources ?? {}).filter(([, r]) => r.type === 'Microsoft.Resources/deployments' && r.properties?.template);
  return [[path, template], ...modules.flatMap(([symbol, r]) => templates(r.properties!.template!, `${path} > ${symbol}`))];
}

describe('renderLandingZone', () => {
  it('GIVEN the example WHEN rendered THEN the cluster folder holds only its own files: main.bicepparam, addresses.json, README.md', () => {
    expect([...renderLandingZone(exampleSpec()).keys()].sort()).toEqual(['README.md', 'addresses.json', 'main.bicepparam']);
  });

  it('GIVEN the same spec twice (or an equal copy) WHEN rendered THEN the bytes are the same', () => {
    expect([...renderLandingZone(structuredClone(exampleSpec()))]).toEqual([...renderLandingZone(exampleSpec())]);
  });

  it('THEN main.bicepparam uses the one shared template and names the template version it was rendered against', () => {
    const params = renderLandingZone(exampleSpec()).get('main.bicepparam')!;
    expect(TEMPLATE_USING_PATH).toBe('../landing-zone/main.bicep');
    expect(params).toContain(`\nusing '../landing-zone/main.bicep'\n`);
    expect(params.startsWith(`// Landing-zone template ${landingZoneTemplateVersion()}.\n`)).toBe(true);
    expect(landingZoneTemplateVersion()).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('GIVEN the shared template THEN it is main.bicep, the modules it uses and bicepconfig.json, the same bytes whatever the cluster', () => {
    const files = landingZoneTemplateFiles();
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['main.bicep', 'bicepconfig.json', 'modules/aks.bicep', 'modules/network.bicep', 'modules/types.bicep', 'modules/vpn.bicep']),
    );
    for (const [path, text] of files) if (path.endsWith('.bicep')) expect(text, path).not.toMatch(/weu-prod|neu-prod/);
  });
});

describe('main.bicepparam: the typed parameters, written by one Bicep-literal writer', () => {
  it('GIVEN parameters left undefined (nullable in the template) WHEN written THEN they are left out, and secrets are Key Vault references', () => {
    const spoke = landingZoneParameters(VARIANTS.spoke());
    expect(spoke.expressRoute).toBeUndefined();
    expect(spoke.hubVirtualNetwork).toEqual({ subscriptionId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', resourceGroupName: 'rg-hub', name: 'vnet-hub-weu' });
    const text = renderBicepParam(
      { ...spoke, vpnSharedKey: keyVaultSecret({ subscriptionId: 's', resourceGroupName: 'rg', vaultName: 'kv', secretName: 'k' }) },
      'x.bicep',
    );
    expect(text).not.toMatch(/^param expressRoute/m);
    expect(text).toContain("param vpnSharedKey = az.getSecret('s', 'rg', 'kv', 'k')");
    expect(text).toContain(
      "param hubVirtualNetwork = {\n  subscriptionId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'\n  resourceGroupName: 'rg-hub'\n  name: 'vnet-hub-weu'\n}",
    );
  });

  it('GIVEN a hub VNet ID that is not a virtual network resource ID WHEN rendered THEN it is refused', () => {
    const bad = { ...VARIANTS.spoke(), network: { ...VARIANTS.spoke().network, hubVirtualNetworkId: '/subscriptions/x/vnet' } };
    expect(() => landingZoneParameters(bad)).toThrow(/is not a virtual network resource ID/);
  });
});

describe('Bicep conventions (Azure Verified Modules), read from the compiled template', () => {
  const all = templates(inject('compiledTemplate') as ArmTemplate);

  it('THEN the compiled template has the modules of the landing zone', () => {
    expect(all.map(([path]) => path)).toEqual(expect.arrayContaining(['main', 'main > aks', 'main > network', 'main > vpnGateway', 'main > hubPeering']));
  });

  it.each(all.map(([path, t]) => [path, t] as const))(
    '%s: every parameter says Required. or Optional., and Optional. exactly when it has a default or is nullable',
    (path, template) => {
      for (const [name, p] of Object.entries(template.parameters ?? {})) {
        const optional = p.defaultValue !== undefined || p.nullable === true;
        expect(p.metadata?.description ?? '', `${path} ${name}`).toMatch(optional ? /^Optional\. / : /^Required\. /);
      }
    },
  );

  it.each(all.map(([path, t]) => [path, t] as const))('%s: every output has a description', (path, template) => {
    for (const [name, output] of Object.entries(template.outputs ?? {})) expect(output.metadata?.description, `${path} ${name}`).toBeTruthy();
  });
});

describe('tags (bicep snapshot)', () => {
  it('GIVEN the spec tags WHEN deployed THEN every resource that has a location carries them, with Azure-valid names', () => {
    const spec = exampleSpec();
    const tracked = deployed('example').template.resources.filter((r) => r.location !== undefined);
    expect(tracked.length).toBeGreaterThan(20);
    for (const r of tracked) expect(r.tags, `${r.type} ${r.name}`).toEqual(azureTags(spec.azure.tags));
    expect(azureTags(spec.azure.tags)).toMatchObject({ 'aks-hybrid-kit-cluster': spec.name, costCenter: 'platform' });
  });

  it('GIVEN tag names Azure rejects WHEN converted THEN the forbidden characters become _ and collisions are refused', () => {
    expect(azureTags({ 'a/b': '1', 'c?d': '2', plain: '3' })).toEqual({ a_b: '1', c_d: '2', plain: '3' });
    expect(() => azureTags({ 'a/b': '1', 'a?b': '2' })).toThrow(/both become "a_b"/);
  });
});
