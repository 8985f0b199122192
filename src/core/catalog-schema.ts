/**
 * The shape of `catalog.json`, the tool catalog. `scripts/build.mjs` and test/catalog.test.ts check
 * the file against it, so the runtime loader (`catalog.ts`) reads it without zod.
 *
 * Adding a tool is one entry in `tools`; adding a signature is one entry in one of a tool's lists.
 * Every signature says where it comes from: `source` names the research row it was taken from
 * (research/ai-tool-signatures.md § and status: V = first-party, V² = third-party code or docs,
 * U = observed only), `seen` lists public commits that carry it (`owner/repo@sha`), and `variant`
 * the product surface when the tool has several ("cloud", "cli"). `trailguard explain` prints them
 * next to each signal. Patterns are case-insensitive regular expressions, written as strings.
 */
import * as z from 'zod';
import { TOOL_ID } from './catalog.js';

const provenance = {
  source: z.string().min(3),
  seen: z.array(z.string().min(1)).optional(),
  variant: z.string().min(1).optional(),
};

const pattern = z.string().refine((text) => {
  try {
    new RegExp(text, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const envTrust = z.enum(['agent', 'ambient']);

const envSignature = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  /** An exact value, a substring the value must contain, or absent: any non-empty value. */
  value: z.union([z.string(), z.strictObject({ contains: z.string().min(1) })]).optional(),
  /** `agent`: only shells an agent runs have it, so it counts. `ambient`: human terminals have it too. */
  trust: envTrust,
  ...provenance,
});

/** A trailer key only this tool writes; `values` (case-insensitive, whole value) narrow it. */
const trailerSignature = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/),
  values: z.array(z.string().min(1)).optional(),
  ...provenance,
});

/** An author, committer or co-author address; `namePattern` must match the name too where the address is shared. */
const emailSignature = z.strictObject({
  email: z.string().regex(/^[^\sA-Z<>@]+@[^\sA-Z<>@]+$/, 'a lower-case email address'),
  namePattern: pattern.optional(),
  ...provenance,
});

/**
 * A GitHub account the tool commits or co-authors as: `login` as GitHub spells it (apps end in
 * `[bot]`), matched in `<id>+<login>@users.noreply.github.com` and `<login>@users.noreply.github.com`,
 * and, for `[bot]` logins (reserved for GitHub Apps), as the identity's name.
 */
const githubAccount = z.strictObject({ login: z.string().min(1), ...provenance });

/** An identity name that alone marks the tool (e.g. aider's `Jane Dev (aider)`); `example` must match. */
const nameSignature = z
  .strictObject({ pattern, example: z.string().min(1), ...provenance })
  .refine((sig) => new RegExp(sig.pattern, 'i').test(sig.example), {
    message: 'the pattern does not match its example',
  });

const branchSignature = z.strictObject({ prefix: z.string().regex(/^\S+$/), ...provenance });

/** A documented message text: a footer line or a subject prefix, quoted as the tool writes it. */
const textSignature = z.strictObject({ text: z.string().min(1), ...provenance });

const toolData = z.strictObject({
  id: z.string().regex(TOOL_ID, 'a kebab-case tool id'),
  name: z.string().min(1),
  vendor: z.string().min(1),
  /** Names that may stand for the tool in claim trailers, footers and co-author names. */
  aliases: z.array(z.string().min(1)),
  /** The vendor's mail domains: a co-author named like the tool at one of these is the tool. */
  domains: z.array(z.string().min(1)).optional(),
  /** Whose models the tool runs when it names none (a tool that runs several providers' models has none). */
  provider: z.string().regex(TOOL_ID).optional(),
  /** How to read the model from the tool's own co-author name; `slug` turns "Opus 4.5" into "claude-opus-4-5". */
  modelFromName: z.strictObject({ pattern, slug: z.string().min(1).optional() }).optional(),
  env: z.array(envSignature).optional(),
  trailers: z.array(trailerSignature).optional(),
  emails: z.array(emailSignature).optional(),
  github: z.array(githubAccount).optional(),
  names: z.array(nameSignature).optional(),
  branches: z.array(branchSignature).optional(),
  /** Footer lines as the tool writes them; detection reads any "Generated with [Alias](…)" line. */
  footers: z.array(textSignature).optional(),
  subjectPrefixes: z.array(textSignature).optional(),
  /** Variables of another tool that this tool sets as well: when this tool is seen, they are its own. */
  envShadows: z
    .strictObject({
      tool: z.string().regex(TOOL_ID),
      names: z.array(z.string()),
      source: z.string(),
    })
    .optional(),
});

/**
 * Trailer keys whose value names an AI tool. `unmapped` says what a value naming no known tool
 * means: an AI claim by an unknown tool, or nothing (the key is also used for non-AI provenance).
 */
const claimTrailer = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/),
  unmapped: z.enum(['unknown', 'none']),
  ...provenance,
});

/**
 * A model family: the names its model ids start with (lower case; `claude` matches `claude-opus-4-5`,
 * `opus` matches "Opus 4.7") and the provider whose models they are.
 */
const modelFamily = z.strictObject({
  provider: z.string().regex(TOOL_ID),
  names: z.array(z.string().regex(/^[a-z][a-z0-9.-]*$/, 'a lower-case model family name')).min(1),
  source: z.string().min(3),
});

export const catalogDataSchema = z.strictObject({
  tools: z.array(toolData),
  modelFamilies: z.array(modelFamily),
  claimTrailers: z.array(claimTrailer),
  /** Trailer keys that name a person or tool by `Name <email>`; they count only by identity. */
  identityTrailers: z.array(z.string().min(1)),
  /** Variables that any agent may set under a common convention; the value names the tool. */
  genericAgentEnv: z.array(envSignature),
  /** Tools named in `Assisted-by:` and similar trailers that are not AI (coccinelle, sparse, …); lower case. */
  nonAiTools: z.array(z.string().regex(/^[^A-Z]+$/, 'lower case')),
  /** Bots and automation that are not AI tools (any `[bot]` name or address is one without being listed). */
  knownBots: z.array(
    z.strictObject({
      name: z.string().optional(),
      email: z.string().optional(),
      source: z.string(),
    }),
  ),
});

export type CatalogData = z.infer<typeof catalogDataSchema>;
export type ToolData = z.infer<typeof toolData>;
export type EnvTrust = z.infer<typeof envTrust>;
export type EnvSignature = z.infer<typeof envSignature>;
export type TrailerSignature = z.infer<typeof trailerSignature>;
export type EmailSignature = z.infer<typeof emailSignature>;
export type BranchSignature = z.infer<typeof branchSignature>;
export type ClaimTrailer = z.infer<typeof claimTrailer>;
/** Where a signature comes from: what `trailguard explain` shows next to a signal. */
export type Provenance = Pick<EnvSignature, 'source' | 'seen' | 'variant'>;

/** The catalog data, or an error naming each entry that breaks the shape (`tools[3] (amp).env[0].trust`). */
export function parseCatalogData(data: unknown): CatalogData {
  const result = catalogDataSchema.safeParse(data);
  if (result.success) return result.data;
  const toolId = (index: number): unknown =>
    (data as { tools?: { id?: unknown }[] }).tools?.[index]?.id;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path
      .map((key, i) => {
        if (typeof key !== 'number') return `${i ? '.' : ''}${String(key)}`;
        const id = i === 1 && issue.path[0] === 'tools' ? toolId(key) : undefined;
        return typeof id === 'string' ? `[${key}] (${id})` : `[${key}]`;
      })
      .join('');
    return `catalog.json ${where || '(root)'}: ${issue.message}`;
  });
  throw new Error(problems.join('\n'));
}
