/** One preflight finding. */
export interface PreflightCheck {
  /** `kubernetes`, or `pool <name>`. */
  readonly subject: string;
  /** Short name of the check: `version offered`, `size offered`, `zones`, `ephemeral OS disk`, `size shape`. */
  readonly check: string;
  readonly status: 'ok' | 'warning' | 'error';
  readonly message: string;
  readonly fix?: string;
}

export interface PreflightReport {
  readonly cluster: string;
  readonly subscriptionId: string;
  readonly location: string;
  /** False when any check is an error; warnings do not fail preflight. */
  readonly ok: boolean;
  readonly checks: readonly PreflightCheck[];
}
