import { toBicepLiteral } from './bicep-literal.js';
import type { ParameterSection } from './parameters.js';

/** main.bicepparam: `using` main.bicep, then one `param name = <literal>` per value, by section. */
export function renderBicepParam(sections: readonly ParameterSection[]): string {
  const blocks = sections.map(
    (section) => `// ${section.title}\n${section.values.map(([name, value]) => `param ${name} = ${toBicepLiteral(value)}`).join('\n')}`,
  );
  return `using './main.bicep'\n\n${blocks.join('\n\n')}\n`;
}
