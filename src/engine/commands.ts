/**
 * Player commands: the only way anything changes in a run. Every command says who issued it, so the same engine
 * serves solo play, group drills with one player per role, and a facilitator.
 */
import { z } from 'zod';
import { ROLES, SEVERITIES, VERIFICATION_ITEMS } from './scenario/schema';

const Id = z.string().min(1);
const PlayerText = z.string().max(20_000, { error: 'is too long (20,000 characters at most)' });

export const ActionItemSchema = z.strictObject({
  action: PlayerText,
  owner: PlayerText.default(''),
  priority: PlayerText.default(''),
  status: PlayerText.default(''),
});

export const PostmortemSchema = z.strictObject({
  summary: PlayerText.default(''),
  impact: PlayerText.default(''),
  timeline: PlayerText.default(''),
  rootCause: PlayerText.default(''),
  wentWell: PlayerText.default(''),
  needsImprovement: PlayerText.default(''),
  actionItems: z.array(ActionItemSchema).max(100).default([]),
});
export type Postmortem = z.output<typeof PostmortemSchema>;

export const CommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('acknowledge') }),
  z.strictObject({ type: z.literal('declare-severity'), severity: z.enum(SEVERITIES) }),
  z.strictObject({ type: z.literal('assign-role'), role: z.enum(ROLES), responder: Id }),
  z.strictObject({ type: z.literal('hand-off'), role: z.enum(ROLES), to: Id, notes: PlayerText.default('') }),
  z.strictObject({ type: z.literal('escalate'), to: Id }),
  z.strictObject({ type: z.literal('diagnose'), action: Id, performer: Id }),
  z.strictObject({ type: z.literal('apply'), action: Id, performer: Id }),
  z.strictObject({ type: z.literal('announce'), text: PlayerText }),
  z.strictObject({ type: z.literal('status-update'), text: PlayerText }),
  z.strictObject({ type: z.literal('respond'), inject: Id, text: PlayerText }),
  z.strictObject({ type: z.literal('verify'), item: z.enum(VERIFICATION_ITEMS) }),
  z.strictObject({ type: z.literal('resolve') }),
  z.strictObject({ type: z.literal('rate-alert'), quality: z.enum(['good', 'bad']), rewrite: PlayerText.default('') }),
  z.strictObject({ type: z.literal('update-runbook'), runbook: Id, text: PlayerText }),
  z.strictObject({ type: z.literal('triage-alert'), alert: Id, verdict: z.enum(['actionable', 'noise']), rewrite: PlayerText.default('') }),
  z.strictObject({ type: z.literal('postmortem'), document: PostmortemSchema }),
  z.strictObject({ type: z.literal('finish') }),
]);
export type Command = z.output<typeof CommandSchema>;
export type CommandInput = z.input<typeof CommandSchema>;
export type CommandType = Command['type'];

/** One line of a command script, and the shape the journal stores for commands. */
export const ScriptEntrySchema = z.strictObject({
  at: z.number().min(0).describe('Game minute the command is issued.'),
  by: Id.describe('Responder id of whoever issues it, or "facilitator".'),
  command: CommandSchema,
});
export type ScriptEntry = z.output<typeof ScriptEntrySchema>;
export type ScriptEntryInput = z.input<typeof ScriptEntrySchema>;

export const ScriptSchema = z.array(ScriptEntrySchema);

export const FACILITATOR = 'facilitator';
