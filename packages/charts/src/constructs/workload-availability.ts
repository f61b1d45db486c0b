import type { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-29';
import type { Construct } from 'constructs';
import { createApiObject, type ManifestJson } from '../api-objects.js';
import { podSelector, workloadLabels } from './pod-template.js';

interface Target {
  readonly name: string;
  readonly namespace: string;
  readonly partOf: string;
}

/** An autoscaling/v2 HPA on CPU and/or memory utilisation (% of the requests) of a Deployment or StatefulSet. */
export function createAutoscaler(
  scope: Construct,
  target: Target & { readonly kind: 'Deployment' | 'StatefulSet' },
  replicas: { readonly min: number; readonly max: number },
  autoscaling: { readonly cpuUtilization?: number; readonly memoryUtilization?: number },
): ApiObject {
  const metrics: ManifestJson<k8s.MetricSpecV2>[] = [];
  for (const [resource, value] of [
    ['cpu', autoscaling.cpuUtilization],
    ['memory', autoscaling.memoryUtilization],
  ] as const) {
    if (value !== undefined) metrics.push({ type: 'Resource', resource: { name: resource, target: { type: 'Utilization', averageUtilization: value } } });
  }
  if (metrics.length === 0) throw new Error(`workload "${target.name}": autoscaling needs a CPU or memory target`);
  return createApiObject(k8s.KubeHorizontalPodAutoscalerV2, scope, 'Autoscaler', {
    metadata: { name: target.name, namespace: target.namespace, labels: workloadLabels(target.name, target.partOf) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: target.kind, name: target.name },
      minReplicas: replicas.min,
      maxReplicas: replicas.max,
      metrics,
    },
  });
}

/**
 * PDB `maxUnavailable: 1`: never blocks a drain, even at one replica, and `AlwaysAllow` lets unready
 * pods be evicted, so a crash-looping pod cannot block node upgrades either (docs/decisions/0204).
 */
export function createDisruptionBudget(scope: Construct, target: Target): ApiObject {
  return createApiObject(k8s.KubePodDisruptionBudget, scope, 'DisruptionBudget', {
    metadata: { name: target.name, namespace: target.namespace, labels: workloadLabels(target.name, target.partOf) },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: podSelector(target.name) },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  });
}
