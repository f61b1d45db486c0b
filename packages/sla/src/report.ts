import type { ClusterSpec } from '@aks-hybrid/spec';
import { Dec } from './decimal.js';
import { formatDuration, formatPercent, MONTH_SECONDS } from './format.js';
import { mermaidPath } from './mermaid.js';
import { computeSla, type ComponentUse, type PathResult, type SlaModel, GLOBAL_ROUTER_NOTE } from './model.js';
import type { PathId } from './paths.js';

/** Markdown for docs/<cluster>/sla.md: pure and deterministic (no clock, no disk). */
export function renderSlaReport(spec: ClusterSpec, fleet: readonly ClusterSpec[] = [spec]): string {
  return renderModel(computeSla(spec, fleet), spec.file);
}

const PATH_INTRO: Record<PathId, string> = {
  'control-plane': 'Can operators and pipelines change the cluster? They need the Kubernetes API server, and Entra ID to sign in.',
  workloads:
    'Can clients use the API and the workers? Requests need the ingress, the nodes that run the workloads, and the registry whenever a node pulls images.',
  hybrid: 'Can the workloads reach on-premises systems? They need their nodes and the link to on-premises.',
};

/** The markdown of a model; `specFile` is the repo-relative platform.yaml it came from. */
export function renderModel(model: SlaModel, specFile: string): string {
  const byId = new Map(model.components.map((c) => [c.id, c]));
  const out: string[] = [];
  const rows = [...model.paths, ...(model.fleet?.paths ?? [])];

  out.push(`# Availability of ${model.cluster}`, '');
  out.push(
    `The composite SLA of the \`${model.cluster}\` cluster (${model.environment}) of the service **${model.service}**, computed from its spec (\`${specFile}\`) and the published figure of each Azure component it relies on. [How it is computed](../sla-method.md).`,
    '',
  );
  out.push(
    '> An SLA is a promise of service credits, not measured availability. These figures say what Microsoft promises for this design, combined; they are the most you can promise your own stakeholders on the same terms. Figures are rounded down to ' +
      `${model.significantDigits} significant digits and downtimes rounded up, so nothing here is overstated.`,
    '',
  );

  out.push('## Summary', '');
  out.push('| Path | From → to | Composite SLA | Downtime allowed per 30-day month | Per 365-day year | Dominant component |');
  out.push('|---|---|---|---|---|---|');
  for (const p of rows) {
    const title = p.scope === 'fleet' ? `${p.title} (${model.fleet!.clusters.length} clusters)` : p.title;
    out.push(
      `| ${title} | ${p.start} → ${p.end} | **${p.percent}** | ${p.downtimePerMonth.text} | ${p.downtimePerYear.text} | ${dominantNames(p, byId) || '—'} |`,
    );
  }
  out.push('');

  out.push('## What in the spec moves these figures', '');
  const label = { lowers: 'Lowers the figures', excluded: 'Not counted', note: 'Note' } as const;
  for (const f of model.findings) out.push(`- **${label[f.effect]}** (${f.paths.map(pathName).join(', ')}): ${f.text}`);
  out.push('');

  model.paths.forEach((p, i) => out.push(...pathSection(model, p, `${i + 1}. ${p.title}`, byId)));

  if (model.fleet) {
    out.push('## The service across regions', '');
    out.push(
      `The repository defines ${model.fleet.clusters.length} clusters for **${model.service}**: ${model.fleet.clusters.map((c) => `\`${c}\``).join(', ')}. The service is down only when every cluster is, provided a global router sends clients to a healthy one. The kit deploys no global router (no Azure Front Door), so ${GLOBAL_ROUTER_NOTE} Each cluster's report shows this same section.`,
      '',
    );
    for (const p of model.fleet.paths) out.push(...pathSection(model, p, p.title, byId));
  }

  out.push('## What would help most', '');
  if (model.changes.length === 0) {
    out.push('No single change from the kit’s list applies to this design.', '');
  } else {
    out.push(
      `Each change below is applied alone to the current design and every path is computed again${model.fleet ? ' (workloads and hybrid at service level, across the clusters)' : ''}. Before → after:`,
      '',
    );
    out.push('| Change | Control plane | Workloads | Hybrid |', '|---|---|---|---|');
    for (const c of model.changes) {
      const cell = (path: PathId) => {
        const e = c.effects.find((x) => x.path === path)!;
        return Dec.parse(e.gain).isZero() ? `${e.afterPercent} (no change)` : `${e.beforePercent} → **${e.afterPercent}**`;
      };
      out.push(`| ${c.title} | ${cell('control-plane')} | ${cell('workloads')} | ${cell('hybrid')} |`);
    }
    out.push('');
    for (const c of model.changes) out.push(`- **${c.title}**: ${c.description}`);
    out.push('');
  }

  out.push('## Not on the runtime path', '');
  for (const n of model.notOnPath) out.push(`- **${n.name}** (${n.percent}, ${n.condition}): ${n.why}`);
  out.push('');

  out.push('## Assumptions', '');
  for (const a of model.assumptions) out.push(`- ${a}`);
  out.push('');

  out.push('## Sources of the figures', '');
  out.push(
    `Figures come from \`packages/sla/data/sla-figures.json\`, last read on ${model.figuresReadOn}. *Verified* means the figure and its condition were read in a Microsoft page or repository, or in a verbatim quotation of the SLA; the others rest on summaries and should be checked against the [current SLA](https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services).`,
    '',
  );
  out.push('| Component | Figure | Kind | Condition | Verified | Read on | Source |', '|---|---|---|---|---|---|---|');
  const seen = new Set<string>();
  for (const c of model.components) {
    const key = `${c.component}/${c.figureKey}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = c.kind === 'sla' ? 'SLA' : c.kind === 'slo' ? 'objective, no SLA' : 'from the spec';
    const figure = c.kind === 'input' ? c.percent : `${c.percent}`;
    const sources = c.sources.map((s) => `[${s.title}](${s.url})`).join('; ');
    out.push(
      `| ${c.componentName} | ${figure} | ${kind} | ${c.condition} | ${c.verified ? 'yes' : 'no'} | ${c.readOn} | ${sources}${c.note ? ` ${c.note}` : ''} |`,
    );
  }
  out.push('');
  return out.join('\n');
}

function pathSection(model: SlaModel, p: PathResult, heading: string, byId: ReadonlyMap<string, ComponentUse>): string[] {
  const out: string[] = [`## ${heading}`, ''];
  if (p.scope === 'cluster') out.push(PATH_INTRO[p.id], '');
  for (const note of p.notes) out.push(`- ${note}`);
  if (p.notes.length) out.push('');
  out.push('```mermaid', mermaidPath(p, byId), '```', '');
  out.push('Boxes in a chain must all be up; boxes side by side back each other up.', '');
  out.push(`**Composite SLA: ${p.percent}**, that is up to ${p.downtimePerMonth.text} of downtime per 30-day month, ${p.downtimePerYear.text} per year.`, '');
  if (p.dominant.componentIds.length > 0) {
    const gain = Dec.parse(p.dominant.gain);
    const names = p.dominant.componentIds.map((id) => `${displayName(byId.get(id)!, p)} (${byId.get(id)!.percent})`);
    const tied = names.length > 1 ? ` (tied: each of them, made perfect alone, would gain the same)` : '';
    out.push(
      `**Dominant component: ${names.join(', ')}**${tied}. Dominant means: if that component never failed, and nothing else changed, this path would gain the most, here ${formatPercent(gain)} points, or ${formatDuration(gain.mul(MONTH_SECONDS))} less downtime per month.`,
      '',
    );
  }
  if (p.scope === 'cluster') {
    const best = model.bestChanges.find((b) => b.path === p.id)!;
    const change = best.changeId ? model.changes.find((c) => c.id === best.changeId)! : undefined;
    if (change) {
      const e = change.effects.find((x) => x.path === p.id)!;
      const level = model.fleet && p.id !== 'control-plane' ? ' (service level, across the clusters)' : '';
      out.push(`**Best single change: ${change.title}.** ${e.beforePercent} → ${e.afterPercent}${level}. ${change.description}`, '');
    } else {
      out.push('**Best single change:** none of the changes the kit weighs improves this path.', '');
    }
  }
  out.push('| Component | Figure | Condition of the figure | Chosen because |', '|---|---|---|---|');
  for (const id of p.componentIds) {
    const c = byId.get(id)!;
    const kind = c.kind === 'slo' ? ' (objective, not an SLA)' : c.kind === 'input' ? ' (from the spec)' : '';
    out.push(`| ${displayName(c, p)} | ${c.percent}${kind} | ${c.condition} | ${c.why} |`);
  }
  out.push('');
  return out;
}

function dominantNames(p: PathResult, byId: ReadonlyMap<string, ComponentUse>): string {
  return p.dominant.componentIds.map((id) => displayName(byId.get(id)!, p)).join(', ');
}

/** On a fleet path, per-cluster resources are named with their cluster (two clusters both have a "System pool system"). */
function displayName(c: ComponentUse, p: PathResult): string {
  return p.scope === 'fleet' && c.cluster ? `${c.label} (${c.cluster})` : c.label;
}

function pathName(id: PathId): string {
  return id === 'control-plane' ? 'control plane' : id;
}
