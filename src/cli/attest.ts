import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeAttestation } from '../audit/attest.js';
import { findPolicyFile } from '../policy/locate.js';
import { renderHeadText } from '../report/head.js';
import { revisionAndPolicy } from './head-context.js';
import { UserError } from '../core/errors.js';
import { EXIT, parseVerb, type Verb } from './io.js';

const help = `usage: trailguard attest [--at REV] [--output FILE] [--config PATH] [--repo DIR]

When verify passes at REV (default HEAD), prints an in-toto Statement v1 with a Simple
Verification Result (https://in-toto.io/attestation/svr/v0.2) predicate: one subject per
protected directory, digested by its git tree (a protected file outside such a directory by its
blob), the policy by its git blob, and the properties verified. Sign it with actions/attest.
Exit 1 and no statement when verify fails; 2 when it cannot tell.
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('attest', args, io, help, {
    at: { type: 'string' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string' },
    repo: { type: 'string' },
  });
  if (!parsed) return EXIT.ok;
  const { values, positionals } = parsed;
  if (positionals.length > 0)
    throw new UserError(`attest: takes no paths (got ${positionals.join(' ')})`);
  const { repo, rev, commit, policy } = await revisionAndPolicy(values, io);
  const { report, statement } = await makeAttestation({
    repo,
    rev,
    policy,
    policyLocation: {
      diskPath: values.config === undefined ? undefined : resolve(io.cwd, values.config),
      committedPath:
        values.config === undefined
          ? findPolicyFile({ repoDir: repo, rev: commit, env: io.env })
          : undefined,
      extendsRef: policy.extends,
    },
    version: process.env.TRAILGUARD_VERSION ?? 'dev',
    env: io.env,
  });
  if (!statement) {
    io.stderr(renderHeadText(report, policy.source));
    io.stderr('trailguard attest: verify failed, so no statement was made\n');
    return EXIT.violation;
  }
  const text = JSON.stringify(statement, null, 2) + '\n';
  if (values.output === undefined) io.stdout(text);
  else writeFileSync(resolve(io.cwd, values.output), text);
  return EXIT.ok;
};
