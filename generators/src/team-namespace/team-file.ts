import { Document } from 'yaml';
import { SPEC_API_VERSION } from '@aks-hybrid/spec';
import type { NormalizedOptions } from './normalize-options.js';

/** The team spec, built as a YAML document (never by string templating) with the editor schema hint. */
export function renderTeamFile(options: NormalizedOptions): string {
  const spec: Record<string, unknown> = {
    groupObjectId: options.groupObjectId,
    ...(options.readOnlyGroupObjectId ? { readOnlyGroupObjectId: options.readOnlyGroupObjectId } : {}),
    nodePool: options.nodePool,
    quota: { cpu: options.cpu, memory: options.memory, storage: options.storage, pods: options.pods },
    workloads: [],
  };
  const doc = new Document({
    apiVersion: SPEC_API_VERSION,
    kind: 'Team',
    metadata: {
      name: options.name,
      ...(options.description ? { description: options.description } : {}),
      ...(options.contact ? { contact: options.contact } : {}),
    },
    spec,
  });
  doc.commentBefore = ' yaml-language-server: $schema=../../../packages/spec/schemas/team.schema.json';
  if (options.groupDisplayName) {
    const node = doc.getIn(['spec', 'groupObjectId'], true) as { comment?: string } | undefined;
    if (node) node.comment = ` ${options.groupDisplayName}`;
  }
  return doc.toString({ lineWidth: 0 });
}
