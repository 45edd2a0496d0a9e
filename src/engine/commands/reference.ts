/**
 * The command reference in docs/commands.md, generated from the registry so the docs can never drift from what the
 * engine accepts (a test compares the committed file with this).
 */
import { describeIssuers } from '../lifecycle/authority';
import { REGISTRY, COMMAND_TYPES } from './registry';

export const REFERENCE_START = '<!-- generated: command reference (npm run docs) -->';
export const REFERENCE_END = '<!-- end of generated command reference -->';

export function commandReference(): string {
  const rows = COMMAND_TYPES.map((type) => {
    const d = REGISTRY[type];
    const states = [...new Set(d.accepted.map((a) => a.in))].map((s) => `\`${s}\``).join(', ');
    return `| \`${type}\` | ${d.fields} | ${d.summary} | ${describeIssuers(d.who)} | ${states} |`;
  });
  return [
    REFERENCE_START,
    '| `type` | fields | what it does | who may issue it in a team drill | accepted in |',
    '|---|---|---|---|---|',
    ...rows,
    REFERENCE_END,
  ].join('\n');
}
