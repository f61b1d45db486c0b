import type { ApiObject } from 'cdk8s';
import type { TeamSecret } from '@aks-hybrid/spec';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { SecretProviderClass as SecretProviderClassResource } from '../imports/secrets-store.csi.x-k8s.io.js';

export interface SecretProviderClassProps {
  readonly namespace: string;
  /** The team secret: its name (of the SecretProviderClass), Key Vault objects and optional sync. */
  readonly secret: TeamSecret;
  /** Client ID of the team's user-assigned identity (recorded in the team file). */
  readonly clientId: string;
  /** The vault the team identity reads (Key Vault Secrets User). */
  readonly keyVaultName: string;
  /** Entra tenant of the vault. */
  readonly tenantId: string;
  /** @default - none */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A SecretProviderClass for the AKS Key Vault provider in workload identity mode: `clientID` is the
 * team identity's client ID, and the driver exchanges the token of the pod's ServiceAccount for it
 * (federated credential, docs/decisions/0106), so only pods running as a federated ServiceAccount of
 * this namespace can read the objects (https://learn.microsoft.com/azure/aks/csi-secrets-store-identity-access,
 * "Access with a Microsoft Entra Workload ID"; https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/configurations/identity-access-modes/workload-identity-mode/).
 * `objects` is the provider's YAML-in-a-string (`array:` of one YAML document per object); the kit
 * writes it as JSON flow documents, which YAML reads the same, so no YAML emitter decides its bytes.
 * `secretObjects` asks the driver to mirror the mounted files into a Kubernetes Secret, which exists
 * only while a pod mounts this class (https://learn.microsoft.com/azure/aks/csi-secrets-store-driver,
 * https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options).
 */
export class SecretProviderClass extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: SecretProviderClassProps) {
    super(scope, id);
    const { secret } = props;
    const objects = secret.objects
      .map((o) => `  - |\n    ${JSON.stringify({ objectName: o.name, objectType: o.type, ...(o.alias !== undefined ? { objectAlias: o.alias } : {}) })}\n`)
      .join('');
    const sync = secret.syncToSecret;
    this.resource = createApiObject(SecretProviderClassResource, this, 'Resource', {
      metadata: { name: secret.name, namespace: props.namespace, labels: { ...(props.labels ?? {}) } },
      spec: {
        provider: 'azure',
        parameters: {
          usePodIdentity: 'false',
          clientID: props.clientId,
          keyvaultName: props.keyVaultName,
          tenantId: props.tenantId,
          objects: `array:\n${objects}`,
        },
        ...(sync
          ? {
              secretObjects: [
                {
                  secretName: sync.name,
                  type: sync.type,
                  labels: { ...(props.labels ?? {}) },
                  data: sync.keys.map((k) => ({ key: k.key, objectName: k.object })),
                },
              ],
            }
          : {}),
      },
    });
  }
}
