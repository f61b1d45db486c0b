import { AGENT_POOL_LABEL } from '@aks-hybrid/spec';
import { celString, celStringList } from '../cel-literals.js';
import { POD_KINDS } from '../kinds.js';
import { CONTAINERS, hasPath, POD_SPEC } from '../pod-spec.js';
import type { CelRule } from '../types.js';

const ZONE_KEY = 'topology.kubernetes.io/zone';

const POOL = celString(AGENT_POOL_LABEL);
/** CEL: container `c` states cpu and memory under `resources.<field>`. */
const statesCpuAndMemory = (field: 'requests' | 'limits') =>
  `has(c.resources) && has(c.resources.${field}) && ['cpu', 'memory'].all(k, k in c.resources.${field})`;
const hostFlag = (field: string) => `!(has(variables.podSpec.${field}) && variables.podSpec.${field})`;

export const workloadRules: readonly CelRule[] = [
  {
    id: 'KIT-POD-001',
    title: 'No privileged containers',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: POD_KINDS,
    hint: 'remove securityContext.privileged (the kit never renders it); a workload that needs the host belongs to the platform, not a team',
    rationale: 'A privileged container has every capability and the host devices: it owns the node and every pod on it.',
    variables: () => [
      POD_SPEC,
      CONTAINERS,
      {
        name: 'privilegedContainers',
        expression:
          'variables.containers.filter(c, has(c.securityContext) && has(c.securityContext.privileged) && c.securityContext.privileged).map(c, c.name)',
      },
    ],
    validations: () => [
      {
        expression: 'size(variables.privilegedContainers) == 0',
        message: 'a container runs privileged',
        messageExpression: "'privileged containers: ' + variables.privilegedContainers.join(', ')",
      },
    ],
  },
  {
    id: 'KIT-POD-002',
    title: 'No host namespaces (hostNetwork, hostPID, hostIPC)',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: POD_KINDS,
    hint: 'remove hostNetwork, hostPID and hostIPC from the pod spec',
    rationale: "Sharing the node's network, process or IPC namespace bypasses network policy and exposes other pods' processes.",
    variables: () => [POD_SPEC],
    validations: () => [
      { expression: hostFlag('hostNetwork'), message: "the pod uses the node's network namespace (hostNetwork)" },
      { expression: hostFlag('hostPID'), message: "the pod uses the node's process namespace (hostPID)" },
      { expression: hostFlag('hostIPC'), message: "the pod uses the node's IPC namespace (hostIPC)" },
    ],
  },
  {
    id: 'KIT-POD-003',
    title: 'No hostPath volumes',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: POD_KINDS,
    hint: 'use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim instead of hostPath',
    rationale: "A hostPath volume reads or writes the node's file system, including other pods' data and the kubelet's credentials.",
    variables: () => [
      POD_SPEC,
      { name: 'hostPathVolumes', expression: 'has(variables.podSpec.volumes) ? variables.podSpec.volumes.filter(v, has(v.hostPath)).map(v, v.name) : []' },
    ],
    validations: () => [
      {
        expression: 'size(variables.hostPathVolumes) == 0',
        message: 'the pod mounts a hostPath volume',
        messageExpression: "'hostPath volumes: ' + variables.hostPathVolumes.join(', ')",
      },
    ],
  },
  {
    id: 'KIT-POD-004',
    title: 'Containers run as non-root',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: POD_KINDS,
    hint: 'set securityContext.runAsNonRoot: true (pod or container) and a non-zero runAsUser; build the image with a numeric non-root USER',
    rationale: 'Root in a container is root on the node after any container escape.',
    variables: () => [
      POD_SPEC,
      CONTAINERS,
      {
        name: 'podRunsAsNonRoot',
        expression: `${hasPath('variables.podSpec', ['securityContext', 'runAsNonRoot'])} && variables.podSpec.securityContext.runAsNonRoot`,
      },
      // A container's own runAsNonRoot wins over the pod's.
      {
        name: 'mayRunAsRoot',
        expression:
          'variables.containers.filter(c, !(has(c.securityContext) && has(c.securityContext.runAsNonRoot) ? c.securityContext.runAsNonRoot : variables.podRunsAsNonRoot))',
      },
      {
        name: 'podRunsAsUserRoot',
        expression: `${hasPath('variables.podSpec', ['securityContext', 'runAsUser'])} && variables.podSpec.securityContext.runAsUser == 0`,
      },
      {
        name: 'containerRunsAsUserRoot',
        expression: 'variables.containers.exists(c, has(c.securityContext) && has(c.securityContext.runAsUser) && c.securityContext.runAsUser == 0)',
      },
    ],
    validations: () => [
      {
        expression: 'size(variables.mayRunAsRoot) == 0',
        message: 'a container may run as root: runAsNonRoot is not true for it (pod or container level)',
        messageExpression: "'containers that may run as root (runAsNonRoot not true): ' + variables.mayRunAsRoot.map(c, c.name).join(', ')",
      },
      {
        expression: '!variables.podRunsAsUserRoot && !variables.containerRunsAsUserRoot',
        message: 'the pod or a container sets runAsUser: 0 (root)',
      },
    ],
  },
  {
    id: 'KIT-RES-001',
    title: 'Every container states CPU and memory requests and limits',
    severity: 'medium',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: POD_KINDS,
    hint: 'set resources.requests and resources.limits (cpu and memory) on every container; in the team file, workloads[].resources',
    rationale: 'Requests let the scheduler and the cluster autoscaler plan capacity; limits keep one workload from starving its neighbours.',
    variables: () => [
      POD_SPEC,
      CONTAINERS,
      { name: 'withoutRequests', expression: `variables.containers.filter(c, !(${statesCpuAndMemory('requests')})).map(c, c.name)` },
      { name: 'withoutLimits', expression: `variables.containers.filter(c, !(${statesCpuAndMemory('limits')})).map(c, c.name)` },
      // In container order, each once (container names are unique in a pod).
      { name: 'unbounded', expression: 'variables.containers.map(c, c.name).filter(n, n in variables.withoutRequests || n in variables.withoutLimits)' },
    ],
    validations: () => [
      {
        expression: 'size(variables.unbounded) == 0',
        message: 'a container lacks CPU or memory requests or limits',
        messageExpression: "'containers without cpu and memory requests and limits: ' + variables.unbounded.join(', ')",
      },
    ],
  },
  {
    id: 'KIT-IMG-001',
    title: "Images come from the cluster's registry or an allowed registry",
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: POD_KINDS,
    hint: "push the image to the cluster's registry (or list its registry in spec.images.allowedRegistries of platform.yaml) and reference it with that host",
    rationale:
      "The cluster pulls over a private endpoint with its kubelet identity; images from elsewhere bypass the registry's scanning and may not be reachable at all.",
    variables: (v) => [
      POD_SPEC,
      CONTAINERS,
      { name: 'allowedRegistries', expression: celStringList(v.registries) },
      {
        name: 'foreignImages',
        expression: "variables.containers.filter(c, !variables.allowedRegistries.exists(r, c.image.startsWith(r + '/'))).map(c, c.image)",
      },
    ],
    validations: (v) => [
      {
        expression: 'size(variables.foreignImages) == 0',
        message: `an image does not come from ${v.registries.join(', ')}`,
        messageExpression: `'images from registries that are not allowed: ' + variables.foreignImages.join(', ') + ' (allowed: ${v.registries.join(', ')})'`,
      },
    ],
  },
  {
    id: 'KIT-SCHED-001',
    title: 'Workloads are pinned to a user pool of the cluster',
    severity: 'medium',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: POD_KINDS,
    hint: `pin the pods with required node affinity (or a nodeSelector) on ${AGENT_POOL_LABEL} to user pools of the spec; in the team file, workloads[].workloadClass`,
    rationale: 'Pods without a pool land wherever they fit, including the system pool that the cluster add-ons need, or a pool the spec does not have.',
    variables: (v) => [
      POD_SPEC,
      { name: 'userPools', expression: celStringList(v.userPools) },
      { name: 'nodeSelector', expression: 'has(variables.podSpec.nodeSelector) ? variables.podSpec.nodeSelector : {}' },
      { name: 'selectedPool', expression: `${POOL} in variables.nodeSelector ? variables.nodeSelector[${POOL}] : ''` },
      { name: 'hasNodeAffinity', expression: hasPath('variables.podSpec', ['affinity', 'nodeAffinity']) },
      {
        name: 'hasRequiredAffinity',
        expression: 'variables.hasNodeAffinity && has(variables.podSpec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution)',
      },
      {
        name: 'nodeTerms',
        expression:
          'variables.hasRequiredAffinity ? variables.podSpec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms : []',
      },
      // Per node selector term (the scheduler ORs them), its `<pool label> In [...]` expressions.
      {
        name: 'poolTerms',
        expression: `variables.nodeTerms.map(t, has(t.matchExpressions) ? t.matchExpressions.filter(e, e.key == ${POOL} && e.operator == 'In') : [])`,
      },
      {
        name: 'pinnedByAffinity',
        expression:
          'size(variables.poolTerms) > 0 && variables.poolTerms.all(es, es.exists(e, has(e.values) && size(e.values) > 0 && e.values.all(p, p in variables.userPools)))',
      },
    ],
    validations: () => [
      {
        expression: 'variables.selectedPool in variables.userPools || variables.pinnedByAffinity',
        message: `the pods are not pinned to a user pool (required node affinity or nodeSelector on ${AGENT_POOL_LABEL})`,
        messageExpression: `'the pods are not pinned to user pools of the cluster (' + variables.userPools.join(', ') + ') by required node affinity or a nodeSelector on ${AGENT_POOL_LABEL}'`,
      },
    ],
  },
  {
    id: 'KIT-SCHED-002',
    title: 'Replicated workloads spread across zones',
    severity: 'medium',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: ['Deployment', 'StatefulSet'],
    hint: `add a topologySpreadConstraint on ${ZONE_KEY} with whenUnsatisfiable: DoNotSchedule (the kit's Workload construct renders one)`,
    rationale: 'Without a hard zone spread, the scheduler may put every replica in one zone and a zone outage takes the workload down.',
    variables: () => [
      POD_SPEC,
      { name: 'spreadConstraints', expression: 'has(variables.podSpec.topologySpreadConstraints) ? variables.podSpec.topologySpreadConstraints : []' },
    ],
    validations: () => [
      {
        expression: `variables.spreadConstraints.exists(t, t.topologyKey == ${celString(ZONE_KEY)} && t.whenUnsatisfiable == 'DoNotSchedule')`,
        message: `the pods have no zone spread (topologySpreadConstraints on ${ZONE_KEY} with whenUnsatisfiable: DoNotSchedule)`,
      },
    ],
  },
];
