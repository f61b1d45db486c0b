import { describe, expect, it } from 'vitest';
import { loadCluster } from '../load/load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith, issuesOfExampleWith } from '../testing/example.js';

const DEV = 'apps/weu-prod/teams/dev.yaml';
type Edit = [Array<string | number>, unknown];
/** A third dev workload (index 2) with these fields. */
const withWorkload = (workload: Record<string, unknown>, more: Edit[] = []) => ({ [DEV]: [[['spec', 'workloads', 2], workload] as Edit, ...more] });
const resources = { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } };
const image = 'acrcontosoweuprod.azurecr.io/dev/job:1.0.0';
const cron = (extra: Record<string, unknown> = {}) => ({ name: 'nightly', kind: 'CronJob', image, resources, cronJob: { schedule: '30 2 * * *', ...extra } });
const stateful = (extra: Record<string, unknown> = {}) => ({
  name: 'search',
  kind: 'StatefulSet',
  image,
  port: 9200,
  replicas: { min: 3, max: 3 },
  resources,
  volumeClaims: [{ name: 'data', size: '64Gi', mountPath: '/var/lib/search' }],
  ...extra,
});
const load = (edits: Parameters<typeof exampleWith>[0]) => loadCluster(exampleWith(edits), EXAMPLE_CLUSTER);
const workload = (edits: Parameters<typeof exampleWith>[0], name: string) =>
  load(edits)
    .teams.find((t) => t.name === 'dev')!
    .workloads.find((w) => w.name === name)!;

describe('workload kinds', () => {
  it('GIVEN the example THEN every workload is a Deployment with its secrets list', () => {
    for (const team of load({}).teams) for (const w of team.workloads) expect(w.kind).toBe('Deployment');
  });

  describe('CronJob', () => {
    it('GIVEN only a schedule THEN defaults: Forbid, history 3/1, a one-hour deadline, two retries, no ingress, no port', () => {
      const w = workload(withWorkload(cron()), 'nightly');
      expect(w.kind).toBe('CronJob');
      expect(w.cronJob).toEqual({
        schedule: '30 2 * * *',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        activeDeadlineSeconds: 3600,
        backoffLimit: 2,
      });
      expect(w.ingress).toBe(false);
      expect(w.port).toBe(0);
    });

    it('GIVEN no cronJob settings THEN refused at the workload', () => {
      const { cronJob: _, ...noSchedule } = cron();
      expect(issuesOfExampleWith(withWorkload(noSchedule))).toEqual([
        expect.objectContaining({ file: DEV, path: 'spec.workloads[2]', message: 'CronJob "nightly" has no cronJob settings' }),
      ]);
    });

    it.each([
      ['port', 8080],
      ['replicas', { min: 1, max: 2 }],
      ['autoscaling', { cpuUtilization: 70 }],
      ['ingress', true],
    ])('GIVEN %s on a CronJob THEN refused at that field', (field, value) => {
      const issues = issuesOfExampleWith(withWorkload({ ...cron(), [field]: value }));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: `spec.workloads[2].${field}` });
      expect(issues[0]!.line).toBeGreaterThan(0);
    });

    it('GIVEN a bad schedule THEN refused at cronJob.schedule with the field that is wrong', () => {
      const issues = issuesOfExampleWith(withWorkload(cron({ schedule: '0 25 * * *' })));
      expect(issues).toEqual([expect.objectContaining({ path: 'spec.workloads[2].cronJob.schedule', message: expect.stringContaining('hour "25"') })]);
    });

    it('GIVEN an unknown time zone THEN refused at cronJob.timeZone; a known one is kept', () => {
      expect(issuesOfExampleWith(withWorkload(cron({ timeZone: 'Europe/Atlantis' })))).toEqual([
        expect.objectContaining({ path: 'spec.workloads[2].cronJob.timeZone' }),
      ]);
      expect(workload(withWorkload(cron({ timeZone: 'Europe/Amsterdam' })), 'nightly').cronJob!.timeZone).toBe('Europe/Amsterdam');
    });

    it('GIVEN cronJob on a Deployment THEN refused', () => {
      expect(issuesOfExampleWith({ [DEV]: [[['spec', 'workloads', 0, 'cronJob'], { schedule: '@daily' }]] })).toEqual([
        expect.objectContaining({ path: 'spec.workloads[0].cronJob' }),
      ]);
    });
  });

  describe('StatefulSet', () => {
    it('GIVEN claims without a class THEN the platform default class, Retain on delete and scale-down, no HPA', () => {
      const w = workload(withWorkload(stateful()), 'search');
      expect(w.stateful).toEqual({
        volumeClaims: [{ name: 'data', size: '64Gi', mountPath: '/var/lib/search', storageClass: 'managed-csi-premium' }],
        retention: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        autoscaled: false,
      });
    });

    it('GIVEN no autoscaling and min != max THEN refused (nothing would move it between them); with autoscaling THEN accepted', () => {
      const range = { replicas: { min: 2, max: 4 } };
      expect(issuesOfExampleWith(withWorkload(stateful(range)))).toEqual([
        expect.objectContaining({ path: 'spec.workloads[2].replicas', message: expect.stringContaining('fixed number of replicas') }),
      ]);
      expect(workload(withWorkload(stateful({ ...range, autoscaling: { cpuUtilization: 70 } })), 'search').stateful!.autoscaled).toBe(true);
    });

    it('GIVEN no volumeClaims THEN refused; GIVEN claims on a Deployment THEN refused', () => {
      const { volumeClaims: _, ...noClaims } = stateful();
      expect(issuesOfExampleWith(withWorkload(noClaims))).toEqual([
        expect.objectContaining({ path: 'spec.workloads[2]', message: 'StatefulSet "search" has no volumeClaims' }),
      ]);
      expect(issuesOfExampleWith(withWorkload({ ...stateful(), kind: 'Deployment' }))).toEqual([
        expect.objectContaining({ path: 'spec.workloads[2].volumeClaims' }),
      ]);
    });

    it.each(['/tmp', '/mnt/secrets/db', '/mnt', '/'])('GIVEN a claim mounted at %s THEN refused: the kit mounts there', (mountPath) => {
      const issues = issuesOfExampleWith(withWorkload(stateful({ volumeClaims: [{ name: 'data', size: '1Gi', mountPath }] })));
      expect(issues).toEqual([expect.objectContaining({ path: 'spec.workloads[2].volumeClaims[0].mountPath' })]);
    });

    it('GIVEN no port or replicas THEN refused at the workload', () => {
      const { port: _, replicas: __, ...bare } = stateful();
      expect(issuesOfExampleWith(withWorkload(bare)).map((i) => i.message)).toEqual([
        'StatefulSet "search" has no port',
        'StatefulSet "search" has no replicas',
      ]);
    });
  });
});
