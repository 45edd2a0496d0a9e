/** Diagnosis and resolution actions start alike: a free, skilled performer, prerequisites done, once each. */
import type { ActionKind } from '../events';
import { findAction, findDiagnosis, findResolution, findResponder, type RunContext, type Step } from '../rules';
import type { Scenario } from '../scenario/schema';
import { responderReady } from './checks';
import { shorten } from '../limits';
import { didYouMean } from '../scenario/problems';
import type { Words } from './define';

interface ActionCommand {
  action: string;
  performer: string;
}

export function checkStartAction(kind: ActionKind, scenario: Scenario, ctx: RunContext, command: ActionCommand): string | null {
  const action = kind === 'diagnosis' ? findDiagnosis(scenario, command.action) : findResolution(scenario, command.action);
  if (!action) {
    const known = (kind === 'diagnosis' ? scenario.diagnosis : scenario.resolution).map((a) => a.id);
    return `there is no ${kind === 'diagnosis' ? 'diagnosis step' : 'resolution action'} "${shorten(command.action)}"${didYouMean(command.action, known)}`;
  }
  if (command.action in ctx.inProgress) return `"${action.label}" is already under way`;
  if (command.action in ctx.completed) return `"${action.label}" has already been done`;
  const missing = action.requires.filter((id) => !(id in ctx.completed));
  if (missing.length > 0) return `"${action.label}" needs ${missing.map((id) => `"${findAction(scenario, id)?.label ?? id}"`).join(' and ')} first`;
  const notReady = responderReady(scenario, ctx, command.performer, true);
  if (notReady) return notReady;
  const performer = findResponder(scenario, command.performer)!;
  if (action.skills.length > 0 && !action.skills.some((s) => performer.skills.includes(s))) {
    return `${performer.name} lacks the skills for "${action.label}" (needs ${action.skills.join(' or ')})`;
  }
  return null;
}

export function startAction(kind: ActionKind, step: Step, command: ActionCommand): void {
  const action = findAction(step.scenario, command.action)!;
  const until = step.now + step.span(action.minutes);
  step.ctx.inProgress = { ...step.ctx.inProgress, [action.id]: { performer: command.performer, until, kind } };
  step.ctx.busy = { ...step.ctx.busy, [command.performer]: action.id };
  step.emit({ type: 'action.started', action: action.id, kind, performer: command.performer, until });
  step.later({ type: 'action.done', action: action.id }, until, `action:${action.id}`);
}

export function describeStartAction(command: ActionCommand, words: Words, by: string): string {
  const what = lowerFirst(words.label(command.action));
  return command.performer === by ? `began to ${what}` : `asked ${words.name(command.performer)} to ${what}`;
}

export function actionSamples(scenario: Scenario, pick: <V>(items: readonly V[]) => V): ActionCommand {
  return {
    action: pick([...scenario.diagnosis.map((a) => a.id), ...scenario.resolution.map((a) => a.id), 'no-such-action']),
    performer: pick([...scenario.roster.responders.map((r) => r.id), 'nobody']),
  };
}

/** "Check recent deploys" → "check recent deploys", but "iOS Safari" stays as written after the first letter. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
