import { describe, expect, it } from 'vitest';
import defaultRubricJson from '../scenarios/rubrics/default.json' with { type: 'json' };
import { defaultRubric } from '../src/engine/policy/default-rubric';
import { RubricSchema } from '../src/engine/policy/rubric';

describe('the default rubric', () => {
  it('is used as its file states it: the file is valid and parsing it adds nothing (every default is written out)', () => {
    // defaultRubric() does not parse the file (see default-rubric.ts): this is what keeps that safe.
    expect(RubricSchema.parse(defaultRubricJson)).toEqual(defaultRubricJson);
    expect(defaultRubric()).toEqual(RubricSchema.parse(defaultRubricJson));
  });

  it('cannot be changed by a run that writes to it by mistake', () => {
    const rubric = defaultRubric();
    expect(() => {
      (rubric.acknowledgeMinutes as Record<string, number | null>).SEV1 = 99;
    }).toThrow(TypeError);
    expect(() => {
      (rubric as { lateMultiple: number }).lateMultiple = 9;
    }).toThrow(TypeError);
    expect(defaultRubric().acknowledgeMinutes.SEV1).toBe(defaultRubricJson.acknowledgeMinutes.SEV1);
  });
});
