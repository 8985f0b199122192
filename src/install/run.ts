/**
 * One `trailguard install`: the repository facts, the changes made so far (recorded for an exact
 * uninstall) and the notes to show. Editing a file keeps its original the first time, so running
 * install again changes nothing and uninstall still restores the file as it was before trailguard.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import {
  hash,
  type Change,
  type EditFormat,
  type InstallRecord,
  type InstallState,
} from '../state/install-record.js';
import type { InstallFacts } from './repo.js';

export class InstallRun {
  readonly changes: Change[] = [];
  readonly notes: string[] = [];
  readonly changed: string[] = [];

  constructor(
    readonly facts: InstallFacts,
    readonly state: InstallState,
    private readonly before: InstallRecord | undefined,
  ) {}

  /** A path as the user knows it: relative to the work tree when inside it. */
  show(path: string): string {
    const rel = relative(this.facts.top, path);
    return rel.startsWith('..') ? path : rel;
  }

  previous<K extends Change['kind']>(
    kind: K,
    key: string,
  ): Extract<Change, { kind: K }> | undefined {
    return this.before?.changes.find(
      (change): change is Extract<Change, { kind: K }> =>
        change.kind === kind && ('path' in change ? change.path : change.section) === key,
    );
  }

  /** An earlier change that still stands (nothing new done). */
  keep(change: Change): void {
    this.changes.push(change);
  }

  record(change: Change, what: string): void {
    this.changes.push(change);
    this.changed.push(this.show(what));
  }

  /** Rewrites a text file (creating it when missing) through `transform`. */
  edit(path: string, format: EditFormat, transform: (text: string) => string, mode?: number): void {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const next = transform(current);
    const earlier = this.previous('edit', path);
    if (next === current) {
      if (earlier) this.keep(earlier);
      return;
    }
    const backup = earlier ? earlier.backup : this.state.backup(path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, next);
    if (mode !== undefined && backup === null) chmodSync(path, mode);
    this.record({ kind: 'edit', path, backup, written: hash(next), format }, path);
  }
}
