import { describe, expect, it } from 'vitest';
import { deployed } from './testing/deployed.js';

const EXTENSION = 'Microsoft.KubernetesConfiguration/extensions';

// The entry folder's notifications.yaml (Flux Provider and Alert, docs/notifications.md) needs the
// notification.toolkit.fluxcd.io CRDs, which come with the extension's notification-controller. It is on
// by default ("`--config notification-controller.enabled=<true/false>` (default `true`)",
// https://learn.microsoft.com/azure/azure-arc/kubernetes/tutorial-use-gitops-flux2#control-which-controllers-are-deployed-with-the-flux-cluster-extension);
// turned off, the entry Kustomization's dry run would fail on the Alert and stop the whole tree.
describe('Flux extension keeps the notification-controller (bicep snapshot)', () => {
  it('GIVEN the example WHEN deployed THEN the extension does not turn notification-controller off', () => {
    const settings = deployed('example').template.one(EXTENSION).properties!.configurationSettings as Record<string, string>;
    expect(settings['notification-controller.enabled'] ?? 'true').toBe('true');
  });
});
