import { celStringList } from '../cel-literals.js';
import type { CelRule } from '../types.js';

export const serviceRules: readonly CelRule[] = [
  {
    id: 'KIT-SVC-001',
    title: 'No Services of type LoadBalancer unless the team quota allows them',
    severity: 'medium',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: ['Service'],
    hint: 'expose HTTP through the ingress (workloads[].ingress); if the team really needs a load balancer, raise quota.loadBalancers in its team file',
    rationale: 'Each LoadBalancer Service opens a frontend on the Azure load balancer that bypasses the ingress path and its guard policy.',
    variables: (v) => [{ name: 'loadBalancerNamespaces', expression: celStringList(v.loadBalancerNamespaces) }],
    validations: () => [
      {
        expression:
          "!has(object.spec) || !has(object.spec.type) || object.spec.type != 'LoadBalancer' || request.namespace in variables.loadBalancerNamespaces",
        message: 'a Service of type LoadBalancer in a namespace whose quota allows none (quota.loadBalancers)',
      },
    ],
  },
];
