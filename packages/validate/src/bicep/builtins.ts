// Names the scope check accepts without a declaration: Bicep's built-in
// namespaces and functions (sys/az), and the decorators. Keep this list generous:
// a missing entry shows up as a false "unknown function" finding.

export const BUILTIN_NAMESPACES = new Set(['az', 'sys']);

export const BUILTIN_FUNCTIONS = new Set([
  // any / conversion
  'any', 'array', 'bool', 'int', 'json', 'string', 'float',
  // arrays and objects
  'concat', 'contains', 'empty', 'first', 'last', 'indexOf', 'lastIndexOf', 'intersection', 'union', 'length',
  'max', 'min', 'range', 'skip', 'take', 'flatten', 'items', 'objectKeys', 'shallowMerge', 'tryGet', 'tryIndex',
  'join', 'coalesce',
  // lambdas
  'filter', 'map', 'mapValue', 'reduce', 'sort', 'toObject', 'groupBy',
  // dates
  'dateTimeAdd', 'dateTimeFromEpoch', 'dateTimeToEpoch', 'utcNow',
  // deployment
  'deployment', 'environment', 'deployer', 'externalInput',
  // files
  'loadFileAsBase64', 'loadJsonContent', 'loadYamlContent', 'loadTextContent', 'loadDirectoryFileInfo',
  // logical / misc
  'fail', 'nameof', 'not', 'and', 'or', 'if', 'equals', 'greater', 'greaterOrEquals', 'less', 'lessOrEquals',
  // resources
  'extensionResourceId', 'getSecret', 'managementGroupResourceId', 'pickZones', 'providers', 'reference',
  'resourceId', 'subscriptionResourceId', 'tenantResourceId', 'toLogicalZone', 'toPhysicalZone', 'listKeys',
  'listSecrets', 'listAccountSas', 'listServiceSas', 'list',
  // scopes
  'managementGroup', 'resourceGroup', 'subscription', 'tenant',
  // strings
  'base64', 'base64ToJson', 'base64ToString', 'dataUri', 'dataUriToString', 'endsWith', 'format', 'guid',
  'newGuid', 'padLeft', 'replace', 'split', 'startsWith', 'substring', 'toLower', 'toUpper', 'trim',
  'uniqueString', 'uri', 'uriComponent', 'uriComponentToString', 'parseUri', 'buildUri',
  // numbers
  'add', 'sub', 'mul', 'div', 'mod',
  // CIDR
  'parseCidr', 'cidrSubnet', 'cidrHost',
  // .bicepparam only
  'readEnvironmentVariable', 'readCliArg',
]);

export const BUILTIN_DECORATORS = new Set([
  'description', 'metadata', 'minLength', 'maxLength', 'minValue', 'maxValue', 'allowed', 'secure', 'export',
  'sealed', 'discriminator', 'batchSize', 'onlyIfNotExists', 'retryOn', 'validate', 'assert',
]);

/** `listKeys`, `listCredentials(...)` etc. are open-ended resource functions. */
export function isBuiltinFunction(name: string): boolean {
  return BUILTIN_FUNCTIONS.has(name) || /^list[A-Z]/.test(name) || BUILTIN_DECORATORS.has(name);
}
