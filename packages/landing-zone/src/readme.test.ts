import { describe, expect, it } from 'vitest';
import { moduleDescription } from './readme.js';
import { renderLandingZone } from './render-landing-zone.js';
import { landingZoneTemplateFiles } from './template-files.js';
import { exampleSpec, variant } from './testing/example.js';

const renderFor = (spec: Parameters<typeof renderLandingZone>[0]) => ({ files: renderLandingZone(spec) });

describe('README.md of the landing zone', () => {
  const spec = exampleSpec();
  const readme = renderFor(spec).files.get('README.md')!;

  it('GIVEN the example WHEN rendered THEN it shows the az deployment command the pipeline runs, against this cluster', () => {
    const command = [
      'az deployment group create \\',
      `  --subscription ${spec.azure.subscriptionId} \\`,
      `  --resource-group ${spec.azure.resourceGroup} \\`,
      `  --name aks-hybrid-${spec.name} \\`,
      '  --template-file gitops/azure/landing-zone/main.bicep \\',
      `  --parameters gitops/azure/${spec.name}/main.bicepparam`,
    ].join('\n');
    expect(readme).toContain(command);
    expect(readme).toContain(command.replace('az deployment group create', 'az deployment group what-if'));
  });

  it('THEN it says how to record the allocated addresses, by output name', () => {
    expect(readme).toContain('--query properties.outputs.egressPublicIpPrefix.value');
    expect(readme).toContain('-> spec.egress.allocatedPrefix');
    expect(readme).toContain('--query properties.outputs.ingressPublicIpAddress.value');
  });

  it('THEN it lists the Key Vault secrets the deployment reads, by name only', () => {
    expect(readme).toContain(`it holds secret \`${spec.connectivity.vpn!.sharedKey.secretName}\``);
    expect(readme).toContain(`it holds secret \`${spec.connectivity.expressRoute.authorizationKey!.secretName}\``);
    expect(readme).toContain('enabledForTemplateDeployment');
  });

  it('THEN it names the DNS forwarding on-premises resolvers need for the private endpoint', () => {
    expect(readme).toContain('`10.0.0.4`, `10.0.0.5`: they must forward `privatelink.azurecr.io`');
  });

  it('GIVEN a private cluster WHEN rendered THEN the API server zone joins the forwarding list', () => {
    const priv = renderFor(variant((s) => void (s.cluster.apiServer.access = 'private'))).files.get('README.md')!;
    expect(priv).toContain('`privatelink.azurecr.io` and `privatelink.westeurope.azmk8s.io`');
  });

  it('GIVEN a spoke without VPN WHEN rendered THEN it names the hub and says nothing of a VPN device', () => {
    const spoke = renderFor(
      variant((s) => {
        s.network.topology = 'spoke';
        s.network.hubVirtualNetworkId = '/subscriptions/x/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';
        delete s.connectivity.vpn;
      }),
    ).files.get('README.md')!;
    expect(spoke).toContain('through the gateways of the hub\n`/subscriptions/x/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub`');
    expect(spoke).not.toContain('VPN device');
    expect(spoke).toContain('may create peerings on the hub VNet');
  });

  it('THEN it lists every module of the shared template with what it is for', () => {
    for (const [path, text] of landingZoneTemplateFiles()) {
      if (path.startsWith('modules/')) expect(readme, path).toContain(`| \`${path}\` | ${moduleDescription(text.replace(/^\/\/.*\n/, ''))} |`);
    }
  });

  it('GIVEN a module without a description WHEN listed THEN rendering fails rather than printing a blank row', () => {
    expect(moduleDescription("metadata description = 'It\\'s a module.'\n")).toBe("It's a module.");
    expect(() => moduleDescription('param x string\n')).toThrow(/without a `metadata description`/);
  });
});
