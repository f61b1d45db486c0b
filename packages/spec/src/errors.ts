/** One problem in the spec, precise enough to fix without reading the kit's code. */
export interface SpecIssue {
  /** Repo-relative file, e.g. apps/weu-prod/platform.yaml. */
  readonly file: string;
  /** Dotted field path inside the file, e.g. spec.network.subnets.gateway. */
  readonly path: string;
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
  /** 1-based position of the field in the file, when known. */
  readonly line?: number;
  readonly column?: number;
}

export function formatIssue(issue: SpecIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  const field = issue.path ? ` ${issue.path}:` : '';
  return `${where}${field} ${issue.message}${issue.hint ? `; ${issue.hint}` : ''}`;
}

/** Thrown when a spec fails its checks. Nothing has been written when it is thrown. */
export class SpecError extends Error {
  constructor(readonly issues: readonly SpecIssue[]) {
    super(
      `The spec has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was written:\n` + issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'SpecError';
  }
}
