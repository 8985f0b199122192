import { UserError } from '../errors.js';
import type { Verb } from './io.js';

// Placeholder while the verb is being written; replaced by its real module.
export const run: Verb = async () => {
  throw new UserError('explain: not implemented yet');
};
