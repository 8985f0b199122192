/**
 * The realistic commits under test/fixtures/commits (format in its README.md), read for the
 * detection tests and for bench/detect-fixtures.mjs. No jest here: the bench bundles this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommitInput } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'commits');

export interface Fixture {
  file: string;
  input: CommitInput;
  tools: string[];
  models: Map<string, string>;
  kinds: string[];
}

function parseIdentity(text: string, file: string): Identity {
  const match = /^(.*?)\s*<([^>]*)>$/.exec(text.trim());
  if (!match) throw new Error(`${file}: bad identity "${text}"`);
  return { name: match[1], email: match[2] };
}

/** Header lines, a blank line, then the message (see fixtures/commits/README.md). */
function loadFixture(path: string): Fixture {
  const file = relative(FIXTURES, path);
  const text = readFileSync(path, 'utf8');
  const split = text.indexOf('\n\n');
  const headers = new Map<string, string>();
  for (const line of text.slice(0, split).split('\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const words = (key: string) => (headers.get(key) ?? '').split(/\s+/).filter(Boolean);
  const author = parseIdentity(headers.get('author') ?? '', file);
  const expect = words('expect');
  if (expect.length === 0) throw new Error(`${file}: no Expect header`);
  return {
    file,
    input: {
      message: text.slice(split + 2),
      author,
      committer: headers.has('committer') ? parseIdentity(headers.get('committer')!, file) : author,
      branch: headers.get('branch'),
    },
    tools: expect.filter((tool) => tool !== 'none').sort(),
    models: new Map(words('expect-model').map((pair) => pair.split('=', 2) as [string, string])),
    kinds: words('expect-kinds'),
  };
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => loadFixture(join(FIXTURES, name)));
}
