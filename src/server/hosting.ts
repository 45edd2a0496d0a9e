/**
 * Hosting a drill: a facilitator's choice of scenario, seed, difficulty and rubric becomes a stored drill with a
 * join code and a facilitator token. The token is returned once and kept only as a hash.
 */
import { z } from 'zod';
import { DIFFICULTIES, RubricSchema } from '../engine/index';
import { defaultRubric } from '../engine/policy/default-rubric';
import { MAX_ID_CHARS } from '../engine/limits';
import { hashToken, newJoinCode, newToken } from './codes';
import { Drill } from './drill';
import type { DrillStore } from './drill-store';
import type { ScenarioLibrary } from './library';

export const HostRequest = z.strictObject({
  scenario: z.string().min(1).max(MAX_ID_CHARS),
  seed: z.union([z.string().min(1).max(MAX_ID_CHARS), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]).transform(String).optional(),
  difficulty: z.enum(DIFFICULTIES).default('standard'),
  rubric: RubricSchema.optional(),
  /** The team whose records the drill joins; the host must facilitate or manage it. */
  team: z.string().min(1).max(80).optional(),
});

export type Hosted = { ok: true; code: string; facilitatorToken: string } | { ok: false; status: number; reason: string };

/** Whether the person hosting may record drills for a team (a facilitator or a manager of it). */
export type TeamCheck = (teamId: string) => Promise<string | null>;

export async function hostDrill(input: unknown, library: ScenarioLibrary, store: DrillStore, randomSeed: () => string, mayHostFor: TeamCheck = async () => 'team records are not kept on this server'): Promise<Hosted> {
  const parsed = HostRequest.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, status: 400, reason: `${issue.path.join('.') || 'request'}: ${issue.message}` };
  }
  const scenario = library.get(parsed.data.scenario);
  if (!scenario) return { ok: false, status: 404, reason: `there is no scenario "${parsed.data.scenario.slice(0, 60)}" in the library` };
  if (parsed.data.team !== undefined) {
    const refusal = await mayHostFor(parsed.data.team);
    if (refusal !== null) return { ok: false, status: 403, reason: refusal };
  }
  const facilitatorToken = newToken();
  // A fresh code, checked against the kept drills: with ~49 bits a clash is unlikely, but never silently shared.
  let code = newJoinCode();
  for (let tries = 0; (await store.load(code)) !== null; tries++) {
    if (tries > 5) return { ok: false, status: 503, reason: 'could not find a free join code; try again' };
    code = newJoinCode();
  }
  const drill = Drill.create({ code, scenario, seed: parsed.data.seed ?? randomSeed(), difficulty: parsed.data.difficulty, rubric: parsed.data.rubric ?? defaultRubric(), facilitatorTokenHash: hashToken(facilitatorToken), teamId: parsed.data.team ?? null });
  await store.save(drill.record());
  return { ok: true, code, facilitatorToken };
}
