/**
 * Who may read which records, decided on the server for every request: a manager sees their teams (every member's
 * results and the open action items); a member sees their own records, the team's aggregate and its open action
 * items (the team's follow-through, shown to everyone in the next drill's lobby anyway); nobody sees a team
 * they are not in, or another person's records unless they manage a team that person is in.
 */
import { CATEGORIES, type Category } from '../engine/policy/rubric';
import type { PersonDrillResult } from './model';
import { openActionItems, personResults, teamResults, type ActionItem } from './queries';
import { RecordsError, type Records } from './records';
import type { TeamRole } from './schema';

export interface TeamAggregate {
  drills: number;
  people: number;
  /** The mean of each category over the team's latest results. */
  categories: Record<Category, number | null>;
}

export type TeamView =
  | { kind: 'manager'; team: { id: string; name: string }; members: Array<{ id: string; displayName: string; roles: TeamRole[] }>; results: PersonDrillResult[]; openActionItems: ActionItem[]; aggregate: TeamAggregate }
  | { kind: 'member'; team: { id: string; name: string }; own: PersonDrillResult[]; openActionItems: ActionItem[]; aggregate: TeamAggregate };

export function aggregate(rows: readonly PersonDrillResult[]): TeamAggregate {
  const byDrill = new Map(rows.map((r) => [r.drillId, r]));
  const categories = {} as Record<Category, number | null>;
  for (const category of CATEGORIES) {
    const values = [...byDrill.values()].map((r) => r.categories[category]).filter((v): v is number => typeof v === 'number');
    categories[category] = values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  }
  return { drills: byDrill.size, people: new Set(rows.map((r) => r.person.id)).size, categories };
}

export class Access {
  constructor(private readonly records: Records) {}

  async teamView(viewerId: string, teamId: string): Promise<TeamView> {
    const roles = await this.records.rolesIn(teamId, viewerId);
    // A team one is not in is refused the same way whether it exists or not: its name is not everyone's business.
    if (roles.length === 0) throw new RecordsError(403, 'you are not in this team');
    const team = (await this.records.team(teamId))!;
    // The team's group drills and its members' solo runs: the same rows for the screen, the exports and the aggregate.
    const results = await teamResults(this.records.db, teamId);
    if (roles.includes('manager')) {
      return { kind: 'manager', team, members: await this.records.members(teamId), results, openActionItems: await openActionItems(this.records.db, teamId), aggregate: aggregate(results) };
    }
    return { kind: 'member', team, own: results.filter((r) => r.person.id === viewerId), openActionItems: await openActionItems(this.records.db, teamId), aggregate: aggregate(results) };
  }

  async personRecords(viewerId: string, personId: string): Promise<PersonDrillResult[]> {
    if (viewerId !== personId && !(await this.manages(viewerId, personId))) throw new RecordsError(403, 'you may see only your own records, or those of people in a team you manage');
    return personResults(this.records.db, personId);
  }

  /** Whether `managerId` manages any team `personId` is in. */
  private async manages(managerId: string, personId: string): Promise<boolean> {
    const theirs = new Set((await this.records.teamsOf(personId)).map((t) => t.id));
    return (await this.records.teamsOf(managerId)).some((t) => t.roles.includes('manager') && theirs.has(t.id));
  }

  async invite(viewerId: string, teamId: string, role: TeamRole, label: string | null = null): Promise<string> {
    return this.records.invite(teamId, role, viewerId, label);
  }
}
