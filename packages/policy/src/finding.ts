/** One problem found in rendered output, whatever checked it. */
export interface Finding {
  /** Repo-relative file. */
  readonly file: string;
  /** The object inside the file, e.g. "Deployment payments/api" or a Bicep resource symbol. */
  readonly object?: string;
  /** Field path inside the object (JSON pointer for Kubernetes, dotted for Bicep). */
  readonly path?: string;
  readonly line?: number;
  readonly message: string;
  /** Which check: 'schema', 'kustomize-index', 'bicep-*', a policy rule ID, ... */
  readonly rule: string;
  /** What to do about it, when the check knows. */
  readonly hint?: string;
}
