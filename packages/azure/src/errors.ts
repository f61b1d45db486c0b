/** What went wrong talking to Azure, in the terms a user acts on. */
export type AzureCheckErrorKind =
  | 'no-credential'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'throttled'
  | 'server'
  | 'timeout'
  | 'network'
  | 'malformed'
  /** The kit's own settings are wrong (e.g. KIT_AZURE_TIMEOUT_MS). */
  | 'configuration';

export interface AzureCheckErrorInit {
  readonly kind: AzureCheckErrorKind;
  readonly message: string;
  /** What to do about it, one or two sentences. */
  readonly fix: string;
  /** HTTP status, when the service answered. */
  readonly status?: number;
  /** The service's error code, e.g. `AuthorizationFailed`, `ResourceGroupNotFound`. */
  readonly code?: string;
  /** HTTP attempts made, retries included, when known. */
  readonly attempts?: number;
  readonly cause?: unknown;
}

/** A live check could not be completed. Exit code 2. */
export class AzureCheckError extends Error {
  readonly kind: AzureCheckErrorKind;
  readonly fix: string;
  readonly status?: number;
  readonly code?: string;
  readonly attempts?: number;

  constructor(init: AzureCheckErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AzureCheckError';
    this.kind = init.kind;
    this.fix = init.fix;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.attempts !== undefined) this.attempts = init.attempts;
  }
}

/** One Entra ID group that matched a display name. */
export interface GroupCandidate {
  readonly id: string;
  readonly displayName: string;
  readonly description?: string;
  readonly mail?: string;
}

/** A display name matched no group, or more than one. Exit code 2. */
export class GroupLookupError extends Error {
  readonly reason: 'unknown' | 'ambiguous';
  readonly displayName: string;
  readonly candidates: readonly GroupCandidate[];
  readonly fix: string;

  constructor(reason: 'unknown' | 'ambiguous', displayName: string, candidates: readonly GroupCandidate[]) {
    const listed = candidates.map((c) => `  - ${c.id}  ${c.displayName}${c.description ? ` (${c.description})` : ''}`).join('\n');
    super(reason === 'unknown' ? `no Entra ID group is named "${displayName}"` : `${candidates.length} Entra ID groups are named "${displayName}":\n${listed}`);
    this.name = 'GroupLookupError';
    this.reason = reason;
    this.displayName = displayName;
    this.candidates = candidates;
    this.fix =
      reason === 'unknown'
        ? 'check the spelling (the match is on the full display name), or pass --groupObjectId <object id> from the Entra admin centre'
        : 'pass --groupObjectId with the object ID of the group you mean (listed above)';
  }
}
