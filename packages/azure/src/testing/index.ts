// Test helpers for packages that exercise the live checks (e.g. the CLI's verify command) against
// the loopback mock. Not part of the main entry point; exposing it needs a `./testing` export.
export { startMockAzure, seedFromSpec, type MockAzure, type Fault, type Route, type RecordedRequest, type ClusterRecord } from './arm-mock-server.js';
export { managedClusterJson, agentPoolsJson, kubernetesVersionsJson, resourceSkusJson, resourceSkuJson, groupsJson, type Json } from './arm-fixtures.js';
export { FakeTokenCredential, NoSignInCredential } from './test-credential.js';
export { mockOptions } from './mock-options.js';
export { useMockAzure, type MockAzureFixture, type UseMockAzureOptions } from './use-mock-azure.js';
export { installNetworkGuard, isLoopbackHost } from './network-guard.js';
export { landingZoneResourcesJson } from './landing-zone-fixtures.js';
