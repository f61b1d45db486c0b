import { diffParameters } from './bicep-diff.js';
import { diffValues } from './field-diff.js';
import { collectObjects, isYamlFile, type ParsedObject } from './k8s-objects.js';
import { countLineChanges } from './line-diff.js';
import { compareViews, viewFacts, viewOf } from './object-views.js';
import { diffSla } from './sla-diff.js';
import type { BicepDiff, ClusterDiff, DiffContext, FileDelta, ObjectChange, ObjectsDiff, ObjectSummary } from './types.js';

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
  const asFile = (path: string) => !isParamFile(path) && !isTemplate(path) && (!isYamlFile(path) || unparsed.has(path));
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort();

  const paramFiles = paths.filter(isParamFile);
  const parameters = paramFiles.flatMap((file) => {
    const { parameters: changes, nodePools } = diffParameters(base.get(file), head.get(file));
    const prefix = paramFiles.length > 1 ? `${file}: ` : '';
    return [{ changes: changes.map((c) => ({ ...c, name: `${prefix}${c.name}` })), nodePools }];
  });
  const bicep: BicepDiff = {
    ...(paramFiles.length > 0 ? { parametersFile: paramFiles.join(', ') } : {}),
    parameters: parameters.flatMap((p) => p.changes),
    nodePools: parameters.flatMap((p) => p.nodePools),
    templates: fileDeltas(base, head, paths.filter(isTemplate)),
  };
  const files = fileDeltas(base, head, paths.filter(asFile));
  const sla = diffSla(context.slaBefore, context.slaAfter);

  const anything =
    objects.added.length + objects.removed.length + objects.changed.length + bicep.parameters.length + bicep.templates.length + files.length > 0 ||
    sla.status === 'changed';
  const status = base.size === 0 && head.size > 0 ? 'added' : head.size === 0 && base.size > 0 ? 'removed' : anything ? 'changed' : 'unchanged';
  return {
    cluster: context.cluster,
    base: context.base ?? 'base',
    status,
    objects,
    bicep,
    files,
    sla,
    notes: [...(context.notes ?? []), ...[...unparsed].sort().map((f) => `${f} is not valid YAML; it is compared as a file.`)],
  };
}

function diffObjects(base: ReadonlyMap<string, ParsedObject>, head: ReadonlyMap<string, ParsedObject>): ObjectsDiff {
  const byOrder = (a: ParsedObject, b: ParsedObject) => a.order - b.order;
  const summary = (o: ParsedObject): ObjectSummary => ({ ...o.ref, facts: viewFacts(viewOf(o.value)) });
  const added = [...head.values()].filter((o) => !base.has(o.identity)).sort(byOrder).map(summary);
  const removed = [...base.values()].filter((o) => !head.has(o.identity)).sort(byOrder).map(summary);
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
