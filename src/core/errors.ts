/**
 * Two kinds of error (see docs/ARCHITECTURE.md): a {@link UserFacingError} carries text that is
 * safe to show as it is; anything else is logged with its cause and the user gets a short apology.
 */

/** Stable codes for errors a user may see. */
export type UserFacingCode =
  | 'empty_input'
  | 'input_too_long'
  | 'invalid_argument'
  | 'not_found'
  | 'expired'
  | 'forbidden'
  | 'rate_limited'
  | 'unavailable';

/** An error whose message is written for the user, safe to display on any surface. */
export class UserFacingError extends Error {
  constructor(
    readonly code: UserFacingCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** The apology shown when something unexpected fails; details go to the log only. */
export const GENERIC_APOLOGY =
  'Sorry, something went wrong on my side. Please try again in a moment; if it keeps happening, tell your tutor.';

/** True for errors whose message may be shown to a user. */
export function isUserFacing(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
