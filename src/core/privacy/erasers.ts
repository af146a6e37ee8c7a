/**
 * The erasers `/forget-me` and `coach privacy forget` run, and the one call both use.
 *
 * Today every feature keys its per-person records by the opaque user id and no shared value holds
 * a user id (leaderboards and the class report are computed from per-person records; daily-quiz
 * results, channel rotations and settings hold counts and channel ids only), so the key scan in
 * `forgetUser` finds everything and the list below is empty. test/privacy/erasure.test.ts seeds
 * every feature and fails if anything about the person survives: a feature that starts keeping
 * user ids inside shared values must add its eraser here.
 */
import type { Deps } from '../deps.js';
import { forgetUser, type ErasureReport, type PersonalDataEraser } from './forget.js';

/** Feature erasers for user ids held inside shared values (none today; see above). */
export const PERSONAL_DATA_ERASERS: readonly PersonalDataEraser[] = [];

/**
 * Deletes everything stored about one person, immediately.
 * @example const report = await eraseUser('discord:123', deps);
 */
export function eraseUser(userId: string, deps: Deps): Promise<ErasureReport> {
  return forgetUser(userId, deps, PERSONAL_DATA_ERASERS);
}
