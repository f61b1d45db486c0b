import { fieldToChange } from './field-diff.js';
import type { Change, ClusterDiff, FieldChange, FileDelta, NodePoolChange, ObjectChange, ObjectRef, ObjectSummary, SlaPathChange } from './types.js';

/** GitHub rejects issue and PR comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Lists longer than this are folded into `<details>`, so the comment opens on the summary. */
const FOLD_AFTER = 10;
/** Field changes shown inline for an object whose kind has no summary. */
const INLINE_FIELDS = 8;
/** Values longer than this are cut with an ellipsis (JSON blobs); set members (RBAC rules, CIDR lists) get more room. */
const MAX_VALUE = 300;
const MAX_MEMBER = 1000;

export interface MarkdownOptions {
  /** Upper bound on the result's length; the default fits a GitHub comment. */
  readonly maxLength?: number;
}

/**
 * A PR comment: one section per cluster, opening with a one-line summary, then the objects, the
 * landing zone, the SLA and the other files. Over `maxLength` it first drops the per-object detail
 * (facts of added objects, field lists), then cuts whole lines, closing what it opened, and says so.
 */
export function formatDiffMarkdown(diffs: readonly ClusterDiff[], options: MarkdownOptions = {}): string {
  const limit = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const full = render(diffs, true);
  if (full.length <= limit) return full;
  const compact = render(diffs, false);
  const note = `\n> **Truncated** to fit a comment (the full diff has ${full.length} characters). Run \`kit diff --json\` for every detail.\n`;
  if (compact.length + note.length <= limit) return `${compact}${note}`;
  return cut(compact, limit - note.length - 64) + note;
}

/** The one-line summary of a cluster's change, as the comment and the terminal print it. */
export function summaryLine(diff: ClusterDiff): string {
  const { objects, bicep, files, sla } = diff;
  const parts = [
    `${count(objects.added.length, 'object')} added, ${objects.changed.length} changed, ${objects.removed.length} removed`,
    `${count(bicep.parameters.length, 'Bicep parameter')} changed`,
  ];
  const rebuilds = (bicep.impacts ?? []).length;
  if (rebuilds > 0) parts.push(`${count(rebuilds, 'change')} AKS cannot apply in place`);
  if ((diff.findings ?? []).length > 0) parts.push(`${count(diff.findings.length, 'policy finding')}`);
  if (bicep.templates.length > 0) parts.push(`${count(bicep.templates.length, 'template')} changed`);
  if (files.length > 0) parts.push(`${count(files.length, 'other file')} changed`);
  parts.push(
    sla.status === 'changed' ? `SLA changed on ${count(sla.paths.length, 'path')}` : sla.status === 'unchanged' ? 'SLA unchanged' : 'SLA not compared',
  );
  return parts.join('; ');
}

function render(diffs: readonly ClusterDiff[], detailed: boolean): string {
  const bases = [...new Set(diffs.map((d) => d.base))];
  const lines = [`## Desired-state change${bases.length === 1 ? ` against ${code(bases[0]!)}` : ''}`, ''];
  for (const diff of diffs) lines.push(...cluster(diff, detailed, bases.length > 1));
  return `${lines.join('\n').trimEnd()}\n`;
}

function cluster(diff: ClusterDiff, detailed: boolean, showBase: boolean): string[] {
  const state = diff.status === 'added' ? ' (new cluster)' : diff.status === 'removed' ? ' (cluster removed)' : '';
  const lines = [`### ${code(diff.cluster)}${state}${showBase ? ` against ${code(diff.base)}` : ''}`, ''];
  if (diff.status === 'unchanged') {
    lines.push(`No desired-state change for ${diff.cluster}.`, '');
    if (diff.sla.status === 'skipped') lines.push(`> SLA not compared: ${diff.sla.reason}`, '');
    lines.push(...notes(diff));
    return lines;
  }
  lines.push(`**${summaryLine(diff)}**`, '');
  lines.push(
    ...policySection(diff),
    ...objectsSection(diff, detailed),
    ...bicepSection(diff),
    ...slaSection(diff),
    ...filesSection(diff.files),
    ...notes(diff),
  );
  return lines;
}

function objectsSection(diff: ClusterDiff, detailed: boolean): string[] {
  const { added, removed, changed } = diff.objects;
  if (added.length + removed.length + changed.length === 0) return [];
  const lines = ['#### Kubernetes objects', ''];
  const group = <T extends ObjectRef>(title: string, list: readonly T[], item: (o: T) => string[]) => {
    if (list.length === 0) return;
    lines.push(`**${title} (${list.length})**`, '');
    lines.push(...fold(list.length, `objects ${title.toLowerCase()}`, byFile(list, item)));
  };
  group('Added', added, (o) => objectSummary(o, detailed));
  group('Changed', changed, (o) => changedObject(o, detailed));
  // Objects whose summary may leave fields out (more fields changed than facts): the rest, folded.
  const withSummary = changed.filter((o) => o.highlights.length > 0 && o.fields.length > o.highlights.length);
  if (detailed && withSummary.length > 0) {
    lines.push('<details><summary>Every field that changed in these objects</summary>', '');
    for (const o of withSummary) {
      lines.push(`- ${objectName(o, true)}`);
      for (const f of o.fields) lines.push(`  - ${fieldLine(f)}`);
    }
    lines.push('', '</details>', '');
  }
  group('Removed', removed, (o) => objectSummary(o, detailed));
  return lines;
}

/** Objects under the file that holds them, in the order of the files. */
function byFile<T extends ObjectRef>(list: readonly T[], item: (o: T) => string[]): string[] {
  const files = new Map<string, T[]>();
  for (const o of list) files.set(o.file, [...(files.get(o.file) ?? []), o]);
  return [...files].flatMap(([file, objects]) => [`- ${code(file)}`, ...objects.flatMap(item).map((line) => `  ${line}`)]);
}

function changedObject(o: ObjectChange, detailed: boolean): string[] {
  const lines = [`- ${objectName(o)}${o.movedFrom ? ` (moved from ${code(o.movedFrom)})` : ''}`];
  for (const c of o.highlights) lines.push(`  - ${changeLine(c)}`);
  if (o.highlights.length === 0) {
    const shown = detailed ? o.fields.slice(0, INLINE_FIELDS) : [];
    for (const f of shown) lines.push(`  - ${fieldLine(f)}`);
    const rest = o.fields.length - shown.length;
    if (rest > 0) lines.push(`  - ${shown.length > 0 ? 'and ' : ''}${count(rest, 'field')}${shown.length > 0 ? ' more' : ''} changed`);
  }
  return lines;
}

function objectSummary(o: ObjectSummary, detailed: boolean): string[] {
  const lines = [`- ${objectName(o)}`];
  if (!detailed) return lines;
  for (const f of o.facts) {
    if (typeof f.value === 'string') lines.push(`  - ${f.what}: ${code(clip(f.value))}`);
    else if (f.value.length <= 3) lines.push(`  - ${f.what}: ${f.value.map((v) => code(clip(v, MAX_MEMBER))).join(', ')}`);
    else lines.push(`  - ${f.what}:`, ...f.value.map((v) => `    - ${code(clip(v, MAX_MEMBER))}`));
  }
  return lines;
}

function bicepSection(diff: ClusterDiff): string[] {
  const { parameters, nodePools, templates, parametersFile } = diff.bicep;
  if (parameters.length + templates.length === 0) return [];
  const lines = [`#### Landing zone (Bicep)${parametersFile ? `: ${code(parametersFile)}` : ''}`, ''];
  // What AKS cannot apply in place comes first: a reviewer must not miss a pool rebuild or a refused deployment.
  for (const impact of diff.bicep.impacts ?? []) {
    lines.push(`> **${impact.summary}**: ${code(impact.what)}. ${impact.detail} ([source](${impact.source}))`, '>');
  }
  if (lines[lines.length - 1] === '>') lines.splice(lines.length - 1, 1, '');
  if (nodePools.length > 0) {
    lines.push('| Node pool | Parameter | VM size | Min | Max | Zones |', '| --- | --- | --- | --- | --- | --- |');
    for (const pool of nodePools) lines.push(poolRow(pool));
    lines.push('');
  }
  if (parameters.length > 0) {
    const items = parameters.flatMap((p) => {
      if (p.kind !== 'changed') return [`- ${code(p.name)} ${p.kind}: ${code(clip(p.changes[0]?.after ?? p.changes[0]?.before ?? ''))}`];
      if (p.changes.length === 1) return [`- ${changeLine(p.changes[0]!)}`];
      return [`- ${code(p.name)}:`, ...p.changes.map((c) => `  - ${changeLine(c)}`)];
    });
    lines.push(`**Parameters (${parameters.length} changed)**`, '', ...fold(items.length, 'parameter changes', items));
  }
  if (templates.length > 0) {
    const dir = parametersFile && !parametersFile.includes(',') ? parametersFile.slice(0, parametersFile.lastIndexOf('/') + 1) : '';
    const items = templates.map((t) => `- template ${t.kind}: ${code(dir && t.path.startsWith(dir) ? t.path.slice(dir.length) : t.path)} (${lineCounts(t)})`);
    lines.push('**Templates**', '', ...fold(items.length, 'templates', items));
  }
  return lines;
}

function poolRow(pool: NodePoolChange): string {
  const cell = (key: 'vmSize' | 'minCount' | 'maxCount' | 'zones') => {
    const a = pool.before?.[key];
    const b = pool.after?.[key];
    if (a === undefined) return escapeCell(b ?? '');
    if (b === undefined) return `~~${escapeCell(a)}~~`;
    return a === b ? escapeCell(a) : `${escapeCell(a)} → **${escapeCell(b)}**`;
  };
  const name = pool.kind === 'changed' ? pool.name : `${pool.name} (${pool.kind})`;
  return `| ${escapeCell(name)} | ${escapeCell(pool.parameter)} | ${cell('vmSize')} | ${cell('minCount')} | ${cell('maxCount')} | ${cell('zones')} |`;
}

/** Rules about the change itself (KIT-OFFBOARD-001): findings block the PR, waivers are shown with their reason. */
function policySection(diff: ClusterDiff): string[] {
  const findings = diff.findings ?? [];
  const waived = diff.waived ?? [];
  if (findings.length + waived.length === 0) return [];
  const lines = ['#### Policy', ''];
  for (const f of findings) {
    lines.push(`- **[${f.rule}]** ${code(f.object)} (${code(f.file)}): ${f.message}`);
    for (const e of f.evidence) lines.push(`  - ${e}`);
    lines.push(`  - fix: ${f.hint}`);
  }
  for (const w of waived) lines.push(`- [${w.rule}] ${code(w.object)} waived by ${code(w.exceptionFile)}, reason: ${w.reason}`);
  lines.push('');
  return lines;
}

function slaSection(diff: ClusterDiff): string[] {
  const { sla } = diff;
  if (sla.status === 'skipped') return ['#### SLA', '', `Not compared: ${sla.reason}`, ''];
  if (sla.status === 'unchanged') return [];
  const lines = ['#### SLA (composite, rounded down)', '', '| Path | Before | After | Allowed downtime per month |', '| --- | --- | --- | --- |'];
  for (const p of sla.paths) lines.push(slaRow(p));
  lines.push('');
  return lines;
}

function slaRow(p: SlaPathChange): string {
  const downtime =
    p.before && p.after ? `${p.before.downtimePerMonth} → ${p.after.downtimePerMonth} (${p.downtimeDelta})` : (p.after ?? p.before)!.downtimePerMonth;
  return `| ${escapeCell(p.title)} | ${p.before?.percent ?? '—'} | ${p.after?.percent ?? '—'} | ${escapeCell(downtime)} |`;
}

function filesSection(files: readonly FileDelta[]): string[] {
  if (files.length === 0) return [];
  const items = files.map((f) => `- ${code(f.path)} ${f.kind} (${lineCounts(f)})`);
  return ['#### Other generated files', '', ...fold(items.length, 'files', items)];
}

function notes(diff: ClusterDiff): string[] {
  return diff.notes.length === 0 ? [] : [...diff.notes.map((n) => `> ${n}`), ''];
}

/** Long lists open folded; the summary says what is inside. */
function fold(count: number, what: string, items: readonly string[]): string[] {
  if (count <= FOLD_AFTER) return [...items, ''];
  return [`<details><summary>${count} ${what}</summary>`, '', ...items, '', '</details>', ''];
}

function objectName(o: ObjectRef, withFile = false): string {
  const kind = code(kindLabel(o));
  // Objects without a name (kustomize indexes) are named by their file, which the heading shows.
  if (o.name === o.file) return withFile ? `${kind} ${code(o.file)}` : `${kind} (index)`;
  return `${kind} ${code(o.namespace ? `${o.namespace}/${o.name}` : o.name)}`;
}

/** Kinds that several APIs define (NetworkPolicy, Kustomization) say whose they are. */
function kindLabel(o: ObjectRef): string {
  if (/projectcalico\.org\//.test(o.apiVersion)) return `Calico ${o.kind}`;
  if (o.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/')) return `Flux ${o.kind}`;
  return o.kind;
}

function changeLine(c: Change): string {
  return `${changeText(c)}${c.impact ? ` — **${c.impact.summary}**` : ''}`;
}

function changeText(c: Change): string {
  if (c.added !== undefined || c.removed !== undefined) {
    const added = c.added ?? [];
    const removed = c.removed ?? [];
    if (added.length === 1 && removed.length === 1) return `${c.what}: ${code(clip(removed[0]!, MAX_MEMBER))} → ${code(clip(added[0]!, MAX_MEMBER))}`;
    const parts = [...added.map((m) => `+ ${code(clip(m, MAX_MEMBER))}`), ...removed.map((m) => `− ${code(clip(m, MAX_MEMBER))}`)];
    return `${c.what}: ${parts.join(', ')}`;
  }
  const before = c.before === undefined ? '(none)' : code(clip(c.before));
  const after = c.after === undefined ? '(none)' : code(clip(c.after));
  return `${c.what}: ${before} → ${after}`;
}

function fieldLine(f: FieldChange): string {
  return changeLine({ ...fieldToChange(f), what: code(f.path) });
}

function lineCounts(f: FileDelta): string {
  return `+${f.linesAdded} −${f.linesRemoved} lines`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function clip(text: string, max = MAX_VALUE): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** An inline code span that survives backticks in the text. */
function code(text: string): string {
  if (text === '') return '` `';
  if (!text.includes('`')) return `\`${text}\``;
  const fence = '`'.repeat(Math.max(...(text.match(/`+/g) ?? ['']).map((r) => r.length)) + 1);
  return `${fence} ${text} ${fence}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Whole lines up to `budget` characters, then the `<details>` blocks left open are closed. */
function cut(text: string, budget: number): string {
  const kept: string[] = [];
  let length = 0;
  let open = 0;
  for (const line of text.split('\n')) {
    if (length + line.length + 1 > budget) break;
    kept.push(line);
    length += line.length + 1;
    if (line.startsWith('<details>')) open++;
    if (line === '</details>') open--;
  }
  for (; open > 0; open--) kept.push('', '</details>');
  return `${kept.join('\n')}\n`;
}
