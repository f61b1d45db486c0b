import { Dec, formatDuration, type PathResult, type SlaModel } from '@aks-hybrid/sla';
import type { DiffContext, SlaDiff, SlaFigures, SlaPathChange, SlaPathFigures } from './types.js';

/** The figures of an SLA model that a change can move: each path of the cluster and of its fleet. */
export function slaFigures(model: SlaModel): SlaFigures {
  const figures = (scope: string, p: PathResult, title: string): SlaPathFigures => ({
    id: `${scope}:${p.id}`,
    title,
    availability: p.availability,
    percent: p.percent,
    downtimeSecondsPerMonth: p.downtimePerMonth.seconds,
    downtimePerMonth: p.downtimePerMonth.text,
  });
  return {
    paths: [
      ...model.paths.map((p) => figures('cluster', p, p.title)),
      ...(model.fleet?.paths ?? []).map((p) => figures('fleet', p, `${p.title} (fleet: ${model.fleet!.clusters.join(', ')})`)),
    ],
  };
}

/** Paths whose exact availability moved (or that exist on one side only), with the downtime delta. */
export function diffSla(before: DiffContext['slaBefore'], after: DiffContext['slaAfter']): SlaDiff {
  const skipped = [before, after].find((side): side is { skipped: string } => side !== undefined && 'skipped' in side);
  if (skipped) return { status: 'skipped', reason: skipped.skipped };
  if (before === undefined && after === undefined) return { status: 'skipped', reason: 'no SLA figures were computed' };
  const old = new Map((before as SlaFigures | undefined)?.paths.map((p) => [p.id, p]) ?? []);
  const now = new Map((after as SlaFigures | undefined)?.paths.map((p) => [p.id, p]) ?? []);
  const ids = [...old.keys(), ...[...now.keys()].filter((id) => !old.has(id))];
  const paths: SlaPathChange[] = [];
  for (const id of ids) {
    const a = old.get(id);
    const b = now.get(id);
    if (a && b && Dec.parse(a.availability).eq(Dec.parse(b.availability))) continue;
    paths.push({
      id,
      title: (b ?? a)!.title,
      ...(a ? { before: a } : {}),
      ...(b ? { after: b } : {}),
      ...(a && b ? { downtimeDelta: signedDuration(Dec.parse(b.downtimeSecondsPerMonth).sub(Dec.parse(a.downtimeSecondsPerMonth))) } : {}),
    });
  }
  return paths.length === 0 ? { status: 'unchanged' } : { status: 'changed', paths };
}

/** `+4 min 19 s` (more downtime allowed: a weaker promise) or `-13 s`. */
function signedDuration(seconds: Dec): string {
  if (seconds.isZero()) return '0 s';
  const negative = seconds.isNegative();
  return `${negative ? '-' : '+'}${formatDuration(negative ? seconds.mul(Dec.of(-1n)) : seconds)}`;
}
