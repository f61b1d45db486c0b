/** Options of `nx g team-remove` (schema.json). */
export interface TeamRemoveGeneratorSchema {
  /** Team to offboard. */
  name: string;
  /** Cluster folder under apps/; optional when there is one cluster. */
  cluster?: string;
  /** Create offboard/<name> and commit what this run changed. */
  commit?: boolean;
  /** Write the runbook to docs/offboarding/<cluster>-<name>.md. */
  runbook?: boolean;
}
