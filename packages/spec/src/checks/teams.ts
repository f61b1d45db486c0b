import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import { contains, isCidr, parseCidr } from '../net/cidr.js';
import { parseQuantity } from '../net/quantity.js';
import { reservedNameReason } from './reserved-names.js';
import type { CheckContext } from './context.js';

/** Team files: names, references into the platform spec, and internally consistent workloads. */
export function checkTeams(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const spec = ctx.platform.spec;
  const userPools = spec.cluster.userPools;
  const poolNames = userPools.map((p) => p.name);
  const classes = userPools.map((p) => p.workloadClass);
  const onPrem = spec.onPremises.ranges.map((t) => parseCidr(t)).filter(isCidr);
  // A broken on-premises range is reported by checkNetwork; containment is judged only on a complete set.
  const onPremComplete = onPrem.length === spec.onPremises.ranges.length;
  const externalNames = (spec.externalRanges ?? []).map((r) => r.name);
  const names = new Map<string, string>();

  for (const { parsed: file, team, fileName } of ctx.teams) {
    const name = team.metadata.name;
    const reserved = reservedNameReason(name);
    if (reserved)
      issues.push(issueAt(file, ['metadata', 'name'], `team name "${name}" is reserved: ${reserved}`, 'choose another name for the team namespace'));
    if (fileName !== `${name}.yaml`) {
      issues.push(issueAt(file, ['metadata', 'name'], `team "${name}" is in a file named ${fileName}`, `rename the file to ${name}.yaml or fix metadata.name`));
    }
    const previous = names.get(name);
    if (previous) issues.push(issueAt(file, ['metadata', 'name'], `team "${name}" is already defined in ${previous}`, 'each team is defined once per cluster'));
    names.set(name, file.file);

    const s = team.spec;
    if (!poolNames.includes(s.nodePool)) {
      const isSystem = s.nodePool === spec.cluster.systemPool.name;
      issues.push(
        issueAt(
          file,
          ['spec', 'nodePool'],
          `node pool "${s.nodePool}" ${isSystem ? 'is the system pool, which runs add-ons only' : 'does not exist'}`,
          `use one of the user pools: ${poolNames.join(', ')}`,
        ),
      );
    }
    if (s.readOnlyGroupObjectId && s.readOnlyGroupObjectId.toLowerCase() === s.groupObjectId.toLowerCase()) {
      issues.push(
        issueAt(
          file,
          ['spec', 'readOnlyGroupObjectId'],
          'the read-only group is the same as the team group',
          'use a separate group for read-only access or omit it',
        ),
      );
    }
    if (s.defaults) issues.push(...requestsWithinLimits(file, ['spec', 'defaults'], s.defaults.request, s.defaults.limit));

    (s.egress ?? []).forEach((rule, r) => {
      const base = ['spec', 'egress', r];
      const targets = [rule.cidrs?.length ? 1 : 0, rule.onPremises ? 1 : 0, rule.externalRange ? 1 : 0].reduce((a, b) => a + b, 0);
      if (targets !== 1)
        issues.push(issueAt(file, base, `egress rule "${rule.name}" must name exactly one destination`, 'set one of cidrs, onPremises: true or externalRange'));
      (rule.cidrs ?? []).forEach((text, i) => {
        const cidr = parseCidr(text);
        if (!isCidr(cidr)) return void issues.push(issueAt(file, [...base, 'cidrs', i], cidr.message, cidr.hint));
        if (onPremComplete && !onPrem.some((range) => contains(range, cidr))) {
          issues.push(
            issueAt(
              file,
              [...base, 'cidrs', i],
              `${text} is not inside the on-premises ranges (${spec.onPremises.ranges.join(', ')})`,
              'team egress may only reach on-premises subsets; other destinations go through spec.externalRanges',
            ),
          );
        }
      });
      if (rule.externalRange && !externalNames.includes(rule.externalRange)) {
        issues.push(
          issueAt(
            file,
            [...base, 'externalRange'],
            `external range "${rule.externalRange}" is not defined in the platform spec`,
            externalNames.length ? `use one of: ${externalNames.join(', ')}` : 'define it under spec.externalRanges in platform.yaml',
          ),
        );
      }
    });

    const workloadNames = new Set<string>();
    (s.workloads ?? []).forEach((w, i) => {
      const base = ['spec', 'workloads', i];
      if (workloadNames.has(w.name))
        issues.push(issueAt(file, [...base, 'name'], `workload "${w.name}" is defined twice`, 'workload names are unique within a team'));
      workloadNames.add(w.name);
      if (w.workloadClass && !classes.includes(w.workloadClass)) {
        issues.push(issueAt(file, [...base, 'workloadClass'], `workload class "${w.workloadClass}" has no node pool`, `use one of: ${classes.join(', ')}`));
      }
      if (w.replicas && w.replicas.min > w.replicas.max)
        issues.push(issueAt(file, [...base, 'replicas', 'min'], `min replicas ${w.replicas.min} is above max ${w.replicas.max}`, 'set min <= max'));
      issues.push(...requestsWithinLimits(file, [...base, 'resources'], w.resources.requests, w.resources.limits));
      if (w.autoscaling && w.autoscaling.cpuUtilization === undefined && w.autoscaling.memoryUtilization === undefined) {
        issues.push(
          issueAt(
            file,
            [...base, 'autoscaling'],
            'autoscaling names no target',
            'set cpuUtilization and/or memoryUtilization, or omit autoscaling for the 70% CPU default',
          ),
        );
      }
    });
  }
  return issues;
}

function requestsWithinLimits(
  file: CheckContext['platformFile'],
  base: Array<string | number>,
  requests: { cpu: string; memory: string },
  limits: { cpu: string; memory: string },
): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const resource of ['cpu', 'memory'] as const) {
    if (parseQuantity(requests[resource]) > parseQuantity(limits[resource])) {
      const req = base[base.length - 1] === 'defaults' ? 'request' : 'requests';
      issues.push(
        issueAt(
          file,
          [...base, req, resource],
          `${resource} request ${requests[resource]} is above the limit ${limits[resource]}`,
          'a request must not exceed its limit',
        ),
      );
    }
  }
  return issues;
}
