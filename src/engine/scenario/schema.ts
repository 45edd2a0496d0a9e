/**
 * The scenario format, defined once. Scenario files are written by people who are not programmers, so every
 * object is strict (a misspelt field is an error, not silently ignored) and every field carries a description
 * that editors show through the generated JSON Schema.
 */
import type { z } from 'zod';
import { lazySchema, type Zod } from '../lazy-schema';
import { MAX_ID_CHARS } from '../limits';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ROLES = ['commander', 'communications', 'operations', 'scribe'] as const;
export type Role = (typeof ROLES)[number];
/** Each role in words, as every screen and export names it. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = { commander: 'Incident commander', communications: 'Communications', operations: 'Operations', scribe: 'Scribe' };

export const VERIFICATION_ITEMS = ['fix-deployed', 'metrics-normal', 'logs-stable', 'stakeholders-notified'] as const;
export type VerificationItem = (typeof VERIFICATION_ITEMS)[number];

export const EFFECT_KINDS = ['fixes', 'mitigates', 'worsens', 'none'] as const;
export const INJECT_KINDS = ['message', 'support-surge', 'alert', 'metric', 'dependency'] as const;
export const DEPENDENCY_STATUSES = ['operational', 'degraded', 'outage'] as const;

/** A day: no drill runs longer, so larger numbers are mistakes. */
const DAY = 1440;

/** Builds the format's schemas, once, when first used (see lazy-schema.ts). */
function buildSchemas(z: Zod) {
  const Id = z
    .string()
    .max(MAX_ID_CHARS, { error: `ids are at most ${MAX_ID_CHARS} characters` })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'ids use lowercase letters, digits and dashes, like "check-deploys" or "alex"' })
    .describe('An identifier: lowercase letters, digits and dashes.');

  const Text = z.string().min(1, { error: 'must not be empty' });


  const Span = z.union([
    z.number().min(0).max(DAY),
    z
      .strictObject({
        min: z.number().min(0).max(DAY).describe('Shortest, in game minutes.'),
        max: z.number().min(0).max(DAY).describe('Longest, in game minutes.'),
      })
      .describe('A range: the run draws a value from the seed.'),
  ]);

  const variantOverrides = <T extends z.ZodType>(shape: T) =>
    z
      .record(Id, shape)
      .optional()
      .describe('Per seeded variant (keyed by variant id): what differs from the default in that variant.');

  /** When a deploy went out: up to ten days before the page, and no later than a day after. */
  const DeployMinute = z.number().min(-10 * DAY).max(DAY);

  /** A dashboard value: bounded, so no arithmetic on it can overflow into Infinity or NaN on a player's screen. */
  const MetricValue = z.number().min(-1e9).max(1e9);

  const Metric = z.strictObject({
    id: Id,
    label: Text.describe('What the graph is titled, e.g. "Checkout error rate".'),
    unit: z.string().default('').describe('Unit shown after values, e.g. "%" or "ms".'),
    baseline: MetricValue.describe('The healthy value.'),
    noise: z.number().min(0).max(1e9).default(0).describe('How much the line wobbles around its value (same unit).'),
    threshold: MetricValue.optional().describe('The alerting threshold, drawn as a line.'),
    incident: MetricValue.describe('The value when the incident is at full impact (impact level 1).'),
    byVariant: variantOverrides(z.strictObject({ incident: MetricValue })),
  });

  const Dashboard = z.strictObject({
    id: Id,
    title: Text,
    metrics: z.array(Metric).min(1, { error: 'a dashboard needs at least one metric' }),
  });

  const LogExcerpt = z.strictObject({
    id: Id,
    component: Id.describe('The component that wrote these lines.'),
    lines: z.array(Text).min(1),
    byVariant: variantOverrides(z.strictObject({ lines: z.array(Text).min(1) })),
  });

  const Deploy = z.strictObject({
    id: Id,
    component: Id,
    version: Text,
    minute: DeployMinute.describe('When it went out, in game minutes; negative means before the page.'),
    description: Text,
    byVariant: variantOverrides(z.strictObject({ minute: DeployMinute.optional(), description: Text.optional() })),
  });

  const ExternalDependency = z.strictObject({
    id: Id,
    name: Text,
    status: z.enum(DEPENDENCY_STATUSES).default('operational'),
    byVariant: variantOverrides(z.strictObject({ status: z.enum(DEPENDENCY_STATUSES) })),
  });

  const Service = z.strictObject({
    name: Text,
    description: z.string().optional(),
    components: z
      .array(
        z.strictObject({
          id: Id,
          name: Text,
          dependsOn: z.array(Id).default([]).describe('Ids of components or external dependencies it calls.'),
        }),
      )
      .min(1),
    dashboards: z.array(Dashboard).min(1),
    logs: z.array(LogExcerpt).default([]),
    deploys: z.array(Deploy).default([]),
    dependencies: z.array(ExternalDependency).default([]).describe('External services and their status.'),
  });

  const Page = z.strictObject({
    title: Text.describe('The alert title as the pager shows it.'),
    context: Text.describe('What the alert says, ideally the value against its threshold.'),
    runbook: Id.nullable().describe('Id of the linked runbook, or null when the alert links none.'),
    dashboard: Id.nullable().describe('Id of the linked dashboard, or null when the alert links none.'),
  });

  const SeverityChange = z.strictObject({
    at: Span.describe('Game minute the impact changes.'),
    to: z.enum(SEVERITIES).describe('The true severity from then on.'),
    impact: z.number().min(0).max(10).describe('The impact level from then on (1 is the initial full impact).'),
    unlessMitigated: z.boolean().default(true).describe('Skip this change when a fix or mitigation has landed.'),
    reason: Text.describe('What changed, in words the journal shows.'),
  });

  const SeveritySpec = z.strictObject({
    true: z.enum(SEVERITIES).describe('The severity a good responder declares.'),
    acceptable: z.array(z.enum(SEVERITIES)).default([]).describe('Other declarations that are also fine.'),
    changes: z.array(SeverityChange).default([]).describe('How the impact grows or shrinks over time.'),
  });

  const Impact = z.strictObject({
    onset: z.number().min(-DAY).max(0).default(-5).describe('Game minute the impact began, before the page (which fires at 0); by default 5 minutes before, so dashboards already show it.'),
    description: Text.describe('Who or what is affected, as the postmortem would say it.'),
  });

  const Responder = z.strictObject({
    id: Id,
    name: Text,
    title: Text.describe('Their job, e.g. "Backend engineer" or "Engineering manager".'),
    skills: z.array(Id).default([]).describe('What they can do, matched against actions\' skills.'),
    present: z.boolean().default(false).describe('In the incident from the start (the paged on-call always is).'),
    joinMinutes: z.number().min(0).max(DAY).default(5).describe('Minutes from being paged to joining.'),
  });

  const Stakeholder = z.strictObject({
    id: Id,
    name: Text,
    title: Text,
  });

  const Roster = z.strictObject({
    responders: z.array(Responder).min(1),
    onCall: z.strictObject({
      primary: Id.describe('The responder who is paged: the player in solo play.'),
      secondary: Id,
    }),
    escalation: z.array(Id).default([]).describe('Escalation chain in order, e.g. team lead then engineering manager.'),
    specialists: z
      .array(z.strictObject({ team: Text, responder: Id }))
      .default([])
      .describe('Specialist teams that can be paged, e.g. the DBA team.'),
    stakeholders: z.array(Stakeholder).default([]),
  });

  const DiagnosisOverride = z.strictObject({
    finding: Text.optional(),
    hint: Text.optional(),
    log: Id.optional(),
    redHerring: z.boolean().optional(),
  });

  const Diagnosis = z.strictObject({
    id: Id,
    label: Text,
    minutes: Span.describe('Game minutes it takes.'),
    skills: z.array(Id).default([]).describe('Anyone with one of these skills may do it; empty means anyone.'),
    requires: z.array(Id).default([]).describe('Ids of actions that must be completed first.'),
    finding: Text.describe('What it reveals: what a responder would observe, never what to do next.'),
    hint: Text.optional().describe('Guidance that follows from the finding (what to do next), shown only on Guided difficulty.'),
    log: Id.optional().describe('Id of a log excerpt it shows the player.'),
    redHerring: z.boolean().default(false).describe('It leads away from the cause.'),
    byVariant: variantOverrides(DiagnosisOverride),
  });

  const Effect = z.strictObject({
    kind: z.enum(EFFECT_KINDS),
    after: z.number().min(0).max(DAY).default(0).describe('Minutes after the action completes until the effect shows.'),
    level: z.number().min(0).max(10).optional().describe('mitigates: the impact level it leaves (default 0.25); worsens: how much it adds to the impact (default 0.5).'),
  });

  const Resolution = z.strictObject({
    id: Id,
    label: Text,
    minutes: Span,
    skills: z.array(Id).default([]),
    requires: z.array(Id).default([]),
    effect: Effect,
    byVariant: variantOverrides(z.strictObject({ effect: Effect })),
  });

  const InjectTrigger = z.strictObject({
    action: Id.describe('When this action completes…'),
    delay: z.number().min(0).max(DAY).default(0).describe('…this many minutes later.'),
  });

  const Inject = z.strictObject({
    id: Id,
    kind: z.enum(INJECT_KINDS),
    at: Span.optional().describe('Game minute it fires. Give either "at" or "after".'),
    after: InjectTrigger.optional(),
    from: Id.optional().describe('Stakeholder or responder id who sends it.'),
    message: Text,
    respondWithin: z.number().min(0).max(DAY).optional().describe('It needs an answer within this many minutes.'),
    impact: z.number().min(0).max(10).optional().describe('For metric injects: the impact level it sets.'),
    dependency: z
      .strictObject({ id: Id, status: z.enum(DEPENDENCY_STATUSES) })
      .optional()
      .describe('For dependency injects: the new status of an external dependency.'),
    byVariant: variantOverrides(
      z.strictObject({ at: Span.optional(), message: Text.optional(), skip: z.boolean().optional() }),
    ),
  });

  const Variant = z.strictObject({
    id: Id,
    title: Text,
    weight: z.number().positive().max(1000).default(1).describe('Relative chance the seed draws this variant.'),
    rootCause: Text,
    contributingFactors: z.array(Text).default([]),
    rightFix: Id.describe('The resolution action that fixes this variant.'),
    keyDiagnosis: z.array(Id).min(1).describe('Diagnosis actions a good responder takes in this variant.'),
    runbookGap: z.string().optional().describe('What the runbook lacked in this variant (overrides grading.runbookGap).'),
  });

  const Runbook = z.strictObject({
    id: Id,
    title: Text,
    detection: z.array(Text).min(1),
    diagnosis: z.array(Text).min(1),
    resolution: z.array(Text).min(1),
    escalation: z.array(Text).min(1),
  });

  const QueuedAlert = z.strictObject({
    id: Id,
    title: Text.describe('The alert title as the pager shows it.'),
    context: z.string().describe('What the alert says (may be vague: that is what is being judged).'),
    runbook: z.string().nullable().default(null).describe('The runbook it links, or null.'),
    dashboard: z.string().nullable().default(null).describe('The dashboard it links, or null.'),
    actionable: z.boolean().describe('True when it deserves to page someone; false when it is noise.'),
    why: Text.describe('Why, shown in the debrief.'),
  });

  const Grading = z.strictObject({
    verification: z
      .array(z.enum(VERIFICATION_ITEMS))
      .default([...VERIFICATION_ITEMS])
      .describe('Resolution checklist items that apply.'),
    notify: z.array(Id).default([]).describe('Stakeholders who must be kept informed.'),
    alertQuality: z.enum(['good', 'bad']).optional().describe('How the page rates as an alert, when it is graded.'),
    runbookGap: z.string().optional().describe('What the runbook lacked, when the incident shows a gap.'),
    mitigateWithinMinutes: z
      .number()
      .positive()
      .max(DAY)
      .optional()
      .describe('Minutes from the page within which mitigation earns full credit here, when this incident cannot be mitigated within the rubric’s target for its severity (firedrill check says so).'),
  });

  const ScenarioSchema = z
    .strictObject({
      $schema: z.string().optional(),
      formatVersion: z.literal(1),
      id: Id,
      title: Text,
      summary: Text,
      briefing: Text.describe('What the player reads before the page fires.'),
      difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
      estimatedMinutes: z.number().int().positive().max(600).describe('Real minutes a player needs at normal speed.'),
      topics: z.array(Id).min(1),
      sources: z.array(z.url()).default([]).describe('Public postmortems the scenario is built on.'),
      durationMinutes: z.number().positive().max(DAY).default(180).describe('Game minutes before the drill ends by itself.'),
      service: Service,
      page: Page,
      severity: SeveritySpec,
      impact: Impact,
      roster: Roster,
      diagnosis: z.array(Diagnosis).min(1),
      resolution: z.array(Resolution).min(1),
      injects: z.array(Inject).default([]),
      variants: z.array(Variant).min(1),
      runbooks: z.array(Runbook).default([]),
      alertQueue: z.array(QueuedAlert).default([]).describe('Other alerts of the shift for the player to sort into actionable and noise.'),
      announceExample: Text.optional().describe('The example shown in the announce field ("Change: …"): a change in this incident, naming its own service or components. Without one, the example names the first component.'),
      grading: Grading,
    })
    .describe('A Firedrill incident scenario.');

  return { Span, Effect, ScenarioSchema };
}

const schemas = (() => {
  let built: ReturnType<typeof buildSchemas> | undefined;
  return (z: Zod) => (built ??= buildSchemas(z));
})();

/** A duration or moment in game minutes, either fixed or drawn from the seed within a range. */
export const Span = lazySchema((z) => schemas(z).Span);
export type Span = z.infer<typeof Span>;
export const ScenarioSchema = lazySchema((z) => schemas(z).ScenarioSchema);

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Diagnosis = Scenario['diagnosis'][number];
export type Resolution = Scenario['resolution'][number];
export type Inject = Scenario['injects'][number];
export type Variant = Scenario['variants'][number];
export type Responder = Scenario['roster']['responders'][number];
export type Metric = Scenario['service']['dashboards'][number]['metrics'][number];
export type Effect = z.output<ReturnType<typeof buildSchemas>['Effect']>;
