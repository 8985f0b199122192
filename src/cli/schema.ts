import { policyJsonSchema } from '../policy/schema.js';
import { UserError } from '../core/errors.js';
import { EXIT, parseVerb, type Verb } from './io.js';

const usage = `usage: trailguard schema

Prints the JSON Schema of the config file (.github/trailguard.yml), for editors and validators.
`;

export const run: Verb = async (args, io) => {
  const parsed = parseVerb('schema', args, io, usage, {});
  if (!parsed) return EXIT.ok;
  const { positionals } = parsed;
  if (positionals.length > 0)
    throw new UserError(`schema: unexpected argument "${positionals[0]}"`);
  io.stdout(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
};
