import { describe, expect, test } from '@jest/globals';
import { createCatalog } from '../src/core/catalog.js';
import { detectCommit, detectEnv } from '../src/core/detect.js';
import type { CommitVerdict } from '../src/policy/evaluate.js';
import type { CommitRecord, Signal } from '../src/core/types.js';
import { renderExplanation, renderExplanationJson } from '../src/report/explain.js';

const catalog = createCatalog();
const ada = { name: 'Ada Human', email: 'ada@example.com' };
const commit: CommitRecord = {
  sha: 'abcdef0123456789abcdef0123456789abcdef01',
  parents: [],
  author: ada,
  committer: ada,
  message: 'Add eval task\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
  files: [{ status: 'A', path: 'evals/task.jsonl' }],
};

function explanation(signals: Signal[]) {
  const verdict: CommitVerdict = {
    sha: commit.sha,
    tools: [{ tool: 'claude-code', standing: 'external', providers: ['anthropic'], signals }],
    groups: [{ group: 'evals', paths: ['evals/task.jsonl'], exemptPaths: [] }],
    review: { reviewed: false, notes: [] },
    violations: [],
  };
  return { commit, verdict, policySource: '.trailguard.yml', catalog };
}

describe('explain renderers', () => {
  test('each signal says where its signature is documented', () => {
    const signals = [
      ...detectCommit(commit, catalog),
      ...detectEnv({ CLAUDE_CODE_REMOTE: 'true' }, catalog),
    ];
    const text = renderExplanation(explanation(signals), false);
    expect(text).toContain(
      '  claude-code [external] trailer (anthropic): Co-Authored-By: Claude <noreply@anthropic.com>\n' +
        '    Claude Code by Anthropic; documented: V: CHANGELOG 2.0.60 co-author; git-ai agent_detection.rs (§1b, §5.6)\n',
    );
    expect(text).toContain(
      '  claude-code [external] env (anthropic): CLAUDE_CODE_REMOTE=true\n' +
        '    Claude Code (web) by Anthropic; documented: V²: git-ai background_agent.rs (§1a)\n',
    );
    const markdown = renderExplanation(explanation(signals), true);
    expect(markdown).toMatch(/^## abcdef012345 Add eval task\n/);
    expect(markdown).toContain('\n  - Claude Code by Anthropic; documented: V: CHANGELOG 2.0.60');
  });

  test('a signal no catalog signature produced gets no provenance line', () => {
    const byName = detectCommit(
      { ...commit, message: 'x', author: { name: 'Claude', email: 'bot@anthropic.com' } },
      catalog,
    );
    expect(byName).toHaveLength(1);
    const text = renderExplanation(explanation(byName), false);
    expect(text).toContain(
      'claude-code [external] identity (anthropic): author: Claude <bot@anthropic.com>\n\n',
    );
    expect(JSON.parse(renderExplanationJson(explanation(byName))).tools[0].signals).toEqual(byName);
  });

  test('JSON carries the provenance next to each signal', () => {
    const json = JSON.parse(renderExplanationJson(explanation(detectCommit(commit, catalog))));
    expect(json).toMatchObject({ policy: '.trailguard.yml', sha: commit.sha });
    expect(json.tools[0].signals[0]).toEqual({
      tool: 'claude-code',
      kind: 'trailer',
      evidence: 'Co-Authored-By: Claude <noreply@anthropic.com>',
      provider: 'anthropic',
      documented: {
        source: 'V: CHANGELOG 2.0.60 co-author; git-ai agent_detection.rs (§1b, §5.6)',
      },
    });
  });
});
