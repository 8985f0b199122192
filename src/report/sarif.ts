import type { Log, Result } from 'sarif';
import type { Report, Rule, Violation } from '../core/types.js';
import { fixFor } from '../policy/judge.js';

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The report as SARIF 2.1.0, the format GitHub code scanning reads: upload it with
 * github/codeql-action/upload-sarif and every finding shows on the files, past the 50-annotation
 * limit of a job. One result per file of a violation, at the file (SARIF's region line 1).
 */
const RULES: Record<Rule, { name: string; description: string; help: string }> = {
  'external-ai': {
    name: 'OutsideAiInProtectedPath',
    description: 'Output of an outside AI tool entered a protected path.',
    help: sentence(fixFor('external-ai', { forbid: 'external', approvals: false })),
  },
  'missing-review': {
    name: 'ProtectedPathWithoutReview',
    description: 'A commit touched a protected path without a human review that counts.',
    help: sentence(fixFor('missing-review', { approvals: true })),
  },
};

interface SarifOptions {
  /** The tool version shown in the run (the package version). */
  version: string;
  /** The checked range and the policy source, kept in the run's properties. */
  range?: string;
  policySource?: string;
}

export function renderSarif(report: Report, options: SarifOptions): string {
  const ruleIds = Object.keys(RULES) as Rule[];
  const rules = ruleIds.map((id) => ({
    id,
    name: RULES[id].name,
    shortDescription: { text: RULES[id].description },
    help: { text: RULES[id].help },
    defaultConfiguration: { level: 'error' as const },
  }));
  const results = report.violations.flatMap((violation) =>
    violation.paths.map((path) => result(violation, path, ruleIds.indexOf(violation.rule))),
  );
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'trailguard', version: options.version, rules } },
        results,
        properties: {
          commits: report.commits,
          ...(options.range !== undefined && { range: options.range }),
          ...(options.policySource !== undefined && { policy: options.policySource }),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(violation: Violation, path: string, ruleIndex: number): Result {
  const tools = violation.tools.length ? ` (${violation.tools.join(', ')})` : '';
  return {
    ruleId: violation.rule,
    ruleIndex,
    level: 'error',
    message: {
      text: `${violation.sha.slice(0, 12)} ${violation.rule}${tools} in protected group "${violation.group}": ${violation.message}`,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(path) },
          region: { startLine: 1 },
        },
      },
    ],
    // Code scanning keeps one alert per fingerprint: one per commit, rule, group and file.
    partialFingerprints: {
      'trailguard/v1': `${violation.sha}:${violation.rule}:${violation.group}:${path}`,
    },
    properties: { commit: violation.sha, group: violation.group, tools: violation.tools },
  };
}
