export interface TeamNamespaceGeneratorSchema {
  name: string;
  cluster?: string;
  groupObjectId?: string;
  group?: string;
  readOnlyGroupObjectId?: string;
  nodePool?: string;
  /** A number when the Nx CLI parsed `--cpu 16`; a string for `500m`. */
  cpu?: string | number;
  /** A number (bytes) when given as `--memory 1073741824`; usually a string like `32Gi`. */
  memory?: string | number;
  storage?: string;
  pods?: number;
  description?: string;
  contact?: string;
  commit?: boolean;
}
