import { afterAll, describe, expect, test } from '@jest/globals';
import { createCatalog } from '../src/core/catalog.js';
import { detectCommit } from '../src/core/detect.js';
import { parseGitAiNote } from '../src/core/git-ai.js';
import type { CommitRecord } from '../src/core/types.js';
import { readHistory } from '../src/git/history.js';
import { TempRepo } from './support/repo.js';

const catalog = createCatalog();

/** A note as git-ai writes it (Git AI Standard v3.0.0): attestations, `---`, metadata. */
function note(attestations: string, metadata: Record<string, unknown>): string {
  const json = JSON.stringify(
    {
      schema_version: 'authorship/3.0.0',
      git_ai_version: '1.6.2',
      base_commit_sha: '0'.repeat(40),
      ...metadata,
    },
    null,
    2,
  );
  return `${attestations}\n---\n${json}\n`;
}

const droidSession = {
  sessions: {
    s_1a2b3c4d5e6f70: {
      agent_id: { tool: 'droid', id: 'c0ffee', model: 'claude-opus-4-5-20251101' },
      human_author: 'Jane Dev <jane@example.com>',
    },
  },
};

describe('parseGitAiNote', () => {
  test('sessions: lines per tool and model, files listed; human keys are not AI', () => {
    const text = note(
      'src/app.ts\n  s_1a2b3c4d5e6f70::t_00000000000001 1-10,15\n  h_99999999999999 11-14\nREADME.md\n  s_1a2b3c4d5e6f70::t_00000000000002 3',
      droidSession,
    );
    expect(parseGitAiNote(text)).toEqual([
      {
        tool: 'droid',
        model: 'claude-opus-4-5-20251101',
        lines: 12,
        files: ['src/app.ts', 'README.md'],
      },
    ]);
  });

  test('legacy prompt keys (before git-ai 1.4) read from prompts', () => {
    const text = note('README.md\n  b9d6b8533a389d19 263', {
      prompts: { b9d6b8533a389d19: { agent_id: { tool: 'cursor', id: 'x', model: 'gpt-5' } } },
    });
    expect(parseGitAiNote(text)).toEqual([
      { tool: 'cursor', model: 'gpt-5', lines: 1, files: ['README.md'] },
    ]);
  });

  test.each([
    ['only metadata (no attested lines)', note('', { prompts: {} })],
    ['only a known human', note('a.txt\n  h_99999999999999 1-3', { humans: {} })],
    [
      'another schema',
      note('a.txt\n  s_1a2b3c4d5e6f70::t_1 1', {
        ...droidSession,
        schema_version: 'authorship/2.0.0',
      }),
    ],
    ['not JSON after the separator', 'a.txt\n  s_1 1\n---\nnot json\n'],
    ['no separator', 'just some note text\n'],
  ])('%s: nothing', (_what, text) => {
    expect(parseGitAiNote(text)).toEqual([]);
  });
});

describe('git-ai notes in the history pass', () => {
  const repo = new TempRepo();
  afterAll(() => repo.cleanup());

  async function read(): Promise<CommitRecord[]> {
    const commits: CommitRecord[] = [];
    for await (const commit of readHistory({ repo: repo.dir, revs: ['HEAD'], env: repo.env })) {
      commits.push(commit);
    }
    return commits;
  }

  test('a commit git-ai annotated is judged with its note; others and other notes refs are not', async () => {
    repo.write('src/app.ts', 'one\ntwo\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'Add the app');
    repo.write('README.md', 'readme\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'Write the README');
    const attested = note('src/app.ts\n  s_1a2b3c4d5e6f70::t_00000000000001 1-2', droidSession);
    repo.git('notes', '--ref=ai', 'add', '-m', attested, 'HEAD~1');
    // A note under the default ref says nothing about authorship.
    repo.git('notes', 'add', '-m', attested, 'HEAD');

    const [readme, app] = await read();
    expect(readme.aiNote).toBeUndefined();
    expect(app.aiNote).toBe(attested);
    expect(detectCommit(readme, catalog)).toEqual([]);
    expect(detectCommit(app, catalog)).toEqual([
      {
        tool: 'factory-droid',
        kind: 'note',
        evidence: 'git-ai note: droid (claude-opus-4-5-20251101) wrote 2 lines in src/app.ts',
        model: 'claude-opus-4-5',
        provider: 'anthropic',
      },
    ]);
  });
});
