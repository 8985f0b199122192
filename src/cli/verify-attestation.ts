import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSubjects } from '../audit/attest.js';
import { UserError } from '../core/errors.js';
import { discoverRepo } from '../git/discover.js';
import { resolveCommit } from '../git/repo.js';
import { PROPERTIES, readStatement, VERIFIER_ID } from '../audit/in-toto.js';
import { EXIT, parseVerb, requireFormat, type Verb } from './io.js';
import { shortSha } from '../report/text.js';

const help = `usage: trailguard verify-attestation FILE [--at REV] [--require PROPERTY]… [--format text|json] [--repo DIR]

Checks that a statement made by \`trailguard attest\` (bare, in a DSSE envelope or a Sigstore
bundle) still matches REV (default HEAD): every subject's git tree or blob digest equals what REV
holds at its path, the predicate is an SVR v0.2 from trailguard's verifier that passed, and it
lists each --require'd property (e.g. SLSA_SOURCE_TWO_PARTY_REVIEWED). Run it before reading
the data; check the signature with \`gh attestation verify\`.
Exit 0 matches, 1 does not match, 2 could not tell (unreadable file, missing revision).
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('verify-attestation', args, io, help, {
    at: { type: 'string' },
    require: { type: 'string', multiple: true },
    format: { type: 'string', default: 'text' },
    repo: { type: 'string' },
  });
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  const format = requireFormat('verify-attestation', values.format, ['text', 'json'] as const);
  if (positionals.length !== 1)
    throw new UserError('verify-attestation: give exactly one statement FILE');
  const file = resolve(io.cwd, positionals[0]!);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(
      `verify-attestation: cannot read ${positionals[0]} as JSON: ${(error as Error).message}`,
    );
  }
  const { top: repo } = await discoverRepo(resolve(io.cwd, values.repo ?? '.'), io.env);
  const rev = values.at ?? 'HEAD';
  const commit = await resolveCommit(repo, rev, io.env);
  const problems: string[] = [];
  const { statement, problem } = readStatement(document);
  if (problem) problems.push(problem);
  const subjects = statement ? await checkSubjects(repo, commit, statement, io.env) : [];
  if (statement) {
    if (statement.predicate.verifier.id !== VERIFIER_ID)
      problems.push(
        `predicate.verifier.id is ${statement.predicate.verifier.id}, not ${VERIFIER_ID}`,
      );
    for (const property of [PROPERTIES.verified, ...(values.require ?? [])]) {
      if (!statement.predicate.properties.includes(property))
        problems.push(`the statement does not assert ${property}`);
    }
    for (const subject of subjects.filter((s) => !s.ok)) {
      problems.push(
        subject.actual === null
          ? `${subject.name}: ${rev} has nothing at this path`
          : `${subject.name}: ${subject.kind} at ${rev} is ${subject.actual}, the statement says ${subject.expected}`,
      );
    }
  }
  const ok = problems.length === 0;
  if (format === 'json') {
    io.stdout(JSON.stringify({ ok, rev, commit, subjects, problems }, null, 2) + '\n');
  } else if (ok) {
    io.stdout(
      `OK — ${subjects.length} subject${subjects.length === 1 ? '' : 's'} match ${rev} (${shortSha(commit)}): ` +
        `${subjects.map((s) => s.name).join(', ')}\n`,
    );
  } else {
    io.stdout(
      `FAIL — the statement does not match ${rev} (${shortSha(commit)}):\n${problems.map((p) => `  ${p}\n`).join('')}`,
    );
  }
  return ok ? EXIT.ok : EXIT.violation;
};
