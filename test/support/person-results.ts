/** PersonDrillResult rows for the export tests: a plausible default, overridden field by field. */
import { CATEGORIES, type Category } from '../../src/engine/policy/rubric';
import type { PersonDrillResult } from '../../src/records/model';

export function personResult(overrides: Partial<PersonDrillResult> = {}): PersonDrillResult {
  const categories = Object.fromEntries(CATEGORIES.map((c, i) => [c, 60 + i * 5])) as Record<Category, number>;
  return {
    drillId: 'drill-1',
    kind: 'group',
    scenarioId: 'checkout-launch',
    scenarioTitle: 'Checkout launch outage',
    seed: '42',
    difficulty: 'standard',
    playedAt: '2026-03-02T14:05:00.000Z',
    teamId: 'team-payments',
    person: { id: 'p-ana', displayName: 'Ana' },
    responder: 'alex',
    responderName: 'Alex Rivera',
    roles: ['commander'],
    rolesSource: 'drill',
    rubricId: 'default',
    resultVersion: 1,
    overall: 82,
    level: 'Ready with support',
    categories,
    mistakes: [],
    credited: { triage: 10, command: 5.5 },
    deducted: { communication: 3 },
    drillPoints: { earned: 62, lost: 12.4 },
    ...overrides,
  };
}
