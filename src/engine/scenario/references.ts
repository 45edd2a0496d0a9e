/**
 * Cross-reference checks: every id a scenario names must exist, ids must be unique, and every action, inject and
 * variant must be reachable. They read the raw document defensively so they run even when the schema also failed,
 * and the author sees every problem in one pass.
 */
import { problemAt, type JsonDocument } from './document';
import { shorten } from '../limits';
import { didYouMean, type PathSegment, type Problem } from './problems';

type Obj = Record<string, unknown>;
type Entry = { item: Obj; path: PathSegment[] };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function entries(parent: unknown, parentPath: PathSegment[], key: string): Entry[] {
  const list = isObj(parent) ? parent[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => (isObj(item) ? [{ item, path: [...parentPath, key, index] }] : []));
}

function strings(parent: Obj, key: string): Array<{ value: string; index: number }> {
  const list = parent[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, index) => (typeof value === 'string' ? [{ value, index }] : []));
}

export function referenceProblems(doc: JsonDocument): Problem[] {
  const root = doc.value;
  if (!isObj(root)) return [];
  const problems: Problem[] = [];
  const report = (path: PathSegment[], message: string, atKey = false) => problems.push(problemAt(doc, path, message, atKey));

  /**
   * Registers the ids of one namespace, reporting duplicates. Returns null when the lists themselves are missing
   * (the schema already says so): checking references against nothing would only echo that one mistake.
   */
  const namespace = (label: string, groups: Entry[][], present: boolean): Set<string> | null => {
    const seen = new Map<string, PathSegment[]>();
    for (const group of groups) {
      for (const { item, path } of group) {
        const id = str(item.id);
        if (id === undefined || !VALID_ID.test(id)) continue;
        const first = seen.get(id);
        if (first) report([...path, 'id'], `duplicate ${label} id "${id}" (first used at ${describe(first)})`);
        else seen.set(id, path);
      }
    }
    return present ? new Set(seen.keys()) : null;
  };
  const mustExist = (ids: Set<string> | null, label: string, id: unknown, path: PathSegment[], atKey = false) => {
    if (ids !== null && typeof id === 'string' && VALID_ID.test(id) && !ids.has(id)) {
      // With no close match, list what there is (when that is short enough to read).
      const hint = didYouMean(id, ids) || (ids.size > 0 && ids.size <= 10 ? ` (known: ${[...ids].join(', ')})` : '');
      report(path, `unknown ${label} "${shorten(id)}"${hint}`, atKey);
    }
  };
  const listed = (parent: unknown, key: string) => isObj(parent) && Array.isArray(parent[key]);
  const idsOf = (group: Entry[], present: boolean) => (present ? new Set(group.map((e) => str(e.item.id)).filter((x): x is string => !!x)) : null);

  const service = isObj(root.service) ? root.service : {};
  const roster = isObj(root.roster) ? root.roster : {};
  const components = entries(service, ['service'], 'components');
  const dependencies = entries(service, ['service'], 'dependencies');
  const dashboards = entries(service, ['service'], 'dashboards');
  const metrics = dashboards.flatMap((d) => entries(d.item, d.path, 'metrics'));
  const logs = entries(service, ['service'], 'logs');
  const deploys = entries(service, ['service'], 'deploys');
  const responders = entries(roster, ['roster'], 'responders');
  const stakeholders = entries(roster, ['roster'], 'stakeholders');
  const diagnosis = entries(root, [], 'diagnosis');
  const resolution = entries(root, [], 'resolution');
  const injects = entries(root, [], 'injects');
  const variants = entries(root, [], 'variants');
  const runbooks = entries(root, [], 'runbooks');

  const hasComponents = listed(service, 'components');
  const systemIds = namespace('component or dependency', [components, dependencies], hasComponents);
  const componentIds = idsOf(components, hasComponents);
  const dependencyIds = idsOf(dependencies, true);
  const dashboardIds = namespace('dashboard', [dashboards], listed(service, 'dashboards'));
  namespace('metric', [metrics], true);
  namespace('log', [logs], true);
  namespace('deploy', [deploys], true);
  const hasResponders = listed(roster, 'responders');
  const peopleIds = namespace('person', [responders, stakeholders], hasResponders);
  const responderIds = idsOf(responders, hasResponders);
  const stakeholderIds = idsOf(stakeholders, isObj(root.roster));
  const hasActions = listed(root, 'diagnosis') && listed(root, 'resolution');
  const actionIds = namespace('action', [diagnosis, resolution], hasActions);
  const diagnosisIds = idsOf(diagnosis, listed(root, 'diagnosis'));
  const resolutionIds = idsOf(resolution, listed(root, 'resolution'));
  namespace('inject', [injects], true);
  const variantIds = namespace('variant', [variants], listed(root, 'variants'));
  const runbookIds = namespace('runbook', [runbooks], true);

  for (const { item, path } of components) {
    for (const { value, index } of strings(item, 'dependsOn')) {
      if (value === item.id) report([...path, 'dependsOn', index], `a component cannot depend on itself`);
      else mustExist(systemIds, 'component or dependency', value, [...path, 'dependsOn', index]);
    }
  }
  // A loop of components that depend on each other cannot be drawn or reasoned about.
  const dependsOn = new Map(components.map((c) => [str(c.item.id) ?? '', strings(c.item, 'dependsOn').map((d) => d.value)]));
  const reported = new Set<string>();
  for (const { item, path } of components) {
    const start = str(item.id);
    if (start === undefined || reported.has(start)) continue;
    const trail = findLoop(start, dependsOn);
    if (trail) {
      trail.forEach((id) => reported.add(id));
      report([...path, 'dependsOn'], `components depend on each other in a loop: ${trail.join(' → ')} → ${trail[0]}`);
    }
  }
  for (const { item, path } of [...logs, ...deploys]) mustExist(componentIds, 'component', item.component, [...path, 'component']);

  // Every byVariant key must name a variant.
  for (const { item, path } of [...metrics, ...logs, ...deploys, ...dependencies, ...diagnosis, ...resolution, ...injects]) {
    if (isObj(item.byVariant)) {
      for (const key of Object.keys(item.byVariant)) mustExist(variantIds, 'variant', key, [...path, 'byVariant', key], true);
    }
  }

  const page = isObj(root.page) ? root.page : undefined;
  if (page) {
    if (typeof page.runbook === 'string') mustExist(runbookIds, 'runbook', page.runbook, ['page', 'runbook']);
    if (typeof page.dashboard === 'string') mustExist(dashboardIds, 'dashboard', page.dashboard, ['page', 'dashboard']);
  }

  const onCall = isObj(roster.onCall) ? roster.onCall : undefined;
  if (onCall) {
    mustExist(responderIds, 'responder', onCall.primary, ['roster', 'onCall', 'primary']);
    mustExist(responderIds, 'responder', onCall.secondary, ['roster', 'onCall', 'secondary']);
    if (typeof onCall.primary === 'string' && onCall.primary === onCall.secondary) {
      report(['roster', 'onCall', 'secondary'], 'the secondary on-call must be someone other than the primary');
    }
  }
  const chain = isObj(roster) ? strings(roster, 'escalation') : [];
  for (const { value, index } of chain) {
    mustExist(responderIds, 'responder', value, ['roster', 'escalation', index]);
    if (chain.findIndex((c) => c.value === value) < index) report(['roster', 'escalation', index], `"${value}" is already in the escalation chain`);
  }
  for (const { item, path } of entries(roster, ['roster'], 'specialists')) {
    mustExist(responderIds, 'responder', item.responder, [...path, 'responder']);
  }

  // Spans: a range must not be upside down.
  const checkSpan = (value: unknown, path: PathSegment[]) => {
    if (isObj(value) && typeof value.min === 'number' && typeof value.max === 'number' && value.min > value.max) {
      report(path, `the range is upside down: min ${value.min} is more than max ${value.max}`);
    }
  };

  // Actions: references, then which of them can ever be done.
  const skillsOf = new Map<string, Set<string>>();
  for (const { item } of responders) {
    if (typeof item.id === 'string') skillsOf.set(item.id, new Set(strings(item, 'skills').map((s) => s.value)));
  }
  const allSkills = new Set([...skillsOf.values()].flatMap((s) => [...s]));
  const requiresOf = new Map<string, string[]>();
  const performable = new Set<string>();
  for (const { item, path } of [...diagnosis, ...resolution]) {
    checkSpan(item.minutes, [...path, 'minutes']);
    const id = str(item.id);
    const requires = strings(item, 'requires');
    for (const { value, index } of requires) {
      if (value === id) report([...path, 'requires', index], 'an action cannot require itself');
      else mustExist(actionIds, 'action', value, [...path, 'requires', index]);
    }
    const skills = strings(item, 'skills').map((s) => s.value);
    const someoneCan = !hasResponders || skills.length === 0 || skills.some((s) => allSkills.has(s));
    if (!someoneCan) {
      report([...path, 'skills'], skills.length === 1 ? `no responder has the skill "${skills[0]}": nobody can perform this action` : `no responder has any of the skills ${skills.map((s) => `"${s}"`).join(', ')}: nobody can perform this action`);
    }
    if (id !== undefined) {
      requiresOf.set(id, requires.map((r) => r.value));
      if (someoneCan) performable.add(id);
    }
  }
  const reachable = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, requires] of requiresOf) {
      if (!reachable.has(id) && performable.has(id) && requires.every((r) => reachable.has(r))) {
        reachable.add(id);
        changed = true;
      }
    }
  }
  for (const { item, path } of [...diagnosis, ...resolution]) {
    const id = str(item.id);
    if (id === undefined || reachable.has(id) || !performable.has(id)) continue;
    const requires = requiresOf.get(id) ?? [];
    if (actionIds !== null && requires.every((r) => actionIds.has(r) && r !== id)) {
      report([...path, 'requires'], `unreachable action "${id}": its requirements can never all be met (${requires.filter((r) => !reachable.has(r)).map((r) => `"${r}"`).join(', ')} never becomes possible)`);
    }
  }

  const logIds = new Set(logs.map((l) => str(l.item.id)).filter((x): x is string => !!x));
  for (const { item, path } of diagnosis) {
    if (item.log !== undefined) mustExist(logIds, 'log', item.log, [...path, 'log']);
    if (isObj(item.byVariant)) {
      for (const [key, override] of Object.entries(item.byVariant)) {
        if (isObj(override) && override.log !== undefined) mustExist(logIds, 'log', override.log, [...path, 'byVariant', key, 'log']);
      }
    }
  }

  const durationMinutes = typeof root.durationMinutes === 'number' ? root.durationMinutes : 180;
  for (const { item, path } of injects) {
    const hasAt = item.at !== undefined;
    const hasAfter = item.after !== undefined;
    if (hasAt === hasAfter) report(path, hasAt ? 'give either "at" or "after", not both' : 'needs "at" (a minute) or "after" (an action) to say when it fires');
    checkSpan(item.at, [...path, 'at']);
    const atValue = typeof item.at === 'number' ? item.at : isObj(item.at) && typeof item.at.min === 'number' ? item.at.min : undefined;
    if (atValue !== undefined && atValue >= durationMinutes) {
      report([...path, 'at'], `fires at minute ${atValue}, after the drill ends (durationMinutes is ${durationMinutes})`);
    }
    if (isObj(item.after)) {
      mustExist(actionIds, 'action', item.after.action, [...path, 'after', 'action']);
      if (typeof item.after.action === 'string' && actionIds?.has(item.after.action) && !reachable.has(item.after.action)) {
        report([...path, 'after', 'action'], `unreachable inject: action "${item.after.action}" can never be done`);
      }
    }
    if (item.from !== undefined) mustExist(peopleIds, 'person', item.from, [...path, 'from']);
    if (item.kind === 'metric' && item.impact === undefined) report(path, 'a metric inject needs "impact": the impact level it sets');
    if (item.kind === 'dependency' && item.dependency === undefined) report(path, 'a dependency inject needs "dependency": which one and its new status');
    if (isObj(item.dependency)) mustExist(dependencyIds, 'external dependency', item.dependency.id, [...path, 'dependency', 'id']);
    if (isObj(item.byVariant) && variants.length > 0) {
      const overrides = item.byVariant;
      const skippedEverywhere = variants.every(({ item: v }) => {
        const o = typeof v.id === 'string' ? overrides[v.id] : undefined;
        return isObj(o) && o.skip === true;
      });
      if (skippedEverywhere) report([...path, 'byVariant'], 'unreachable inject: it is skipped in every variant');
      for (const [key, override] of Object.entries(overrides)) if (isObj(override)) checkSpan(override.at, [...path, 'byVariant', key, 'at']);
    }
  }

  for (const change of entries(isObj(root.severity) ? root.severity : {}, ['severity'], 'changes')) {
    checkSpan(change.item.at, [...change.path, 'at']);
    const latest = typeof change.item.at === 'number' ? change.item.at : isObj(change.item.at) && typeof change.item.at.max === 'number' ? change.item.at.max : undefined;
    if (latest !== undefined && latest >= durationMinutes) report([...change.path, 'at'], `can happen at minute ${latest}, after the drill ends (durationMinutes is ${durationMinutes})`);
  }

  for (const { item, path } of variants) {
    const variantId = str(item.id);
    mustExist(resolutionIds, 'resolution action', item.rightFix, [...path, 'rightFix']);
    const fix = resolution.find((r) => r.item.id === item.rightFix);
    if (fix && variantId !== undefined) {
      const override = isObj(fix.item.byVariant) && isObj(fix.item.byVariant[variantId]) ? fix.item.byVariant[variantId] : undefined;
      const effect = isObj(override) && isObj(override.effect) ? override.effect : isObj(fix.item.effect) ? fix.item.effect : undefined;
      if (effect && effect.kind !== 'fixes') {
        report([...path, 'rightFix'], `"${String(item.rightFix)}" does not fix variant "${variantId}": its effect there is "${String(effect.kind)}"`);
      }
      if (typeof item.rightFix === 'string' && !reachable.has(item.rightFix) && actionIds?.has(item.rightFix)) {
        report([...path, 'rightFix'], `the right fix "${item.rightFix}" can never be performed (see the problems reported on ${describe(fix.path)})`);
      }
    }
    for (const { value, index } of strings(item, 'keyDiagnosis')) {
      mustExist(diagnosisIds, 'diagnosis action', value, [...path, 'keyDiagnosis', index]);
    }
  }

  const grading = isObj(root.grading) ? root.grading : undefined;
  if (grading) {
    for (const { value, index } of strings(grading, 'notify')) mustExist(stakeholderIds, 'stakeholder', value, ['grading', 'notify', index]);
  }
  return problems;
}

const VALID_ID = /^[a-z0-9][a-z0-9-]*$/;

function findLoop(start: string, edges: Map<string, string[]>): string[] | null {
  const trail: string[] = [];
  const visit = (id: string): string[] | null => {
    const at = trail.indexOf(id);
    if (at >= 0) return trail.slice(at);
    if (!edges.has(id)) return null;
    trail.push(id);
    for (const next of edges.get(id)!) {
      const loop = visit(next);
      if (loop) return loop;
    }
    trail.pop();
    return null;
  };
  const loop = visit(start);
  return loop && loop[0] === start ? loop : null;
}

function describe(path: PathSegment[]): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
}
