/**
 * Where drills are kept between changes, so a server restart loses nothing: one JSON file per drill in a data
 * folder, written whole to a temporary file and renamed over the old one so a crash mid-write leaves the last good
 * copy. (Step 9 moves records into PostgreSQL; this keeps running drills.)
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JOIN_CODE_PATTERN } from './codes';
import { DRILL_RECORD_FORMAT, type DrillRecord } from './drill';

export interface DrillStore {
  save(record: DrillRecord): Promise<void>;
  load(code: string): Promise<DrillRecord | null>;
  /** The codes of every kept drill. */
  list(): Promise<string[]>;
  remove(code: string): Promise<void>;
}

export class MemoryDrillStore implements DrillStore {
  private readonly records = new Map<string, string>();

  async save(record: DrillRecord): Promise<void> {
    this.records.set(record.code, JSON.stringify(record));
  }

  async load(code: string): Promise<DrillRecord | null> {
    const text = this.records.get(code);
    return text === undefined ? null : (JSON.parse(text) as DrillRecord);
  }

  async list(): Promise<string[]> {
    return [...this.records.keys()];
  }

  async remove(code: string): Promise<void> {
    this.records.delete(code);
  }
}

export class FileDrillStore implements DrillStore {
  constructor(private readonly folder: string) {}

  private file(code: string): string {
    // Codes come from the network: only a well-formed one may name a file.
    if (!JOIN_CODE_PATTERN.test(code)) throw new Error(`not a drill code: ${code.slice(0, 20)}`);
    return join(this.folder, `${code}.json`);
  }

  async save(record: DrillRecord): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const file = this.file(record.code);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(record));
    await rename(temporary, file);
  }

  async load(code: string): Promise<DrillRecord | null> {
    if (!JOIN_CODE_PATTERN.test(code)) return null;
    try {
      const record = JSON.parse(await readFile(this.file(code), 'utf8')) as DrillRecord;
      return record.formatVersion === DRILL_RECORD_FORMAT ? record : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async list(): Promise<string[]> {
    try {
      const names = await readdir(this.folder);
      // A write cut short (a kill between writing and renaming) leaves its temporary file; the last good copy stands.
      await Promise.all(names.filter((f) => f.endsWith('.tmp')).map((f) => rm(join(this.folder, f), { force: true })));
      return names.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).filter((c) => JOIN_CODE_PATTERN.test(c));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async remove(code: string): Promise<void> {
    await rm(this.file(code), { force: true });
  }
}
