/**
 * A drill on the network: a Colyseus room around one Drill. The room is the authority: it owns the clock, checks
 * every message, lets the engine check every command against the sender's seat, and sends each participant their
 * own seat's view (our views as messages, not a synced Colyseus schema, so a player's message never holds what
 * their seat may not know). It keeps the drill's record in the store after every change.
 */
import { matchMaker, Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import type { SaveFile } from '../engine/index';
import { grade } from '../grading/index';
import { buildReport, renderHtml, renderMarkdown } from '../report/index';
import { hashToken, newToken, normalizeJoinCode, tokenMatches } from './codes';
import { Drill } from './drill';
import type { DrillStore } from './drill-store';
import { cleanName } from './lobby';
import type { Records } from '../records/records';
import { openActionItems } from '../records/queries';
import { readCookie, SESSION_COOKIE } from './cookies';
import { CLIENT_MESSAGE_TYPES, ClientMessages, JoinOptions, MAX_MESSAGE_CHARS, messageChars, RateLimiter, type ClientMessageType, type DrillRecording } from './protocol';

/** How long a dropped player's seat is held for a reconnect that resumes the same connection. */
export const RECONNECT_SECONDS = 120;
/** How often the clock moves, and at most how often a running drill's views go out. */
const TICK_MS = 250;
const LIVE_SEND_MS = 1000;
const PERSIST_CLOCK_MS = 5000;

export interface DrillRoomServices {
  store: DrillStore;
  /** Where finished drills are recorded; without it they are played and debriefed but not kept. */
  records?: Records;
  /** The library, so the debrief can recommend what to practise next, as `firedrill report` does. */
  catalog?: () => Array<{ id: string; title: string; topics: string[] }>;
  /** Real time, for the clock and the rate limits (tests pass their own). */
  now: () => number;
}

let services: DrillRoomServices | null = null;

/** Gives every drill room in this process its store; the server calls it once before rooms are created. */
export function configureDrillRooms(given: DrillRoomServices): void {
  services = given;
}

interface ClientData {
  participantId: string;
  limiter: RateLimiter;
  /** A token issued on joining, handed over once the client is ready to hear it. */
  issuedToken?: string;
  ready: boolean;
}

export class DrillRoom extends Room {
  private drill!: Drill;
  private store!: DrillStore;
  private now!: () => number;
  private lastTick = 0;
  private lastLiveSend = 0;
  private lastPersist = 0;
  private lastJournalLength = -1;
  private saving: Promise<void> = Promise.resolve();
  private debriefCache: (ReturnType<DrillRoom['debrief']> & { recording: DrillRecording }) | null = null;
  /** Recording the finished drill, once per room (a restored room and its first change both ask). */
  private recording: Promise<DrillRecording> | null = null;

  override async onCreate(options: { code?: unknown }): Promise<void> {
    if (!services) throw new Error('drill rooms are not configured: call configureDrillRooms first');
    this.store = services.store;
    this.now = services.now;
    const code = normalizeJoinCode(options.code);
    const record = code === null ? null : await this.store.load(code);
    if (code === null || record === null) throw new ServerError(404, 'there is no drill with that code');
    // One room per drill: a second would split its players and race its record.
    if ((await matchMaker.query({ roomId: code })).length > 0) throw new ServerError(409, 'this drill is already running');
    this.roomId = code;
    this.autoDispose = false;
    this.drill = Drill.restore(record);
    this.lastJournalLength = this.drill.run.journal().length;
    // A team's drill starts from what its last drills promised: their open action items show in the lobby.
    if (services.records && this.drill.teamId) {
      this.drill.followUps = (await openActionItems(services.records.db, this.drill.teamId).catch(() => [])).map((i) => ({ action: i.action, owner: i.owner, priority: i.priority, status: i.status }));
    }
    // Views go out as messages: there is no Colyseus state to patch.
    this.setPatchRate(null);
    this.onMessage('*', (client, type, message) => this.receive(client, type, message));
    // A drill that ended just before a restart, before it could be recorded, is recorded now.
    if (this.drill.run.isOver() && !this.drill.recorded) void this.recordOnce();
    this.lastTick = this.now();
    // The simulation interval also drives the room's own clock (with no patches to send, nothing else would).
    this.setSimulationInterval(() => this.tick(), TICK_MS);
  }

  /** Who is joining, as the records know them: the session cookie sent with the connection, if any. */
  override async onAuth(_client: Client, _options: unknown, context: AuthContext): Promise<{ personId: string | null }> {
    const records = services?.records;
    // A browser sends its session cookie; a program (a test, a bot) may pass the session token as Colyseus' auth token.
    const token = readCookie(context.headers ?? {}, SESSION_COOKIE) ?? context.token;
    const personId = records ? await records.personForSession(token).catch(() => null) : null;
    return { personId };
  }

  override onJoin(client: Client, rawOptions: unknown, auth?: { personId: string | null }): void {
    const options = JoinOptions.safeParse(rawOptions ?? {});
    if (!options.success) throw new ServerError(400, 'the join request was malformed');
    const { token, name } = options.data;
    const lobby = this.drill.lobby;
    let participant = token !== undefined && tokenMatches(token, this.drill.facilitatorTokenHash) ? lobby.byTokenHash(this.drill.facilitatorTokenHash) : token !== undefined ? lobby.byTokenHash(hashToken(token)) : undefined;
    let issued: string | undefined;
    if (!participant) {
      const facilitator = token !== undefined && tokenMatches(token, this.drill.facilitatorTokenHash);
      const cleaned = cleanName(name);
      if (!cleaned.ok) throw new ServerError(400, cleaned.reason);
      issued = facilitator ? token : newToken();
      const added = lobby.add({ id: facilitator ? 'facilitator' : `p-${newToken().slice(0, 10)}`, name: cleaned.name, tokenHash: facilitator ? this.drill.facilitatorTokenHash : hashToken(issued!), seat: facilitator ? { kind: 'facilitator' } : { kind: 'observer' }, personId: auth?.personId ?? null });
      if (typeof added === 'string') throw new ServerError(403, added);
      participant = added;
    } else if (auth?.personId && !participant.personId) {
      // Someone who signed in since they first joined: their part is theirs from now on.
      participant.personId = auth.personId;
    }
    lobby.setConnected(participant.id, true);
    client.userData = { participantId: participant.id, limiter: new RateLimiter(this.now), ready: false, ...(issued && participant.seat.kind !== 'facilitator' ? { issuedToken: issued } : {}) } satisfies ClientData;
    this.changed();
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const { participantId } = client.userData as ClientData;
    this.markConnected(participantId);
    if (this.drill.isFacilitator(participantId) && !this.anyoneConnected(participantId)) this.drill.pause();
    this.changed();
    if (consented) return;
    try {
      // A dropped connection (a closed lid, a network blip) keeps its seat for a while; the client reconnects to it.
      await this.allowReconnection(client, RECONNECT_SECONDS);
      this.markConnected(participantId);
      this.changed();
    } catch {
      // Not back in time: the seat stays theirs, and their token brings them back to it whenever they return.
    }
  }

  override async onDispose(): Promise<void> {
    await this.persist();
  }

  private anyoneConnected(participantId: string): boolean {
    return this.clients.some((c) => (c.userData as ClientData | undefined)?.participantId === participantId);
  }

  private markConnected(participantId: string): void {
    this.drill.lobby.setConnected(participantId, this.anyoneConnected(participantId));
  }

  private refuse(client: Client, type: string, reason: string): void {
    client.send('refused', { type: type.slice(0, 40), reason });
  }

  private receive(client: Client, rawType: string | number, message: unknown): void {
    const data = client.userData as ClientData | undefined;
    const type = String(rawType);
    if (!data) return;
    if (!data.limiter.take()) return this.refuse(client, type, 'too many messages: slow down');
    if (messageChars(message) > MAX_MESSAGE_CHARS) return this.refuse(client, type, `that message is too large (at most ${MAX_MESSAGE_CHARS / 1024} KiB)`);
    if (!CLIENT_MESSAGE_TYPES.includes(type as ClientMessageType)) return this.refuse(client, type, `unknown message "${type.slice(0, 40)}"`);
    const id = data.participantId;
    if (type === 'ready') {
      data.ready = true;
      client.send('welcome', { participantId: id, code: this.roomId, ...(data.issuedToken ? { token: data.issuedToken } : {}) });
      delete data.issuedToken;
      // Someone who arrives after the end (or comes back to it) gets the debrief everyone else got.
      if (this.debriefCache) client.send('debrief', this.debriefCache);
    }
    const reason = this.handle(id, type as ClientMessageType, message);
    // A command sent with an id is answered either way, so the sender knows when it went through.
    const commandId = type === 'command' ? ClientMessages.command.safeParse(message).data?.id : undefined;
    if (commandId !== undefined) client.send('result', reason === null ? { id: commandId, ok: true } : { id: commandId, ok: false, reason });
    else if (reason !== null) this.refuse(client, type, reason);
    // A refused command is journaled too; any other refusal changed nothing anyone else sees.
    if (reason === null || type === 'command') this.changed();
  }

  /** Acts on one checked message; null when it was taken, otherwise why not. */
  private handle(id: string, type: ClientMessageType, message: unknown): string | null {
    const drill = this.drill;
    switch (type) {
      case 'ready':
        return null;
      case 'claim': {
        const parsed = ClientMessages.claim.safeParse(message);
        if (!parsed.success) return 'that seat request was malformed';
        return drill.lobby.claim(id, parsed.data.seat);
      }
      case 'move': {
        const parsed = ClientMessages.move.safeParse(message);
        if (!parsed.success) return 'that move was malformed';
        if (!drill.isFacilitator(id)) return 'only the facilitator moves people between seats';
        return drill.lobby.move(parsed.data.participant, parsed.data.seat);
      }
      case 'control': {
        const parsed = ClientMessages.control.safeParse(message);
        if (!drill.isFacilitator(id)) return 'only the facilitator controls the clock';
        if (!parsed.success) return 'that clock control was malformed';
        return drill.control(id, parsed.data);
      }
      case 'command': {
        const parsed = ClientMessages.command.safeParse(message);
        if (!parsed.success) return 'that command was malformed';
        const result = drill.command(id, parsed.data.command);
        return result.ok ? null : result.reason;
      }
    }
  }

  private tick(): void {
    const now = this.now();
    const moved = this.drill.tick(now - this.lastTick);
    this.lastTick = now;
    const grew = this.drill.run.journal().length !== this.lastJournalLength;
    if (grew) return this.changed();
    // The clock alone changes only dashboards and countdowns: those go out once a second as a `live` message, and
    // the record (which keeps the minute) every few seconds.
    if (!moved || now - this.lastLiveSend < LIVE_SEND_MS) return;
    this.lastLiveSend = now;
    for (const client of this.clients) {
      const data = client.userData as ClientData | undefined;
      const message = data?.ready ? this.drill.liveFor(data.participantId) : null;
      if (message) client.send('live', message);
    }
    if (now - this.lastPersist >= PERSIST_CLOCK_MS) void this.persist();
  }

  /** Sends every participant their own view, keeps the record, and sends the debrief once the drill is over. */
  private changed(): void {
    this.lastLiveSend = this.now();
    for (const client of this.clients) {
      const data = client.userData as ClientData | undefined;
      if (!data?.ready) continue;
      const message = this.drill.messageFor(data.participantId);
      if (message) client.send('state', message);
    }
    const length = this.drill.run.journal().length;
    this.lastJournalLength = length;
    void this.persist();
    if (this.drill.run.isOver() && this.debriefCache === null) {
      const cache = { ...this.debrief(), recording: { state: 'pending' } as DrillRecording };
      this.debriefCache = cache;
      for (const client of this.clients) if ((client.userData as ClientData | undefined)?.ready) client.send('debrief', cache);
      // Everyone hears whether it was kept, and anyone arriving later gets it with the debrief.
      void this.recordOnce().then((recording) => {
        cache.recording = recording;
        for (const client of this.clients) if ((client.userData as ClientData | undefined)?.ready) client.send('recording', recording);
      });
    }
  }

  /** The team debrief: the report with a section per seat naming who played it, and the run file to keep. */
  debrief(): { markdown: string; html: string; score: ReturnType<typeof grade>; run: SaveFile } {
    const run = this.drill.run;
    const score = grade(this.drill.scenario, run.journal(), run.rubric);
    const people: Record<string, string> = {};
    for (const p of this.drill.lobby.all()) if (p.seat.kind === 'player') people[p.seat.responder] = p.name;
    // The server knows the day the drill was played, which a script replayed later does not.
    const date = new Date(this.now()).toISOString().slice(0, 10);
    const catalog = services?.catalog?.() ?? [];
    const report = buildReport(this.drill.scenario, run.journal(), score, { seed: run.seed, difficulty: run.difficulty, people, date, catalog });
    return { score, markdown: renderMarkdown(report), html: renderHtml(report), run: run.save() };
  }

  /**
   * Keeps the finished drill in the records: the run, who played which seat (people who joined signed in by their
   * person), graded, in the facilitator's team if they chose one. Once only, across restarts too.
   */
  private recordOnce(): Promise<DrillRecording> {
    this.recording ??= this.record();
    return this.recording;
  }

  private async record(): Promise<DrillRecording> {
    const records = services?.records;
    if (!records) return { state: 'not-recorded', reason: 'no-records' };
    if (!this.drill.recorded) {
      const people = this.drill.lobby.all().flatMap((p) => (p.seat.kind === 'player' ? [{ personId: p.personId ?? null, displayName: p.name, responder: p.seat.responder }] : []));
      try {
        await records.recordDrill({ kind: 'group', scenario: this.drill.scenario, save: this.drill.run.save(), teamId: this.drill.teamId, code: this.drill.code, playedAt: new Date(this.now()), people });
        this.drill.recorded = true;
      } catch (error) {
        // Already recorded (a restart between recording and keeping the flag) is as good as recorded.
        if ((error as { status?: number }).status === 409) this.drill.recorded = true;
        else console.error(`drill ${this.roomId}: could not be recorded: ${String(error)}`);
      }
      await this.persist();
      if (!this.drill.recorded) return { state: 'not-recorded', reason: 'failed' };
    }
    if (this.drill.teamId === null) return { state: 'recorded', team: null };
    const team = await records.team(this.drill.teamId).catch(() => null);
    return { state: 'recorded', team: { id: this.drill.teamId, name: team?.name ?? 'the team' } };
  }

  /** Writes the record; writes queue behind each other so an older copy never lands after a newer one. */
  private persist(): Promise<void> {
    this.lastPersist = this.now();
    const record = this.drill.record();
    this.saving = this.saving.then(() => this.store.save(record)).catch((error: unknown) => {
      console.error(`drill ${this.roomId}: could not keep its record: ${String(error)}`);
    });
    return this.saving;
  }
}
