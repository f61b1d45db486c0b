export interface TeamNamespaceGeneratorSchema {
  name: string;
  cluster?: string;
  groupObjectId?: string;
  group?: string;
  readOnlyGroupObjectId?: string;
  nodePool?: string;
  cpu?: string;
  memory?: string;
  storage?: string;
  pods?: number;
  description?: string;
  contact?: string;
  commit?: boolean;
}
