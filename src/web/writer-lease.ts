/**
 * One tab at a time plays (writes) the drill in progress; others may take over or watch. The lease says which tab
 * is the writer. With the Web Locks API (every secure page: https, localhost) it is a lock the browser releases when
 * the tab closes, reloads or crashes, and taking over steals it, which tells the old writer at once. Without it (a
 * page served over plain http), tabs ask each other over a BroadcastChannel. Either way the saves' sequence numbers
 * (see storage.ts) keep an older copy from overwriting a newer one, should two tabs ever both think they write.
 */
import { randomId } from './storage';

const LEASE_NAME = 'firedrill:writer';
/**
 * How long a tab waits for the lease, or for a writer to answer, before deciding whether another tab writes. A live
 * tab answers within milliseconds, unless the machine is very busy.
 */
const WAIT_MS = 1500;
/**
 * How long a tab that held the lease before its reload waits for it: the page the reload replaced may still be
 * letting go of it. (A duplicated tab inherits the mark too; it waits this long, then asks.)
 */
const RELOAD_WAIT_MS = 5000;
/** Marks, in this tab's sessionStorage (kept across its reloads, never shared with other tabs), that it writes. */
const HELD_MARK = 'firedrill:writer-lease-held';

function heldBeforeReload(): boolean {
  try {
    return window.sessionStorage.getItem(HELD_MARK) !== null;
  } catch {
    return false;
  }
}

function markHeld(held: boolean): void {
  try {
    if (held) window.sessionStorage.setItem(HELD_MARK, '1');
    else window.sessionStorage.removeItem(HELD_MARK);
  } catch {
    // Without the mark a reload waits the shorter time: at worst the tab asks to take over from its own old page.
  }
}

export interface WriterLease {
  readonly held: boolean;
  /** Becomes the writer unless another tab is; resolves whether this tab now is. */
  acquire(): Promise<boolean>;
  /** Becomes the writer even if another tab is: that tab is told it lost the lease. */
  takeOver(): Promise<void>;
  release(): void;
  /** What to do when another tab takes the lease from this one. */
  onLost(listener: () => void): void;
}

export function createWriterLease(): WriterLease {
  if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) return new LockLease(navigator.locks);
  if (typeof BroadcastChannel !== 'undefined') return new ChannelLease(new BroadcastChannel(LEASE_NAME));
  return new SoleLease();
}

class LockLease implements WriterLease {
  held = false;
  private grant = 0;
  private heldGrant = 0;
  private letGo: (() => void) | null = null;
  private lost: () => void = () => undefined;

  constructor(private readonly locks: LockManager) {}

  onLost(listener: () => void): void {
    this.lost = listener;
  }

  acquire(): Promise<boolean> {
    return this.held ? Promise.resolve(true) : this.request({ signal: AbortSignal.timeout(heldBeforeReload() ? RELOAD_WAIT_MS : WAIT_MS) });
  }

  async takeOver(): Promise<void> {
    if (!this.held) await this.request({ steal: true });
  }

  release(): void {
    this.held = false;
    this.heldGrant = 0;
    this.letGo?.();
    this.letGo = null;
    markHeld(false);
  }

  private request(options: LockOptions): Promise<boolean> {
    const grant = ++this.grant;
    return new Promise<boolean>((granted) => {
      this.locks
        .request(LEASE_NAME, options, (lock) => {
          if (!lock) {
            granted(false);
            return undefined;
          }
          this.held = true;
          this.heldGrant = grant;
          markHeld(true);
          granted(true);
          // Held until released here, or stolen by another tab (which rejects this request).
          return new Promise<void>((letGo) => {
            this.letGo = letGo;
          });
        })
        .catch(() => {
          // Rejected: either the wait ran out (another tab holds the lease) or another tab stole it from this one.
          if (this.held && this.heldGrant === grant) {
            this.held = false;
            this.heldGrant = 0;
            this.letGo = null;
            markHeld(false);
            this.lost();
          }
          granted(false);
        });
    });
  }
}

type LeaseMessage = { kind: 'who-writes' | 'i-write' | 'taken'; from: string };

function leaseMessage(data: unknown): LeaseMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const kind: unknown = Reflect.get(data, 'kind');
  const from: unknown = Reflect.get(data, 'from');
  if ((kind !== 'who-writes' && kind !== 'i-write' && kind !== 'taken') || typeof from !== 'string') return null;
  return { kind, from };
}

/**
 * Without Web Locks: a tab asks whether anyone writes and waits for an answer; taking over tells the others. A tab
 * that wrote before its reload takes the lease back at once (nobody answers for the page it replaced).
 */
class ChannelLease implements WriterLease {
  held = false;
  private readonly id = randomId();
  private answered = false;
  private lost: () => void = () => undefined;

  constructor(private readonly channel: BroadcastChannel) {
    channel.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = leaseMessage(event.data);
      if (!message || message.from === this.id) return;
      if (message.kind === 'who-writes' && this.held) this.post('i-write');
      else if (message.kind === 'i-write') this.answered = true;
      else if (message.kind === 'taken' && this.held) {
        this.held = false;
        markHeld(false);
        this.lost();
      }
    });
  }

  onLost(listener: () => void): void {
    this.lost = listener;
  }

  async acquire(): Promise<boolean> {
    if (this.held) return true;
    if (!heldBeforeReload()) {
      this.answered = false;
      this.post('who-writes');
      await new Promise((wait) => setTimeout(wait, WAIT_MS));
      if (this.answered) return false;
    }
    // Should a writer have been too slow to answer, it stops now rather than writing beside this tab.
    await this.takeOver();
    return true;
  }

  async takeOver(): Promise<void> {
    this.held = true;
    markHeld(true);
    this.post('taken');
  }

  release(): void {
    this.held = false;
    markHeld(false);
  }

  private post(kind: LeaseMessage['kind']): void {
    this.channel.postMessage({ kind, from: this.id });
  }
}

/** No way to reach other tabs: this tab writes, and the saves' sequence numbers still refuse an older copy. */
class SoleLease implements WriterLease {
  held = false;
  onLost(): void {}
  async acquire(): Promise<boolean> {
    this.held = true;
    return true;
  }
  async takeOver(): Promise<void> {
    this.held = true;
  }
  release(): void {
    this.held = false;
  }
}
