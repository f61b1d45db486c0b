import type { CronJobSettings } from '@aks-hybrid/spec';
import type { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-29';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { type PodTemplateProps, restrictedPodTemplate, workloadLabels } from './pod-template.js';

/**
 * The pod template's props and the spec's CronJob settings (schedule checked by the spec; without
 * `timeZone`, the controller manager's zone: UTC on AKS).
 */
export interface CronWorkloadProps
  extends Omit<PodTemplateProps, 'claimMounts' | 'spreadMatchLabelKeys' | 'restartPolicy' | 'port' | 'healthPath'>,
    CronJobSettings {
  readonly namespace: string;
}

/**
 * A scheduled job: one CronJob, nothing else (no Service, HPA or PDB: its pods run to completion).
 * Same pod template as the other workloads (pod-template.ts), without a port or probes, with
 * `restartPolicy: Never` so a failed run is retried as a new pod (counted by `backoffLimit`) rather
 * than restarted in place on the same node. `concurrencyPolicy: Forbid` by default: a run that
 * overruns its schedule skips the next one instead of piling up. `activeDeadlineSeconds` bounds a
 * run, so a hung run cannot block every later one under Forbid
 * (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/,
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/#job-termination-and-cleanup).
 */
export class CronWorkload extends Construct {
  public readonly cronJob: ApiObject;

  constructor(scope: Construct, id: string, props: CronWorkloadProps) {
    super(scope, id);
    const { name, namespace } = props;
    this.cronJob = createApiObject(k8s.KubeCronJob, this, 'Resource', {
      metadata: { name, namespace, labels: workloadLabels(name, props.partOf) },
      spec: {
        schedule: props.schedule,
        ...(props.timeZone !== undefined ? { timeZone: props.timeZone } : {}),
        concurrencyPolicy: props.concurrencyPolicy,
        successfulJobsHistoryLimit: props.successfulJobsHistoryLimit,
        failedJobsHistoryLimit: props.failedJobsHistoryLimit,
        jobTemplate: {
          metadata: { labels: workloadLabels(name, props.partOf) },
          spec: {
            backoffLimit: props.backoffLimit,
            activeDeadlineSeconds: props.activeDeadlineSeconds,
            // Each run spreads on its own: finished pods of earlier runs (kept by the history limits) carry another
            // controller-uid (set by the Job controller: https://kubernetes.io/docs/reference/labels-annotations-taints/#batchkubernetesiocontroller-uid).
            template: restrictedPodTemplate({ ...props, restartPolicy: 'Never', spreadMatchLabelKeys: ['batch.kubernetes.io/controller-uid'] }),
          },
        },
      },
    });
  }
}
