import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { managedBy } from '../labels.js';

export interface ComputeQuantities {
  readonly cpu: string;
  readonly memory: string;
}

export interface TeamLimitRangeProps {
  readonly namespace: string;
  /** Requests given to containers that state none. */
  readonly defaultRequest: ComputeQuantities;
  /** Limits given to containers that state none. */
  readonly defaultLimit: ComputeQuantities;
  /** Largest limits one container may have: what the biggest node of the team's pools can offer. */
  readonly max: ComputeQuantities;
  /**
   * @default 'team-defaults'
   */
  readonly name?: string;
}

/**
 * Container defaults so every container has requests and limits (a ResourceQuota on requests and
 * limits rejects pods whose containers lack them), and a per-container cap: a container that no node
 * can hold would stay Pending forever, so it is rejected at admission instead.
 */
export class TeamLimitRange extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: TeamLimitRangeProps) {
    super(scope, id);
    this.resource = createApiObject(k8s.KubeLimitRange, this, 'Resource', {
      metadata: { name: props.name ?? 'team-defaults', namespace: props.namespace, labels: managedBy() },
      spec: {
        limits: [
          {
            type: 'Container',
            defaultRequest: { ...props.defaultRequest },
            default: { ...props.defaultLimit },
            max: { ...props.max },
          },
        ],
      },
    });
  }
}
