/**
 * The rubric: the team's incident policy (what each severity means, how fast to acknowledge, respond, update and
 * mitigate, which roles to fill) and how a run is graded, as data. The default (scenarios/rubrics/default.json)
 * follows the incident management module; a team can supply its own. The game's deadlines and the grader both read
 * the rubric a run is played under, so the policy is stated once.
 */
import type { z } from 'zod';
import { lazySchema, type Zod } from '../lazy-schema';
import { problemAt, readJsonDocument, schemaProblems } from '../scenario/document';
import { sortProblems } from '../scenario/load';
import type { Problem } from '../scenario/problems';

export const CATEGORIES = ['triage', 'command', 'communication', 'resolution', 'verification', 'learning'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  triage: 'Triage',
  command: 'Command',
  communication: 'Communication',
  resolution: 'Diagnosis and resolution',
  verification: 'Verification',
  learning: 'Learning',
};

/** Every check the graders know, by category. A rubric sets how many points each is worth (0 turns it off). */
export const CHECKS = {
  triage: ['acknowledge-on-time', 'severity-correct', 'severity-on-time', 'redeclared-on-change'],
  command: ['commander-before-diagnosis', 'commander-delegates', 'roles-assigned', 'escalation-follows-chain', 'changes-announced'],
  communication: ['first-update-on-time', 'cadence-kept', 'template-fields', 'stakeholders-answered', 'recovery-notified'],
  resolution: ['runbook-first-checks', 'red-herrings', 'right-fix', 'time-to-mitigate'],
  verification: ['checklist-before-resolve', 'not-premature', 'watched-for-regressions'],
  learning: ['postmortem-sections', 'action-items-owned', 'blameless', 'runbook-updated', 'alert-judged', 'alert-queue'],
} as const satisfies Record<Category, readonly string[]>;
export type CheckId = (typeof CHECKS)[Category][number];

/** Builds the rubric's schema when first used (see lazy-schema.ts). */
function buildRubricSchema(z: Zod) {
  const PerSeverity = z.strictObject({
    SEV1: z.number().positive().nullable(),
    SEV2: z.number().positive().nullable(),
    SEV3: z.number().positive().nullable(),
    SEV4: z.number().positive().nullable(),
  });

  const SeverityMeaning = z.strictObject({ definition: z.string().min(1), example: z.string().min(1) });

  const Points = z.number().min(0).max(100);
  const checkPoints = <C extends Category>(category: C) =>
    z.strictObject(Object.fromEntries(CHECKS[category].map((id) => [id, Points])) as Record<(typeof CHECKS)[C][number], typeof Points>);

  const RubricSchema = z.strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'ids use lowercase letters, digits and dashes' }),
    title: z.string().min(1),
    acknowledgeMinutes: PerSeverity.describe('Acknowledge the page within (null: no limit).'),
    responseMinutes: PerSeverity.describe('Severity table response time: declare, name a commander and send the first update within.'),
    updateCadenceMinutes: PerSeverity.describe('Longest gap between status updates while the incident is open.'),
    lateMultiple: z
      .number()
      .min(1.1)
      .max(10)
      .default(3)
      .describe('Timed expectations earn full credit within their target and none at this multiple of it (3: nothing at three times the target), falling evenly between.'),
    mitigateMinutes: PerSeverity.describe('Mitigate within this many minutes of the page for full credit (half credit at twice as long).'),
    severityTable: z
      .strictObject({
        SEV1: SeverityMeaning,
        SEV2: SeverityMeaning,
        SEV3: SeverityMeaning,
        SEV4: SeverityMeaning,
      })
      .describe('What each severity means to this team, with an example: shown beside the severity choice.'),
    rolesExpected: z
      .strictObject({
        SEV1: z.array(z.enum(['communications', 'operations', 'scribe'])),
        SEV2: z.array(z.enum(['communications', 'operations', 'scribe'])),
        SEV3: z.array(z.enum(['communications', 'operations', 'scribe'])),
        SEV4: z.array(z.enum(['communications', 'operations', 'scribe'])),
      })
      .describe('Roles besides the commander a response of each severity should fill.'),
    weights: z.strictObject(Object.fromEntries(CATEGORIES.map((c) => [c, z.number().min(0)])) as Record<Category, z.ZodNumber>),
    points: z.strictObject({
      triage: checkPoints('triage'),
      command: checkPoints('command'),
      communication: checkPoints('communication'),
      resolution: checkPoints('resolution'),
      verification: checkPoints('verification'),
      learning: checkPoints('learning'),
    }),
    readiness: z
      .array(z.strictObject({ min: z.number().min(0).max(100), level: z.string().min(1), meaning: z.string().min(1) }))
      .min(1)
      .describe('Readiness levels from the overall score, highest first.'),
    mistakeCap: z
      .string()
      .min(1)
      .describe('The highest readiness level a run can reach when it shows a common mistake, a wrong severity or blaming language.'),
  });
  return RubricSchema;
}

export const RubricSchema = lazySchema(buildRubricSchema);
export type Rubric = z.output<typeof RubricSchema>;

export function loadRubric(text: string, file: string): { ok: true; value: Rubric } | { ok: false; problems: Problem[] } {
  const doc = readJsonDocument(file, text);
  const problems = [...doc.syntaxProblems];
  // Past a syntax error the structure is unreliable: report the syntax alone.
  if (doc.root && problems.length === 0) {
    const parsed = RubricSchema.safeParse(doc.value);
    if (!parsed.success) problems.push(...schemaProblems(doc, RubricSchema, parsed.error.issues));
    // Read the levels from the raw document so this is reported together with any schema problems.
    const raw = (doc.value as { readiness?: unknown }).readiness;
    const mins = Array.isArray(raw) ? raw.map((l) => (typeof l === 'object' && l !== null ? (l as { min?: unknown }).min : undefined)) : [];
    mins.forEach((min, index) => {
      const previous = mins[index - 1];
      if (index > 0 && typeof min === 'number' && typeof previous === 'number' && min >= previous) {
        problems.push(problemAt(doc, ['readiness', index, 'min'], 'readiness levels must go from the highest minimum to the lowest'));
      }
    });
    const cap = (doc.value as { mistakeCap?: unknown }).mistakeCap;
    const levels = Array.isArray(raw) ? raw.map((l) => (typeof l === 'object' && l !== null ? (l as { level?: unknown }).level : undefined)) : [];
    if (typeof cap === 'string' && levels.length > 0 && !levels.includes(cap)) {
      problems.push(problemAt(doc, ['mistakeCap'], `"${cap}" is not one of the readiness levels (${levels.filter((l) => typeof l === 'string').map((l) => `"${l}"`).join(', ')})`));
    }
    const lastMin = mins[mins.length - 1];
    if (typeof lastMin === 'number' && lastMin !== 0) {
      problems.push(problemAt(doc, ['readiness', mins.length - 1, 'min'], 'the last readiness level must start at 0, so every score has a level'));
    }
    if (parsed.success && problems.length === 0) return { ok: true, value: parsed.data };
  }
  return { ok: false, problems: sortProblems(problems) };
}
