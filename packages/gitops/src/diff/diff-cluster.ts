import { changeImpactOf } from './azure-change-impact.js';
import { diffParameters } from './bicep-diff.js';
import { readBicepParameters } from './bicep-params.js';
import { diffValues } from './field-diff.js';
import { collectObjects, isYamlFile, type ParsedObject } from './k8s-objects.js';
import { countLineChanges } from './line-diff.js';
import { compareViews, viewFacts, viewOf } from './object-views.js';
import { removedTeamFindings } from './removed-teams.js';
import { diffSla } from './sla-diff.js';
import type { BicepDiff, ClusterDiff, DiffContext, FileDelta, ImpactNote, ObjectChange, ObjectsDiff, ObjectSummary, ParameterChange } from './types.js';

const isParamFile = (path: string) => path.endsWith('.bicepparam');
const isTemplate = (path: string) => path.endsWith('.bicep');

/**
 * The desired-state change of one cluster: `base` and `head` map repo-relative paths to content
 * (the committed files at the base ref, the render of the working tree). Pure: no git, no disk.
 * Kubernetes YAML is compared object by object, Bicep parameters value by value, templates and
 * other files by line counts; SLA figures come from the context.
 */
export function diffClusterOutputs(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>, context: DiffContext): ClusterDiff {
  const baseObjects = collectObjects(base);
  const headObjects = collectObjects(head);
  const objects = diffObjects(baseObjects.objects, headObjects.objects);

  // YAML that does not parse is still a change the reviewer must see: as a file.
  const unparsed = new Set([...baseObjects.unparsed, ...headObjects.unparsed]);
  const asFile = (path: string) =>
    (!isParamFile(path) || !context.bicepParameters?.has(path)) && !isTemplate(path) && (!isYamlFile(path) || unparsed.has(path));
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort();

  const paramFiles = paths.filter(isParamFile);
  const uncompared = paramFiles.filter((file) => base.get(file) !== head.get(file) && !context.bicepParameters?.has(file));
  const parameters = paramFiles.flatMap((file) => {
    const sides = context.bicepParameters?.get(file);
    if (!sides) return [];
    const { parameters: changes, nodePools } = diffParameters(sides.before, sides.after);
    const prefix = paramFiles.length > 1 ? `${file}: ` : '';
    return [{ changes: changes.map((c) => ({ ...c, name: `${prefix}${c.name}` })), nodePools }];
  });
  const impacts = withImpacts(
    parameters.flatMap((p) => p.changes),
    context.changeImpact ?? changeImpactOf,
  );
  const bicep: BicepDiff = {
    ...(paramFiles.length > 0 ? { parametersFile: paramFiles.join(', ') } : {}),
    parameters: impacts.parameters,
    nodePools: parameters.flatMap((p) => p.nodePools),
    templates: fileDeltas(base, head, paths.filter(isTemplate)),
    impacts: impacts.notes,
  };
  const files = fileDeltas(base, head, paths.filter(asFile));
  const sla = diffSla(context.slaBefore, context.slaAfter);

  const anything =
    objects.added.length + objects.removed.length + objects.changed.length + bicep.parameters.length + bicep.templates.length + files.length > 0 ||
    sla.status === 'changed';
  const status = base.size === 0 && head.size > 0 ? 'added' : head.size === 0 && base.size > 0 ? 'removed' : anything ? 'changed' : 'unchanged';
  // Rules about the change itself; a removed cluster has no spec left to declare an exception in.
  const policy =
    status === 'changed' ? removedTeamFindings(baseObjects.objects, headObjects.objects, context.policyExceptions ?? []) : { findings: [], waived: [] };
  return {
    cluster: context.cluster,
    base: context.base ?? 'base',
    status,
    objects,
    bicep,
    files,
    sla,
    notes: [
      ...(context.notes ?? []),
      ...[...unparsed].sort().map((f) => `${f} is not valid YAML; it is compared as a file.`),
      ...uncompared.map((f) => `${f} changed, but its parameters were not read by the Bicep compiler (use diffCluster): compared as a file.`),
    ],
    findings: policy.findings,
    waived: policy.waived,
  };
}

/**
 * diffClusterOutputs with the Bicep parameters read by the compiler (`bicep build-params` of each
 * side's main.bicepparam against that side's template): what `kit diff` runs.
 */
export async function diffCluster(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>, context: DiffContext): Promise<ClusterDiff> {
  const reading = await readBicepParameters(base, head);
  return diffClusterOutputs(base, head, { ...context, bicepParameters: reading.files, notes: [...(context.notes ?? []), ...reading.notes] });
}

/** Each changed field that AKS cannot apply in place carries its impact, and is listed once more for the section's warning. */
function withImpacts(
  parameters: readonly ParameterChange[],
  impactOf: NonNullable<DiffContext['changeImpact']>,
): { parameters: ParameterChange[]; notes: ImpactNote[] } {
  const notes: ImpactNote[] = [];
  const annotated = parameters.map((p) => {
    if (p.kind !== 'changed') return p;
    const changes = p.changes.map((c) => {
      const impact = impactOf(c.what);
      if (!impact) return c;
      notes.push({ what: c.what, ...impact });
      return { ...c, impact };
    });
    return { ...p, changes };
  });
  return { parameters: annotated, notes };
}

function diffObjects(base: ReadonlyMap<string, ParsedObject>, head: ReadonlyMap<string, ParsedObject>): ObjectsDiff {
  const byOrder = (a: ParsedObject, b: ParsedObject) => a.order - b.order;
  const summary = (o: ParsedObject): ObjectSummary => ({ ...o.ref, facts: viewFacts(viewOf(o.value)) });
  const added = [...head.values()]
    .filter((o) => !base.has(o.identity))
    .sort(byOrder)
    .map(summary);
  const removed = [...base.values()]
    .filter((o) => !head.has(o.identity))
    .sort(byOrder)
    .map(summary);
  const changed: ObjectChange[] = [];
  for (const now of [...head.values()].sort(byOrder)) {
    const old = base.get(now.identity);
    if (!old) continue;
    const fields = diffValues(old.value, now.value);
    // A move between files alone changes nothing in the cluster.
    if (fields.length === 0) continue;
    changed.push({
      ...now.ref,
      ...(old.ref.file !== now.ref.file ? { movedFrom: old.ref.file } : {}),
      highlights: compareViews(viewOf(old.value), viewOf(now.value)),
      fields,
    });
  }
  return { added, removed, changed };
}

function fileDeltas(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>, paths: readonly string[]): FileDelta[] {
  const deltas: FileDelta[] = [];
  for (const path of paths) {
    const a = base.get(path);
    const b = head.get(path);
    if (a === b) continue;
    const { added, removed } = countLineChanges(a ?? '', b ?? '');
    deltas.push({ path, kind: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed', linesAdded: added, linesRemoved: removed });
  }
  return deltas;
}
