/** One problem found in a Bicep, .bicepparam or bicepconfig.json file. */
export interface BicepFinding {
  /** Repo-relative path, as given to validateBicepFiles. */
  file: string;
  /** 1-based line and column of the offending node, when known. */
  line?: number;
  column?: number;
  /** Resource (or module) symbol and type, e.g. `aks (Microsoft.ContainerService/managedClusters@2026-05-01)`. */
  object?: string;
  /** Property path inside the body, e.g. `properties.agentPoolProfiles[0].vmSize`. */
  path?: string;
  message: string;
  rule: BicepRule;
}

export type BicepRule = 'bicep-syntax' | 'bicep-type' | 'bicep-module' | 'bicep-param' | 'bicep-symbol';

/** 1-based source position. */
export interface Span {
  line: number;
  column: number;
}

/** A finding before it is attached to a file. */
export type RawFinding = Omit<BicepFinding, 'file'>;
