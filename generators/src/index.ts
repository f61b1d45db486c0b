export { teamNamespaceGenerator, type GeneratorDependencies } from './team-namespace/generator.js';
export { OnboardingError } from './team-namespace/normalize-options.js';
export type { TeamNamespaceGeneratorSchema } from './team-namespace/schema.js';
