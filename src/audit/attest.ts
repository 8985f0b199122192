import { createHash } from 'node:crypto';
import { UserError } from '../core/errors.js';
import { git } from '../git/exec.js';
import { DEFAULT_POLICY_YAML } from '../policy/default.js';
import { groupsProtecting } from '../policy/judge.js';
import type { CompiledPolicy } from '../policy/types.js';
import {
  buildStatement,
  PROPERTIES,
  type ResourceDescriptor,
  type SvrStatement,
} from './in-toto.js';
import { readHead, type HeadFile, type HeadReport } from './head.js';

type Env = NodeJS.ProcessEnv;

/** A probe name: a directory is a subject only when its group's globs take anything under it. */
const PROBE = 'trailguard-probe';

/**
 * What a statement names: for each protected file, the outermost directory its group's globs
 * protect whole (`evals/**` gives `evals`; `**\/training-data/**` each `…/training-data`),
 * digested by its git tree; a file no such directory holds (`evals/*.jsonl`) stands for itself,
 * digested by its blob. Every subject's content is exactly what verify judged.
 */
export async function subjectsFor(
  repo: string,
  report: HeadReport,
  policy: CompiledPolicy,
  env: Env,
): Promise<ResourceDescriptor[]> {
  const protection = (path: string) => groupsProtecting(policy, path);
  const wholeDirectory = (dir: string, group: string) =>
    [`${dir}/${PROBE}`, `${dir}/${PROBE}/${PROBE}`].every((probe) =>
      protection(probe).some((g) => g.name === group),
    );
  const subjects = new Map<string, { kind: 'tree' | 'blob'; groups: Set<string> }>();
  for (const group of report.groups) {
    for (const file of group.files) {
      const parts = file.path.split('/');
      let name = file.path;
      let kind: 'tree' | 'blob' = 'blob';
      for (let depth = 1; depth < parts.length; depth += 1) {
        const dir = parts.slice(0, depth).join('/');
        if (wholeDirectory(dir, group.group)) {
          name = dir;
          kind = 'tree';
          break;
        }
      }
      const subject = subjects.get(name) ?? { kind, groups: new Set<string>() };
      subject.groups.add(group.group);
      subjects.set(name, subject);
    }
  }
  // A file or directory inside another subject is covered by that subject's digest.
  const names = [...subjects.keys()].filter(
    (name) => ![...subjects.keys()].some((other) => other !== name && name.startsWith(`${other}/`)),
  );
  const digests = await objectIds(repo, report.commit, names, env);
  return names.map((name, index) => ({
    name,
    digest: { [subjects.get(name)!.kind === 'tree' ? 'gitTree' : 'gitBlob']: digests[index]! },
    annotations: { commit: report.commit, groups: [...subjects.get(name)!.groups] },
  }));
}

/** `git rev-parse COMMIT:PATH` for each path; null where the commit has none. */
export async function objectIds(
  repo: string,
  commit: string,
  paths: string[],
  env: Env,
): Promise<(string | null)[]> {
  return Promise.all(
    paths.map(async (path) => {
      try {
        return (
          await git(['rev-parse', '--verify', '--quiet', `${commit}:${path}`], { cwd: repo, env })
        ).trim();
      } catch {
        return null;
      }
    }),
  );
}

export interface PolicyLocation {
  committedPath?: string;
  /** The commit the committed policy was read at (CI reads the policy already in force). */
  rev?: string;
  diskPath?: string;
  extendsRef?: string;
}

/** The policy as a ResourceDescriptor: its file by git blob, or the embedded default by sha256. */
export async function policyDescriptor(
  repo: string,
  commit: string,
  location: PolicyLocation,
  env: Env,
): Promise<ResourceDescriptor> {
  const extendsNote = location.extendsRef ? { extends: location.extendsRef } : {};
  if (location.diskPath !== undefined) {
    const blob = (await git(['hash-object', '--', location.diskPath], { cwd: repo, env })).trim();
    return { name: location.diskPath, digest: { gitBlob: blob }, annotations: { ...extendsNote } };
  }
  if (location.committedPath !== undefined) {
    const rev = location.rev ?? commit;
    const [blob] = await objectIds(repo, rev, [location.committedPath], env);
    return {
      name: location.committedPath,
      digest: { gitBlob: blob! },
      annotations: { commit: rev, ...extendsNote },
    };
  }
  const sha256 = createHash('sha256').update(DEFAULT_POLICY_YAML).digest('hex');
  return { name: 'trailguard embedded default policy', digest: { sha256 } };
}

/** Whether any line (binary files: any commit of their history) has one of the sources. */
const holds = (file: HeadFile, sources: string[]) =>
  file.kind === 'text'
    ? sources.some((source) => file[`${source as 'external' | 'internal'}Lines`] > 0)
    : file.commits.some((commit) => sources.includes(commit.source));

/** The SVR properties a passing report supports, each asserted only where it holds. */
export function verifiedProperties(report: HeadReport): string[] {
  if (!report.ok) return [];
  const files = report.groups.flatMap((group) => group.files);
  const properties: string[] = [PROPERTIES.verified];
  if (!files.some((file) => holds(file, ['external']))) properties.push(PROPERTIES.noOutsideModel);
  if (!files.some((file) => holds(file, ['external', 'internal'])))
    properties.push(PROPERTIES.noAi);
  const everyLineReviewed = files.every((file) =>
    file.kind === 'text' ? file.unreviewedLines === 0 : file.commits.every((c) => c.reviewed),
  );
  if (everyLineReviewed) properties.push(PROPERTIES.allReviewed);
  if (files.every((file) => file.historyReviewed)) properties.push(PROPERTIES.twoPartyReviewed);
  return properties;
}

export interface AttestInput {
  repo: string;
  rev: string;
  policy: CompiledPolicy;
  /** Where the policy came from: a file committed at `rev` (default: the attested commit), a
   * file on disk, else the embedded default. */
  policyLocation: PolicyLocation;
  version: string;
  env: NodeJS.ProcessEnv;
  now?: Date;
}

/** verify, then, when it passes, the statement; a failing report comes back without one. */
export async function makeAttestation(
  input: AttestInput,
): Promise<{ report: HeadReport; statement?: SvrStatement }> {
  const now = input.now ?? new Date();
  const report = await readHead({
    repo: input.repo,
    rev: input.rev,
    policy: input.policy,
    env: input.env,
    now,
  });
  if (!report.ok) return { report };
  const subjects = await subjectsFor(input.repo, report, input.policy, input.env);
  if (subjects.length === 0)
    throw new UserError(
      `attest: no protected file at ${input.rev}, so nothing to attest (see the policy's protected paths)`,
    );
  const policies = [
    await policyDescriptor(input.repo, report.commit, input.policyLocation, input.env),
  ];
  const statement = buildStatement({
    subjects,
    policies,
    version: input.version,
    time: now,
    properties: verifiedProperties(report),
  });
  return { report, statement };
}

export interface SubjectCheck {
  name: string;
  kind: string;
  expected: string;
  actual: string | null;
  ok: boolean;
}

/** Each subject's digest against the object the revision holds at its path. */
export async function checkSubjects(
  repo: string,
  commit: string,
  statement: SvrStatement,
  env: Env,
): Promise<SubjectCheck[]> {
  const actual = await objectIds(
    repo,
    commit,
    statement.subject.map((s) => s.name),
    env,
  );
  const types = await Promise.all(
    actual.map((oid) =>
      oid === null ? null : git(['cat-file', '-t', oid], { cwd: repo, env }).then((t) => t.trim()),
    ),
  );
  return statement.subject.map((subject, index) => {
    const kind =
      'gitTree' in subject.digest
        ? 'gitTree'
        : 'gitBlob' in subject.digest
          ? 'gitBlob'
          : Object.keys(subject.digest)[0]!;
    const expected = subject.digest[kind]!;
    const wantedType = kind === 'gitTree' ? 'tree' : kind === 'gitBlob' ? 'blob' : undefined;
    const oid = actual[index]!;
    return {
      name: subject.name,
      kind,
      expected,
      actual: oid,
      ok: wantedType !== undefined && types[index] === wantedType && oid === expected.toLowerCase(),
    };
  });
}
