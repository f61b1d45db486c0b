export type { SchemaFinding, SchemaValidator, SchemaValidatorOptions, CompileStat, ResourceScope } from './types.js';
export { createSchemaValidator, objectLabel } from './validator.js';
export { chooseSchemaVersion, listVendoredVersions, type VersionChoice } from './schema-version.js';
export { parseYamlDocuments, type ParsedYaml, type YamlDocument, type YamlSyntaxError } from './yaml-documents.js';
