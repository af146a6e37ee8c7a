/**
 * The right to erasure: delete everything stored about one user, from every store, at once.
 *
 * Two layers, so nothing is missed:
 * 1. every feature that keeps aggregate records (a leaderboard, a daily quiz's answers) registers
 *    an eraser that removes the user from inside those values;
 * 2. then every key in every namespace that names the user is deleted (per-user records are keyed
 *    by the opaque user id by convention, see docs/PRIVACY.md).
 */
import type { Deps } from '../deps.js';
import { STORE_NAMESPACES, type StoreNamespace } from '../store/create-stores.js';

/** A feature's own erasure for data the key scan cannot see (user ids inside shared values). */
export interface PersonalDataEraser {
  /** Shown in the erasure report, e.g. "quiz leaderboards". */
  name: string;
  /** Removes the user; resolves to how many records were changed or deleted. */
  erase(userId: string, deps: Deps): Promise<number>;
}

/** What an erasure removed, by eraser name and namespace. */
export interface ErasureReport {
  userId: string;
  removed: Record<string, number>;
  total: number;
}

/**
 * Deletes everything about `userId`. Safe to run twice; the second run removes nothing.
 * @example const report = await forgetUser('discord:123', deps, ERASERS);
 */
export async function forgetUser(userId: string, deps: Deps, erasers: readonly PersonalDataEraser[]): Promise<ErasureReport> {
  if (!userId.includes(':')) throw new Error('forgetUser needs an opaque user id such as "slack:T1:U2"');
  const removed: Record<string, number> = {};
  for (const eraser of erasers) removed[eraser.name] = await eraser.erase(userId, deps);
  for (const namespace of STORE_NAMESPACES) {
    const count = await deleteKeysNaming(namespace, userId, deps);
    if (count > 0) removed[`store:${namespace}`] = count;
  }
  await deps.rateLimiter.reset(userId);
  await compactSqlite(deps);
  const total = Object.values(removed).reduce((sum, n) => sum + n, 0);
  deps.logger.info({ erasers: erasers.length, total }, 'user data erased');
  return { userId, removed, total };
}

/** Every key in a namespace that contains the user id as a whole segment. */
async function deleteKeysNaming(namespace: StoreNamespace, userId: string, deps: Deps): Promise<number> {
  const store = deps.stores.ns(namespace);
  const doomed: string[] = [];
  for await (const [key] of store.iterator!(undefined)) {
    if (namesUser(String(key), userId)) doomed.push(String(key));
  }
  for (const key of doomed) await store.delete(key);
  return doomed.length;
}

/**
 * SQLite keeps a deleted row's bytes in free pages (and in the write-ahead log) until they are
 * reused, so erased data could still be read from the files. VACUUM rewrites the database without
 * them and the checkpoint empties the log (erasure is rare; this takes well under a second for a
 * class's data).
 */
async function compactSqlite(deps: Deps): Promise<void> {
  if (deps.stores.kind !== 'sqlite') return;
  const backend = (deps.stores.ns('claims') as unknown as { store?: { query?: (sql: string) => Promise<unknown> } }).store;
  await backend?.query?.('VACUUM');
  // In WAL mode the rewrite goes to the log first: checkpoint it into the file and empty the log.
  await backend?.query?.('PRAGMA wal_checkpoint(TRUNCATE)');
}

/**
 * True when `text` mentions the user id as a whole id: "discord:12" must not match
 * "discord:123", but "progress|discord:12|u1", "discord:12:u1" and "discord:12" must.
 */
export function namesUser(text: string, userId: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(userId, from);
    if (at < 0) return false;
    const after = text[at + userId.length];
    const before = text[at - 1];
    const boundary = (c: string | undefined) => c === undefined || !/[A-Za-z0-9_.-]/.test(c);
    if (boundary(before) && boundary(after)) return true;
    from = at + 1;
  }
}
