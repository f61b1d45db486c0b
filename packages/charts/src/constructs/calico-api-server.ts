import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { ApiServer } from '../imports/operator.tigera.io.js';
import { managedBy } from '../labels.js';

/** The APIService the Calico API server registers; Flux waits for it before applying v3 objects. */
export const CALICO_API_SERVICE = 'v3.projectcalico.org';
/** AKS labels system-pool nodes with it (https://learn.microsoft.com/azure/aks/use-system-pools). */
export const AKS_SYSTEM_MODE_LABEL = 'kubernetes.azure.com/mode';

/**
 * Asks the AKS-managed tigera-operator for the Calico API server: an `operator.tigera.io/v1`
 * APIServer named `default` (the operator accepts only `default` or `tigera-secure`,
 * https://docs.tigera.io/calico/latest/reference/installation/api#apiserver). AKS-managed Calico does
 * not install it, so without it `projectcalico.org/v3` is not served (Azure/AKS#4038, #4999, #5675;
 * https://docs.tigera.io/calico/latest/operations/install-apiserver).
 *
 * Placement: it is platform plumbing, so it runs on the system pool. That pool carries the taint
 * `CriticalAddonsOnly=true:NoSchedule` (https://learn.microsoft.com/azure/aks/use-system-pools), which
 * the pods must tolerate, and the node selector keeps them off the tenants' pools.
 */
export class CalicoApiServer extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.resource = createApiObject(ApiServer, this, 'Resource', {
      metadata: { name: 'default', labels: managedBy() },
      spec: {
        apiServerDeployment: {
          spec: {
            template: {
              spec: {
                nodeSelector: { [AKS_SYSTEM_MODE_LABEL]: 'system' },
                tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists', effect: 'NoSchedule' }],
              },
            },
          },
        },
      },
    });
  }
}
