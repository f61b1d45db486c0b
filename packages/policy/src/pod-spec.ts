import type { CelVariable } from './types.js';

/**
 * The pod spec of whatever a pod-spec rule matched: a Pod's own spec, a CronJob's job template's, or
 * the template of a Deployment, StatefulSet, DaemonSet or Job. The API server compiles admission
 * expressions with `object` as a dynamic type, so one policy can serve all of these kinds (its
 * status may show type-checking warnings for the branches that do not fit a kind; they are never
 * evaluated for it).
 */
export const POD_SPEC: CelVariable = {
  name: 'podSpec',
  expression: "object.kind == 'Pod' ? object.spec : (object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec)",
};

/** Containers and init containers (ephemeral containers come through a subresource no rule matches). */
export const CONTAINERS: CelVariable = {
  name: 'containers',
  expression: 'variables.podSpec.containers + (has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : [])',
};

/** `has(a.b.c.d)` written out for every level, since CEL's `has` tests only the last field. */
export function hasPath(base: string, path: readonly string[]): string {
  return path.map((_, i) => `has(${[base, ...path.slice(0, i + 1)].join('.')})`).join(' && ');
}
