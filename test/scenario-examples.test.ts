/**
 * The examples a scenario shows as hints (the announce field's "Change: …") must be about that scenario: naming
 * another scenario's service, components or people (a checkout API in an object storage outage) misleads the player.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/engine/index';
import { announceExample } from '../src/web/panels/examples';
import { loadValid } from './support/scenarios';

const files = readdirSync(join(import.meta.dirname, '..', 'scenarios')).filter((n) => n.endsWith('.json'));
const scenarios = files.map((name) => loadValid(`scenarios/${name}`));

/** What names a scenario's own things: its service, its components (ids and names) and its people (ids and names). */
function ownNames(scenario: Scenario): Set<string> {
  const names = [
    scenario.service.name,
    ...scenario.service.components.flatMap((c) => [c.id, c.name]),
    ...scenario.roster.responders.flatMap((r) => [r.id, r.name]),
    ...scenario.roster.stakeholders.flatMap((s) => [s.id, s.name]),
    ...scenario.roster.specialists.map((s) => s.team),
  ];
  return new Set(names.map((n) => n.toLowerCase()));
}

/** Every example a scenario shows. */
function examples(scenario: Scenario): string[] {
  return [announceExample(scenario)];
}

describe("every scenario's examples are about that scenario", () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('%s names none of the other scenarios’ services, components or people', (_id, scenario) => {
    const own = ownNames(scenario);
    // Names only other scenarios use. A name this one shares (a "web-storefront" in two shops), or one that is a word
    // of its own names ("storefront" in its "Web storefront"), is its own too.
    const foreign = new Set(
      scenarios
        .filter((s) => s !== scenario)
        .flatMap((s) => [...ownNames(s)])
        .filter((n) => ![...own].some((mine) => mine.includes(n))),
    );
    for (const example of examples(scenario)) {
      const text = example.toLowerCase();
      const named = [...foreign].filter((name) => new RegExp(`(^|[^a-z0-9-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9-])`).test(text));
      expect(named, `"${example}"`).toEqual([]);
      // And it says something about this incident: one of its own names.
      expect([...own].some((name) => text.includes(name)), `"${example}" names nothing of ${scenario.id}`).toBe(true);
    }
  });

  it('the object storage outage no longer shows the checkout example', () => {
    const s3 = scenarios.find((s) => s.id === 's3-playbook-typo')!;
    expect(announceExample(s3)).not.toMatch(/checkout/i);
  });
});
