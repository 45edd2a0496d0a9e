/**
 * Every command, collected. The command union, the journal's script shape, the machine's transitions, what a seat
 * may do now, the refusals, the random test player and docs/commands.md all read this one record. A command type
 * whose definition lacks a part does not compile: `defineCommand` requires every part, and the record is checked
 * against the union its own schemas make.
 */
import type { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { MAX_COMMANDS, MAX_MINUTE } from '../limits';
import { acknowledge } from './acknowledge';
import { announce } from './announce';
import { apply } from './apply';
import { assignRole } from './assign-role';
import { callTime } from './call-time';
import { customInject } from './custom-inject';
import { declareSeverity } from './declare-severity';
import type { CommandRules } from './define';
import { Id } from './define';
import { diagnose } from './diagnose';
import { escalate } from './escalate';
import { finish } from './finish';
import { fireInject } from './fire-inject';
import { handOff } from './hand-off';
import { holdInject } from './hold-inject';
import { observe } from './observe';
import { postmortem } from './postmortem';
import { rateAlert } from './rate-alert';
import { resolve } from './resolve';
import { respond } from './respond';
import { statusUpdate } from './status-update';
import { triageAlert } from './triage-alert';
import { updateRunbook } from './update-runbook';
import { verify } from './verify';
import { withThousands } from '../names';

export const CommandSchema = lazySchema((z) =>
  z.discriminatedUnion('type', [
    acknowledge.schema,
    declareSeverity.schema,
    assignRole.schema,
    handOff.schema,
    escalate.schema,
    diagnose.schema,
    apply.schema,
    announce.schema,
    statusUpdate.schema,
    respond.schema,
    verify.schema,
    resolve.schema,
    rateAlert.schema,
    triageAlert.schema,
    updateRunbook.schema,
    postmortem.schema,
    finish.schema,
    fireInject.schema,
    holdInject.schema,
    customInject.schema,
    observe.schema,
    callTime.schema,
  ]),
);
export type Command = z.output<typeof CommandSchema>;
export type CommandInput = z.input<typeof CommandSchema>;
export type CommandType = Command['type'];

/** One definition per command type, each typed by its own payload. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type CommandRegistry = { [T in CommandType]: CommandRules<CommandOf<T>> & { type: T } };

/** Keyed by type, in the order docs/commands.md lists them. */
export const COMMANDS = {
  acknowledge,
  'declare-severity': declareSeverity,
  'assign-role': assignRole,
  'hand-off': handOff,
  escalate,
  diagnose,
  apply,
  announce,
  'status-update': statusUpdate,
  respond,
  verify,
  resolve,
  'rate-alert': rateAlert,
  'triage-alert': triageAlert,
  'update-runbook': updateRunbook,
  postmortem,
  finish,
  'fire-inject': fireInject,
  'hold-inject': holdInject,
  'custom-inject': customInject,
  observe,
  'call-time': callTime,
} satisfies CommandRegistry;

/** The registry as a map over command types, so a command's definition is found with its exact payload type. */
export const REGISTRY: CommandRegistry = COMMANDS;

/** Every command type, in the registry's order (the schema's union lists them alike: a test keeps the two in step). */
export const COMMAND_TYPES: readonly CommandType[] = Object.keys(COMMANDS) as CommandType[];


/** One line of a command script, and the shape the journal stores for commands. */
export const ScriptEntrySchema = lazySchema((z) =>
  z.strictObject({
    at: z.number().min(0).max(MAX_MINUTE).describe('Game minute the command is issued.'),
    by: Id.describe('Responder id of whoever issues it, or "facilitator".'),
    command: CommandSchema,
  }),
);
export type ScriptEntry = z.output<typeof ScriptEntrySchema>;
export type ScriptEntryInput = z.input<typeof ScriptEntrySchema>;

export const ScriptSchema = lazySchema((z) => z.array(ScriptEntrySchema).max(MAX_COMMANDS, { error: `a script has at most ${withThousands(MAX_COMMANDS)} commands` }));

export const FACILITATOR = 'facilitator';

/** Whether a command is seen only by the facilitator (see `CommandRules.hidden`). */
export const seenOnlyByFacilitator = (command: Command): boolean => REGISTRY[command.type].hidden === true;
