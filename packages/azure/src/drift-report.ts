/** One difference between the spec and the live cluster. */
export interface DriftItem {
  /** `cluster`, `pool <name>`, or a landing-zone resource: `vnet <name>`, `subnet <name>`, `nsg <name>`, `gateway <name>`, `connection <name>`, `local gateway <name>`, `registry <name>`, `nat gateway <name>`, `ip prefix <name>`, `public ip <name>`. */
  readonly scope: string;
  /** ARM property path under `properties`, e.g. `networkProfile.outboundType`, `nodeLabels.team`. */
  readonly field: string;
  /** `changed`: both sides set, different; `missing`: in the spec, not live; `unexpected`: live, not in the spec. */
  readonly kind: 'changed' | 'missing' | 'unexpected';
  /** Display values; `(not set)` when a side has none. */
  readonly spec: string;
  readonly live: string;
}

export interface DriftReport {
  /** Cluster key (folder under apps/). */
  readonly cluster: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** Name of the managed cluster resource. */
  readonly clusterName: string;
  readonly inSync: boolean;
  /** Number of values compared. */
  readonly checked: number;
  /** In a stable order: cluster first, then pools by name; fields in check order. */
  readonly drift: readonly DriftItem[];
  /** Assumptions the comparison made, e.g. which extra range it took for the egress prefix. */
  readonly notes: readonly string[];
}
