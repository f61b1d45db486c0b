import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runKeyedCode, storeKeyedCode, validatorCacheDir } from '@aks-hybrid/spec';
import type HandlebarsModule from 'handlebars';
import { packageFile } from './package-files.js';

type Handlebars = typeof HandlebarsModule;
type TemplateSpecification = ReturnType<Handlebars['precompile']>;

// No HTML escaping (the output is Bicep and Markdown), and a missing field fails the render instead of
// leaving a hole in a template. Both are compile options, so they are part of a precompiled template.
const COMPILE_OPTIONS = Object.freeze({ noEscape: true, strict: true });

const requireHere = createRequire(import.meta.url);
/** Handlebars' runtime alone: all a precompiled template needs (the compiler loads only on a cache miss). */
const runtime = (requireHere('handlebars/runtime') as Handlebars).create();
const HANDLEBARS_VERSION = (requireHere('handlebars/package.json') as { version: string }).version;
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Renders `templates/<name>` with `data`. */
export function renderTemplate(name: string, data: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = runtime.template(templateSpec(packageFile(`templates/${name}`)));
    compiled.set(name, template);
  }
  return template(data);
}

/**
 * Hash of everything a precompiled template depends on: the template's text, the compile options and
 * the Handlebars version (the runtime refuses a template of another compiler revision).
 */
export function templateCacheKey(source: string): string {
  return createHash('sha256')
    .update(`handlebars ${HANDLEBARS_VERSION}\n${JSON.stringify(COMPILE_OPTIONS)}\n${source}`)
    .digest('hex');
}

/**
 * The precompiled form of `source`: stored in the git-ignored node_modules/.cache/aks-hybrid-kit/templates/
 * by its content key (the full key is the file's first line, checked before the code runs), otherwise
 * precompiled and stored for the next process. Compiling the README template took 60-70 ms of every
 * render, most of it warming Handlebars' parser and compiler (docs/decisions/0010).
 */
export function templateSpec(source: string, cacheDir = validatorCacheDir('templates')): TemplateSpecification {
  if (!cacheDir) return precompile(source);
  const key = templateCacheKey(source);
  const file = join(cacheDir, `${key.slice(0, 16)}.cjs`);
  const stored: unknown = runKeyedCode(file, key, requireHere);
  if (isTemplateSpec(stored)) return stored;
  const code = precompileCode(source);
  storeKeyedCode(file, key, `module.exports = ${code};`);
  return evaluate(code);
}

function precompileCode(source: string): string {
  // A copy: Handlebars adds its defaults to the options object it is given (which would change the key).
  return String((requireHere('handlebars') as Handlebars).precompile(source, { ...COMPILE_OPTIONS }));
}

function precompile(source: string): TemplateSpecification {
  return evaluate(precompileCode(source));
}

/** A precompiled template is a JavaScript object literal holding functions: evaluated as an expression. */
function evaluate(code: string): TemplateSpecification {
  return new Function(`return ${code};`)() as TemplateSpecification;
}

function isTemplateSpec(value: unknown): value is TemplateSpecification {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { compiler?: unknown }).compiler) &&
    typeof (value as { main?: unknown }).main === 'function'
  );
}
