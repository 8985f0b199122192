import { resolve } from 'node:path';
import { diagnose } from '../install/doctor.js';
import { installFacts } from '../install/repo.js';
import { EXIT, parseVerb, requireFormat, type Verb } from './io.js';
import { stdoutStyle } from './style.js';

const help = `usage: trailguard doctor [--repo DIR] [--format text|json]

Finds what silently stops trailguard's hooks: core.hooksPath changed after install, lefthook
renaming the hook to .old, node unreachable from GUI clients, an invalid policy. Each problem
comes with a fix. Exit 0 when all is well, 1 when something needs fixing.
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('doctor', args, io, help, {
    repo: { type: 'string' },
    format: { type: 'string', default: 'text' },
  });
  if (!parsed) return EXIT.ok;
  const { values } = parsed;
  const format = requireFormat('doctor', values.format, ['text', 'json'] as const);
  const findings = await diagnose(await installFacts(resolve(io.cwd, values.repo ?? '.'), io.env));
  const ok = findings.every((finding) => finding.ok);
  if (format === 'json') io.stdout(JSON.stringify({ ok, findings }, null, 2) + '\n');
  else {
    const paint = stdoutStyle(io);
    for (const finding of findings) {
      const mark = finding.ok ? paint.green('ok     ') : paint.red('problem');
      io.stdout(`${mark} ${finding.what}\n`);
      if (finding.fix) io.stdout(`        fix: ${finding.fix}\n`);
    }
  }
  return ok ? EXIT.ok : EXIT.violation;
};
