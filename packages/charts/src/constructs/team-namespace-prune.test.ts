import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { FLUX_PRUNE_ANNOTATION, TeamNamespace } from './team-namespace.js';

/** A team namespace as Flux receives it (Chart.toJson(), no disk). */
function namespaceOf(props: { annotations?: Record<string, string> } = {}): { metadata: { annotations?: Record<string, string> } } {
  const c = new Chart(new App(), 'test');
  new TeamNamespace(c, 'Ns', { name: 'payments', kubernetesVersion: '1.33', ...props });
  return c.toJson()[0];
}

describe('TeamNamespace: Flux prune protection (offboarding keeps the data)', () => {
  it('GIVEN a team namespace THEN Flux is told never to prune it, so removing the team from git keeps its PVCs', () => {
    expect(FLUX_PRUNE_ANNOTATION).toBe('kustomize.toolkit.fluxcd.io/prune');
    expect(namespaceOf().metadata.annotations?.[FLUX_PRUNE_ANNOTATION]).toBe('disabled');
  });

  it('GIVEN the team spec sets the same annotation THEN the protection wins, and the other annotations stay', () => {
    const ns = namespaceOf({ annotations: { [FLUX_PRUNE_ANNOTATION]: 'enabled', 'kit.aks-hybrid.dev/contact': 'pay@contoso.example' } });
    expect(ns.metadata.annotations).toEqual({ [FLUX_PRUNE_ANNOTATION]: 'disabled', 'kit.aks-hybrid.dev/contact': 'pay@contoso.example' });
  });
});
