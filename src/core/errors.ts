/** An error the user can act on: printed as one line, exit code 2, never a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}
