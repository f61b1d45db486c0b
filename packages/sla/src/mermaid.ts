import type { BlockJson, ComponentUse, PathResult } from './model.js';

/**
 * A path as a mermaid `flowchart LR` reliability diagram: boxes in a chain must all be up, branches
 * side by side are alternatives. A resource shared by two branches is drawn once. Node declarations
 * come first (inside their subgraphs) and edges last, so no edge pulls a node into a subgraph.
 */
export function mermaidPath(path: PathResult, components: ReadonlyMap<string, ComponentUse>): string {
  const nodeIds = new Map<string, string>();
  const declarations: string[] = [];
  const edges: string[] = [];
  const edgeSet = new Set<string>();
  let groups = 0;

  const connect = (from: readonly string[], to: readonly string[]) => {
    for (const a of from) {
      for (const b of to) {
        const edge = `  ${a} --> ${b}`;
        if (!edgeSet.has(edge)) {
          edgeSet.add(edge);
          edges.push(edge);
        }
      }
    }
  };

  const declare = (block: BlockJson, indent: string): { heads: string[]; tails: string[] } => {
    if (block.kind === 'leaf') {
      let node = nodeIds.get(block.id);
      if (!node) {
        node = `c${nodeIds.size + 1}`;
        nodeIds.set(block.id, node);
        const c = components.get(block.id);
        const label = c ? `${c.label}<br/>${c.percent}` : block.id;
        declarations.push(`${indent}${node}["${escapeLabel(label)}"]`);
      }
      return { heads: [node], tails: [node] };
    }
    const grouped = block.kind === 'serial' && block.label !== undefined;
    const inner = grouped ? `${indent}  ` : indent;
    if (grouped) {
      groups += 1;
      declarations.push(`${indent}subgraph g${groups}["${escapeLabel(block.label!)}"]`);
    }
    const parts = block.children.map((child) => declare(child, inner));
    if (grouped) declarations.push(`${indent}end`);
    if (block.kind === 'parallel') return { heads: parts.flatMap((p) => p.heads), tails: parts.flatMap((p) => p.tails) };
    parts.slice(1).forEach((part, i) => connect(parts[i]!.tails, part.heads));
    return { heads: parts[0]?.heads ?? [], tails: parts[parts.length - 1]?.tails ?? [] };
  };

  const lines = ['flowchart LR', `  start(["${escapeLabel(path.start)}"])`];
  const { heads, tails } = declare(path.block, '  ');
  lines.push(...declarations, `  finish(["${escapeLabel(path.end)}"])`);
  connect(['start'], heads);
  connect(tails, ['finish']);
  lines.push(...edges);
  return lines.join('\n');
}

function escapeLabel(text: string): string {
  return text.replace(/"/g, '#quot;');
}
