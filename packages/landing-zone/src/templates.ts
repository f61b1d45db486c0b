import Handlebars from 'handlebars';
import { packageFile } from './package-files.js';

// An isolated Handlebars environment: no HTML escaping (the output is Bicep and Markdown), and a
// missing field fails the render instead of leaving a hole in a template.
const handlebars = Handlebars.create();
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Renders `templates/<name>` with `data`. */
export function renderTemplate(name: string, data: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = handlebars.compile(packageFile(`templates/${name}`), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(data);
}
