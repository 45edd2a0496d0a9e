import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rubricJsonSchema, scenarioJsonSchema } from '../src/cli/commands/schema';
import { ROOT, scenarioFiles } from './support/scenarios';

describe('generated JSON Schema', () => {
  it('should match the committed scenarios/schema/scenario.schema.json (run "npm run schema" when it is stale)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'scenarios/schema/scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it('should match the committed scenarios/schema/rubric.schema.json', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'scenarios/schema/rubric.schema.json'), 'utf8'));
    expect(committed).toEqual(rubricJsonSchema());
  });

  it('should keep defaulted fields optional for authors', () => {
    const schema = scenarioJsonSchema() as { required: string[]; properties: Record<string, { required?: string[] }> };
    expect(schema.required).not.toContain('injects');
    expect(schema.required).not.toContain('durationMinutes');
    expect(schema.required).toContain('title');
  });

  it('should be named by every shipped scenario in "$schema"', () => {
    for (const file of scenarioFiles()) {
      const json = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      expect(json.$schema, file).toBe('./schema/scenario.schema.json');
    }
  });
});
