export { teamNamespaceGenerator, type GeneratorDependencies } from './team-namespace/generator.js';
export { OnboardingError } from './team-namespace/normalize-options.js';
export type { TeamNamespaceGeneratorSchema } from './team-namespace/schema.js';
export { teamRemoveGenerator, type TeamRemoveDependencies } from './team-remove/generator.js';
export { OffboardingError } from './team-remove/offboard-options.js';
export type { TeamRemoveGeneratorSchema } from './team-remove/schema.js';
export { teamSourceGenerator, type TeamSourceDependencies } from './team-source/generator.js';
export { TeamSourceError } from './team-source/source-options.js';
export type { TeamSourceGeneratorSchema } from './team-source/schema.js';
