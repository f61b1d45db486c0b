import type { ClusterSpec } from '@aks-hybrid/spec';
import { renderLandingZone } from '../render-landing-zone.js';
import { deploy, type Deployment, type ResourceInstance, type Val } from './bicep-eval.js';
import { outline, type Outline } from './bicep-outline.js';

export interface RenderedLandingZone {
  readonly files: ReadonlyMap<string, string>;
  /** What main.bicep with main.bicepparam would deploy. */
  readonly deployment: Deployment;
  /** Resources to be created (not `existing` references) of a type, in declaration order. */
  resources(type: string): ResourceInstance[];
  /** The only created resource of a type that matches `where`. */
  one(type: string, where?: (r: ResourceInstance) => boolean): ResourceInstance;
  /** A value of main.bicepparam. */
  param(name: string): Val | undefined;
  outline(path: string): Outline;
}

export function renderFor(spec: ClusterSpec): RenderedLandingZone {
  const files = renderLandingZone(spec);
  const deployment = deploy(files);
  const resources = (type: string) => deployment.resources.filter((r) => r.type === type && !r.existing);
  return {
    files,
    deployment,
    resources,
    one(type, where = () => true) {
      const found = resources(type).filter(where);
      if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
      return found[0]!;
    },
    param: (name) => deployment.parameters.get(name),
    outline(path) {
      const text = files.get(path);
      if (text === undefined) throw new Error(`no ${path} in the rendered output`);
      return outline(text);
    },
  };
}

/** `body.a.b.c` of a deployed resource, or undefined. */
export function at(value: Val | undefined, path: string): Val | undefined {
  let current: Val | undefined = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || '$ref' in current || '$expr' in current) return undefined;
    current = (current as { [key: string]: Val })[key];
  }
  return current;
}

export const ZONES = ['1', '2', '3'];
