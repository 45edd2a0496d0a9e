/** The engine's public API. Pure TypeScript: no Phaser, no DOM, no wall clock, no Math.random. */
export { createRun, replay, ScriptError, SAVE_FORMAT_VERSION, type Run, type RunOptions, type SaveFile, type SendResult } from './run';
export { loadSave, type LoadedSave } from './save';
export { GameClock } from './clock';
export { compileScenario, missingImplementations, CompileError, phaseOf } from './machine';
export { loadScenario, scenarioHash, sortProblems, type LoadResult } from './scenario/load';
export { ScenarioSchema, SEVERITIES, ROLES, VERIFICATION_ITEMS, type Scenario, type Severity, type Role, type VerificationItem } from './scenario/schema';
export { formatProblem, ProblemsError, type Problem } from './scenario/problems';
export { CommandSchema, ScriptEntrySchema, ScriptSchema, FACILITATOR, type Command, type CommandInput, type ScriptEntry, type Postmortem } from './commands';
export { loadScript } from './script';
export { PHASE_LABELS, type GameEvent, type JournalEntry, type Phase } from './events';
export { buildView, describeEntry, describeJournal, GRAPH_WINDOW_MINUTES, type RunView, type ActionView, type ViewOptions } from './view';
export { parseStatusUpdate, statusUpdateTemplate, type ParsedStatusUpdate } from './status-update';
export { scenarioGraph } from './graph';
export { actionLabel, formatMinute, personName } from './names';
export { RESPONSE_MINUTES, ACKNOWLEDGE_MINUTES, commandsForPhase, type RunContext } from './rules';
export { loadRubric, RubricSchema, CATEGORIES, CATEGORY_LABELS, CHECKS, type Category, type Rubric } from './policy/rubric';
export { defaultRubric, DEFAULT_RUBRIC_FILE } from './policy/default-rubric';
export { policyView, severityPolicy, describeMinutes, type PolicyView, type SeverityPolicy } from './policy/policy';
