import type { Scenario } from './scenario/schema';

/**
 * A Mermaid flowchart of a scenario: the lifecycle, the diagnosis and resolution actions with their prerequisites
 * and per-variant outcomes, and the injects. For authors to see the shape of what they wrote.
 */
export function scenarioGraph(scenario: Scenario): string {
  const lines: string[] = ['flowchart TD'];
  const q = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
  const node = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');
  lines.push(`  page[${q(`Page: ${scenario.page.title}`)}] --> ack([Acknowledge])`);
  lines.push('  ack --> sev([Declare severity]) --> ic([Name incident commander]) --> diag{{Diagnose}}');
  lines.push('  diag --> fix{{Mitigate}} --> verify([Verify recovery]) --> resolved([Resolved]) --> pm([Postmortem]) --> debrief([Debrief])');
  lines.push('  fix -. no effect .-> diag');
  for (const action of scenario.diagnosis) {
    const tag = action.redHerring ? ' (red herring)' : '';
    lines.push(`  diag --> ${node(`d_${action.id}`)}[${q(`${action.label}${tag}`)}]`);
    for (const req of action.requires) lines.push(`  ${node(`d_${req}`)} -.-> ${node(`d_${action.id}`)}`);
  }
  for (const action of scenario.resolution) {
    lines.push(`  fix --> ${node(`r_${action.id}`)}[${q(action.label)}]`);
    for (const req of action.requires) {
      const from = scenario.diagnosis.some((d) => d.id === req) ? `d_${req}` : `r_${req}`;
      lines.push(`  ${node(from)} -. unlocks .-> ${node(`r_${action.id}`)}`);
    }
  }
  for (const variant of scenario.variants) {
    lines.push(`  ${node(`v_${variant.id}`)}>${q(`Variant: ${variant.title}`)}] -. right fix .-> ${node(`r_${variant.rightFix}`)}`);
  }
  for (const inject of scenario.injects) {
    const when = inject.after ? `after ${inject.after.action}` : `minute ${typeof inject.at === 'number' ? inject.at : `${inject.at?.min}–${inject.at?.max}`}`;
    lines.push(`  ${node(`i_${inject.id}`)}[/${q(`Inject (${when}): ${inject.kind}`)}/]`);
    if (inject.after) {
      const from = scenario.diagnosis.some((d) => d.id === inject.after!.action) ? `d_${inject.after.action}` : `r_${inject.after.action}`;
      lines.push(`  ${node(from)} -.-> ${node(`i_${inject.id}`)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
