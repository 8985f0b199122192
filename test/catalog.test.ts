import { describe, expect, test } from '@jest/globals';
import {
  UNKNOWN_TOOL,
  agentEnvNames,
  builtinTools,
  claimTrailers,
  createCatalog,
  genericAgentEnv,
  nonAiTools,
} from '../src/core/catalog.js';
import { aliasTable } from '../src/core/aliases.js';
import derived from '../src/core/catalog-derived.json' with { type: 'json' };
import { parseCatalogData } from '../src/core/catalog-schema.js';
import catalogJson from '../src/core/catalog.json' with { type: 'json' };
import { detectCommit } from '../src/core/detect.js';

/** The tools the research names (research/ai-tool-signatures.md §1a, §1b). */
const RESEARCHED = [
  'claude-code',
  'codex',
  'copilot',
  'cursor',
  'aider',
  'gemini-cli',
  'jules',
  'devin',
  'amp',
  'opencode',
  'continue',
  'cline',
  'roo-code',
  'windsurf',
  'amazon-q',
  'kiro',
  'junie',
  'replit',
  'zed',
  'goose',
];

const normalize = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, ' ');

describe('builtin catalog', () => {
  test('catalog.json has the shape catalog-schema.ts describes', () => {
    expect(() => parseCatalogData(catalogJson)).not.toThrow();
  });

  test("the alias table detection reads is the builtin tools' as the build computed it (npm run build writes it)", () => {
    expect(derived.aliases).toEqual(aliasTable(builtinTools));
    expect(derived.aliases.find((entry) => entry.key === 'claude code')?.tool).toBe('claude-code');
  });

  test('a bad entry is named by its path and its tool', () => {
    const broken = structuredClone(catalogJson) as { tools: Record<string, unknown>[] };
    broken.tools[1].env = [{ name: 'X', trust: 'sometimes', source: 'test' }];
    broken.tools[4].names = [{ pattern: 'bot$', example: 'Jane', source: 'test' }];
    expect(() => parseCatalogData(broken)).toThrow(
      [
        'catalog.json tools[1] (codex).env[0].trust: Invalid option: expected one of "agent"|"ambient"',
        'catalog.json tools[4] (cursor).names[0]: the pattern does not match its example',
      ].join('\n'),
    );
  });

  test('covers every tool the research lists', () => {
    const ids = builtinTools.map((def) => def.id);
    for (const id of RESEARCHED) expect(ids).toContain(id);
  });

  test('ids are unique, kebab-case, and not the reserved "unknown"', () => {
    const ids = builtinTools.map((def) => def.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id).not.toBe(UNKNOWN_TOOL);
    }
  });

  test('every signature names its source', () => {
    for (const def of builtinTools) {
      const signatures = [
        ...def.env,
        ...def.trailers,
        ...def.emails,
        ...def.github,
        ...def.names,
        ...def.branches,
        ...def.footers,
        ...def.subjectPrefixes,
      ];
      for (const sig of signatures) expect(sig.source.length).toBeGreaterThan(2);
    }
    for (const sig of [...claimTrailers, ...genericAgentEnv])
      expect(sig.source.length).toBeGreaterThan(2);
  });

  test('no name stands for two tools', () => {
    const owner = new Map<string, string>();
    for (const def of builtinTools) {
      for (const alias of new Set([def.id, def.name, ...def.aliases].map(normalize))) {
        expect([alias, owner.get(alias) ?? def.id]).toEqual([alias, def.id]);
        owner.set(alias, def.id);
      }
    }
  });

  test('no non-AI tool is also an AI tool name', () => {
    const aliases = new Set(
      builtinTools.flatMap((d) => [d.id, d.name, ...d.aliases].map(normalize)),
    );
    for (const name of nonAiTools) expect(aliases.has(normalize(name))).toBe(false);
  });

  test('addresses are lower case and belong to one tool each', () => {
    const owner = new Map<string, string>();
    for (const def of builtinTools) {
      for (const sig of def.emails) {
        expect(sig.email).toBe(sig.email.toLowerCase());
        if (!sig.namePattern) expect(owner.get(sig.email) ?? def.id).toBe(def.id);
        owner.set(sig.email, def.id);
      }
    }
  });
});

describe('agentEnvNames', () => {
  const names = agentEnvNames(createCatalog());

  test('lists every variable that can make detectEnv report a tool', () => {
    for (const def of builtinTools) {
      for (const sig of def.env) if (sig.trust === 'agent') expect(names).toContain(sig.name);
    }
    for (const sig of genericAgentEnv) expect(names).toContain(sig.name);
  });

  test('leaves out variables human terminals carry', () => {
    const agentNames = new Set(
      builtinTools.flatMap((def) => def.env.filter((s) => s.trust === 'agent').map((s) => s.name)),
    );
    const ambientOnly = builtinTools
      .flatMap((def) => def.env.filter((s) => s.trust === 'ambient').map((s) => s.name))
      .filter((name) => !agentNames.has(name));
    expect(ambientOnly).toEqual(expect.arrayContaining(['TERM_PROGRAM', 'CURSOR_TRACE_ID']));
    for (const name of ambientOnly) expect(names).not.toContain(name);
  });

  test('is sorted, without duplicates, and includes extra tools', () => {
    const withExtra = agentEnvNames(
      createCatalog({ extra: [{ id: 'metacode', env: ['METACODE_SESSION'] }] }),
    );
    expect(withExtra).toEqual([...new Set(withExtra)].sort());
    expect(withExtra).toContain('METACODE_SESSION');
    expect(names).not.toContain('METACODE_SESSION');
  });
});

describe('createCatalog', () => {
  test('defaults: no internal tools, unknown claims count as external', () => {
    const catalog = createCatalog();
    expect(catalog.unknown).toBe('external');
    expect(catalog.internal).toEqual([]);
    expect(catalog.isInternal('claude-code')).toBe(false);
    expect(catalog.get('aider')?.name).toBe('Aider');
    expect(catalog.get('nope')).toBeUndefined();
    expect(catalog.tools.map((d) => d.id)).toEqual(builtinTools.map((d) => d.id));
  });

  test('internal tools and extra tools', () => {
    const catalog = createCatalog({
      internal: ['metacode', 'copilot'],
      unknown: 'ignore',
      extra: [{ id: 'metacode', name: 'MetaCode', emails: ['Bot@Example.com'] }],
    });
    expect(catalog.isInternal('metacode')).toBe(true);
    expect(catalog.isInternal('copilot')).toBe(true);
    expect(catalog.isInternal('cursor')).toBe(false);
    expect(catalog.isInternal(UNKNOWN_TOOL)).toBe(false);
    expect(catalog.unknown).toBe('ignore');
    expect(catalog.get('metacode')).toMatchObject({
      id: 'metacode',
      name: 'MetaCode',
      vendor: 'organisation',
    });
    const signals = detectCommit(
      {
        message: 'x',
        author: { name: 'MC', email: 'bot@example.com' },
        committer: { name: 'MC', email: 'bot@example.com' },
      },
      catalog,
    );
    expect(signals.map((s) => s.tool)).toEqual(['metacode']);
  });

  test('an extra entry with a builtin id keeps the builtin and adds to it', () => {
    const catalog = createCatalog({ extra: [{ id: 'cursor', branches: ['ai/cursor-'] }] });
    const cursor = catalog.get('cursor')!;
    expect(cursor.vendor).toBe('Anysphere');
    expect(cursor.branches.map((b) => b.prefix)).toEqual(['cursor/', 'ai/cursor-']);
    expect(cursor.emails).toEqual(builtinTools.find((d) => d.id === 'cursor')!.emails);
  });
});
