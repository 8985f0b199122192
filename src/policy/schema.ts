/**
 * The zod schema of a policy file: the one validator. Every rule about what a file may say lives
 * here, so a problem is always reported with the file, line, column and key path (parse.ts).
 * YAML key names; the transforms give the camelCase layer (types.ts).
 */
import * as z from 'zod';
import { builtinTools, knownProviders, TOOL_ID } from '../core/catalog.js';
import { closestName } from '../core/suggest.js';
import { globProblem } from './globs.js';
import type { Forbid } from './types.js';

/** A mapping whose unknown keys are errors that list the known ones. */
function strictMapping<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown key (expected one of ${known})` : undefined,
  });
}

function withProblem(check: (value: string) => string | undefined) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

function uniqueBy<T>(key: (item: T) => string, field: string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const value = key(item);
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, field],
          message: `duplicate ${what} ${JSON.stringify(value)} (first at [${first}])`,
        });
    });
  };
}

const text = z.string().min(1);
const glob = z.string().superRefine(withProblem(globProblem));
const toolId = z.string().superRefine(
  withProblem((id) => {
    if (!TOOL_ID.test(id))
      return `a tool id is kebab-case: lowercase letters and digits, words joined by "-" (got ${JSON.stringify(id)})`;
    if (id === 'unknown')
      return '"unknown" is reserved; use tools.unknown to say how unknown AI signals count';
    return undefined;
  }),
);
const provider = z.enum(knownProviders as [string, ...string[]]);
const trailerKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, {
  error: 'a trailer key is letters, digits and "-", e.g. Reviewed-by',
});

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const date = z
  .string()
  .superRefine(
    withProblem((value) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value)
        ? undefined
        : `expected a date YYYY-MM-DD (got ${JSON.stringify(value)})`,
    ),
  );

const FORBID = ['external', 'any-ai', 'none'] as const satisfies readonly Forbid[];

const groupSchema = strictMapping({
  name: text.describe('Names the group in reports'),
  paths: z.array(glob).min(1).describe('Globs relative to the repository root (case-insensitive)'),
  forbid: z
    .enum(FORBID)
    .optional()
    .meta({ default: 'external' })
    .describe(
      'external: outside AI tools; any-ai: every AI tool, internal ones too; none: no tool',
    ),
  'require-review': z
    .boolean()
    .optional()
    .meta({ default: true })
    .describe('Commits touching the group need a human review sign-off'),
}).transform(({ 'require-review': requireReview, ...group }) => ({ ...group, requireReview }));

const envEntry = z
  .string()
  .superRefine(
    withProblem((entry) =>
      /^[A-Za-z_][A-Za-z0-9_]*(?:=.*)?$/s.test(entry)
        ? undefined
        : `expected NAME or NAME=value, NAME being letters, digits and "_" (got ${JSON.stringify(entry)})`,
    ),
  );
const trailerEntry = z
  .string()
  .superRefine(
    withProblem((entry) =>
      /^[A-Za-z0-9][A-Za-z0-9-]*\s*(?::.*)?$/s.test(entry)
        ? undefined
        : `expected a trailer key or "Key: value", the key being letters, digits and "-" (got ${JSON.stringify(entry)})`,
    ),
  );
const emailEntry = z
  .string()
  .superRefine(
    withProblem((email) =>
      /^[^\s<>@]+@[^\s<>@]+$/.test(email)
        ? undefined
        : `expected an email address, a * standing for any text (got ${JSON.stringify(email)})`,
    ),
  );
const branchPrefix = z
  .string()
  .superRefine(
    withProblem((prefix) =>
      prefix !== '' && !/\s/.test(prefix)
        ? undefined
        : `expected a branch prefix without spaces (got ${JSON.stringify(prefix)})`,
    ),
  );

const extraToolSchema = strictMapping({
  id: toolId,
  name: text.optional(),
  env: z.array(envEntry).optional().describe('Environment variables the tool sets'),
  emails: z.array(emailEntry).optional().describe('Author or committer emails of the tool'),
  branches: z.array(branchPrefix).optional().describe('Branch prefixes the tool uses'),
  trailers: z.array(trailerEntry).optional().describe('Trailer lines or keys the tool writes'),
});

const toolsSchema = strictMapping({
  internal: z
    .array(toolId)
    .optional()
    .meta({ default: [] })
    .describe('AI tools allowed in protected paths'),
  providers: z
    .array(provider)
    .optional()
    .meta({ default: [] })
    .describe(
      "Model providers whose output counts as internal, whichever tool ran the model (Cursor running Claude is anthropic's); a tool with another provider's model stays outside unless it is in internal",
    ),
  unknown: z
    .enum(['external', 'ignore'])
    .optional()
    .meta({ default: 'external' })
    .describe('How an AI signal that maps to no known tool counts'),
  extra: z
    .array(extraToolSchema)
    .superRefine(uniqueBy((tool) => tool.id, 'id', 'tool id'))
    .optional()
    .describe("The organisation's own tools and their signals"),
});

const reviewSchema = strictMapping({
  trailers: z
    .array(trailerKey)
    .optional()
    .meta({ default: ['Reviewed-by'] })
    .describe('Sign-off trailers that count as a human review'),
  approvals: z
    .boolean()
    .optional()
    .meta({ default: true })
    .describe('The Action may count an approving pull request review'),
  reviewers: z
    .array(text)
    .optional()
    .meta({ default: [] })
    .describe('Allowlist of logins or emails; empty means any human but the author'),
  'dismiss-stale': z
    .boolean()
    .optional()
    .meta({ default: true })
    .describe('An approval counts only on the current head'),
}).transform(({ 'dismiss-stale': dismissStale, ...review }) => ({ ...review, dismissStale }));

const localSchema = strictMapping({
  'on-violation': z
    .enum(['warn', 'block'])
    .optional()
    .meta({ default: 'warn' })
    .describe('What git hooks and agent guards do on a violation'),
}).transform(({ 'on-violation': onViolation }) => ({ onViolation }));

const exemptionSchema = strictMapping({
  commit: z
    .string()
    .regex(/^[0-9a-fA-F]{7,64}$/, {
      error: 'expected a commit sha or a prefix of at least 7 hex digits',
    })
    .transform((sha) => sha.toLowerCase())
    .optional(),
  path: glob.optional(),
  reason: text.describe('Why this is exempt; shown in reports'),
  expires: date.optional().describe('YYYY-MM-DD, the last day (UTC) the exemption applies'),
}).superRefine((exemption, ctx) => {
  if (exemption.commit === undefined && exemption.path === undefined)
    ctx.addIssue({ code: 'custom', message: 'an exemption needs a commit or a path' });
  else if (exemption.commit !== undefined && exemption.path !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['path'],
      message: 'an exemption has either a commit or a path, not both (write two exemptions)',
    });
});

/**
 * Without `extends`, every tools.internal id names a built-in tool or one of tools.extra (with
 * `extends`, the org's list decides: an id it does not list is dropped by mergePolicies).
 */
function internalToolsKnown(policy: object, ctx: z.RefinementCtx): void {
  // Runs even where other keys failed (every problem is listed at once), so the shape is unsure.
  const { extends: base, tools } = policy as { extends?: unknown; tools?: unknown };
  if (base !== undefined || typeof tools !== 'object' || tools === null) return;
  const { internal, extra } = tools as { internal?: unknown; extra?: unknown };
  if (!Array.isArray(internal)) return;
  const extraIds = (Array.isArray(extra) ? extra : []).map(
    (tool) => (tool as { id?: unknown })?.id,
  );
  const known = new Map<string, readonly string[]>([
    ...builtinTools.map((tool): [string, readonly string[]] => [tool.id, tool.aliases]),
    ...extraIds.filter((id) => typeof id === 'string').map((id): [string, string[]] => [id, []]),
  ]);
  internal.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || known.has(id) || !TOOL_ID.test(id) || id === 'unknown') return;
    const suggestion = closestName(id, known);
    ctx.addIssue({
      code: 'custom',
      path: ['tools', 'internal', index],
      message: `unknown tool ${JSON.stringify(id)} (neither built in nor declared in tools.extra)${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    });
  });
}

export const policySchema = strictMapping({
  version: z.literal(1, {
    error: (issue) =>
      issue.input === undefined
        ? 'missing; the file must say "version: 1"'
        : `unsupported version ${JSON.stringify(issue.input)} (this trailguard reads version 1)`,
  }),
  extends: z
    .string()
    .regex(/^\S+$/, {
      error: 'expected a policy reference without spaces, e.g. my-org/.github/trailguard.yml@main',
    })
    .optional()
    .describe('The org policy this file tightens, e.g. my-org/.github/trailguard.yml@main'),
  protected: z
    .array(groupSchema)
    .superRefine(uniqueBy((group) => group.name, 'name', 'group name'))
    .optional()
    .describe('Protected path groups; omitted, the built-in training-data and eval names apply'),
  tools: toolsSchema.optional(),
  review: reviewSchema.optional(),
  local: localSchema.optional(),
  exemptions: z.array(exemptionSchema).optional(),
})
  .superRefine(internalToolsKnown, { when: () => true })
  .meta({
    title: 'trailguard policy',
    description:
      'Which directories hold training data and evals, which AI tools may touch them, and what counts as human review (.github/trailguard.yml).',
  });

/** The JSON Schema of the policy file, generated from the zod schema (YAML key names). */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policySchema, { io: 'input', target: 'draft-2020-12' });
}
