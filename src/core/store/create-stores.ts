/**
 * The store factory: keyv over an embedded SQLite file by default, Redis when several instances
 * share state, and memory for tests and throwaway runs.
 *
 * Every namespace gets its own keyv *and* its own backend instance: a shared KeyvSqlite makes
 * `clear()` and iteration act on the wrong namespace. Store errors throw (`throwOnErrors`) so a
 * broken store is noticed rather than read as "no data".
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RedisClientType } from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import { Keyv } from 'keyv';

/** The namespaces the app uses; one list so erasure and sweeps can visit them all. */
export const STORE_NAMESPACES = [
  'conversations',
  'quiz-sessions',
  'quiz-progress',
  'quiz-daily',
  'quiz-bank',
  'feedback',
  'settings',
  'embeddings',
  'claims',
] as const;

export type StoreNamespace = (typeof STORE_NAMESPACES)[number];

/** Which backend a store URL selects. */
export type StoreKind = 'memory' | 'sqlite' | 'redis';

/** All of the app's storage, handed to features in their dependencies. */
export interface Stores {
  readonly kind: StoreKind;
  /** The keyv store of one namespace (created on first use, then reused). */
  ns<T = unknown>(name: StoreNamespace): Keyv<T>;
  /**
   * Atomic set-if-absent with expiry: resolves true for exactly one caller per key until it
   * expires, across instances on Redis (SET NX PX) and within one process otherwise.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Resolves when the backend answers; rejects when it does not (readiness checks). */
  ping(): Promise<void>;
  /** The Redis connection, when the backend is Redis (rate limiting shares it). */
  readonly redis: RedisClientType | null;
  close(): Promise<void>;
}

/**
 * Opens the stores named by a URL: `sqlite://data/file.sqlite` (relative paths resolve against
 * the working directory; the folder is created on first use), `redis://host:port`, or `memory://`.
 * @example const stores = await createStores('sqlite://data/service-coach.sqlite');
 */
export async function createStores(url: string): Promise<Stores> {
  if (url.startsWith('memory:')) return new KeyvStores('memory', (namespace) => new Keyv({ namespace, throwOnErrors: true }));
  if (url.startsWith('sqlite:')) return openSqlite(url);
  if (url.startsWith('redis:') || url.startsWith('rediss:')) return openRedis(url);
  throw new Error(`Unsupported STORE_URL scheme in "${url.split(':')[0]}:"`);
}

function openSqlite(url: string): Stores {
  const path = url.replace(/^sqlite:\/\//, '');
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return new KeyvStores('sqlite', (namespace) => {
    const store = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 });
    // Write-ahead logging, with fsync at checkpoints rather than every commit: about 5–8 times
    // faster writes and claims, which keeps up with a busy class (docs/OPERATIONS.md). A power cut
    // may lose the last moments of writes, never the database. Failures leave the defaults.
    void store.query('PRAGMA journal_mode=WAL').then(() => store.query('PRAGMA synchronous=NORMAL')).catch(() => undefined);
    return new Keyv({ store, namespace, throwOnErrors: true });
  });
}

async function openRedis(url: string): Promise<Stores> {
  // Loaded only for Redis: the client adds ~13 MB to every process that never uses it.
  const { default: KeyvRedis, createClient } = await import('@keyv/redis');
  const client = createClient({
    url,
    // Fail fast while disconnected instead of queueing work for minutes; reconnect in the background.
    disableOfflineQueue: true,
    socket: { connectTimeout: 3000, reconnectStrategy: (retries: number) => Math.min(200 * 2 ** retries, 5000) },
  }) as RedisClientType;
  // Errors surface on each call; this listener only stops an unhandled 'error' event crashing the process.
  client.on('error', () => {});
  await client.connect();
  return new KeyvStores(
    'redis',
    (namespace) =>
      new Keyv({
        store: new KeyvRedis(client, { namespace, throwOnConnectError: true, throwOnErrors: true }),
        namespace,
        useKeyPrefix: false,
        throwOnErrors: true,
      }),
    client,
  );
}

class KeyvStores implements Stores {
  private readonly open = new Map<StoreNamespace, Keyv>();
  /** Claims in progress by key: only claims of the same key need to wait for each other. */
  private readonly claiming = new Map<string, Promise<unknown>>();

  constructor(
    readonly kind: StoreKind,
    private readonly make: (namespace: string) => Keyv,
    readonly redis: RedisClientType | null = null,
  ) {}

  ns<T = unknown>(name: StoreNamespace): Keyv<T> {
    let store = this.open.get(name);
    if (!store) {
      store = this.make(name);
      this.open.set(name, store);
    }
    return store as Keyv<T>;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.redis) {
      const result = await this.redis.set(`claims::${key}`, '1', { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
      return result === 'OK';
    }
    // One process owns SQLite and memory stores: serialising get-then-set per key makes it atomic
    // here, while claims of different keys (every Slack event has its own) run side by side.
    const claims = this.ns<number>('claims');
    const previous = this.claiming.get(key) ?? Promise.resolve();
    const attempt = previous.then(async () => {
      if ((await claims.get(key)) !== undefined) return false;
      await claims.set(key, Date.now(), ttlMs);
      return true;
    });
    const settled = attempt.catch(() => undefined);
    this.claiming.set(key, settled);
    void settled.then(() => {
      if (this.claiming.get(key) === settled) this.claiming.delete(key);
    });
    return attempt;
  }

  async ping(): Promise<void> {
    if (this.redis) {
      await this.redis.ping();
      return;
    }
    await this.ns('claims').get('__ping__');
  }

  async close(): Promise<void> {
    const stores = [...this.open.values()];
    this.open.clear();
    if (this.redis) {
      if (this.redis.isOpen) await this.redis.quit().catch(() => this.redis?.destroy());
      return;
    }
    await Promise.allSettled(stores.map((store) => store.disconnect()));
  }
}
