/**
 * A store that fails fast and says so. Every store operation is bounded in time and every backend
 * failure (Redis down, SQLite broken, a hung connection) becomes one {@link StoreUnavailableError},
 * so features can tell "the store is out" from their own bugs:
 * - ask and review treat it as "no memory" and still answer;
 * - quiz features surface it, through the dispatcher, as a clear "unavailable for a moment";
 * - claims (event de-duplication, daily slots) get a shorter bound, so a slow store never holds a
 *   Slack acknowledgement or a Discord defer.
 * Nothing is cached or queued: when the backend answers again, the next operation simply works.
 */
import type { Keyv } from 'keyv';
import type { Logger } from '../logger.js';
import type { StoreNamespace, Stores } from './create-stores.js';

/** Longest a read or write may take before it counts as a failure. */
export const STORE_TIMEOUT_MS = 2000;
/** Longest a claim may take: the platforms' acknowledgement deadlines are 3 seconds. */
export const CLAIM_TIMEOUT_MS = 1000;
/**
 * After an operation times out, further operations fail at once for this long instead of each
 * waiting out its own timeout (a hung store would otherwise cost seconds per request); then the
 * next operation tries the store again.
 */
export const STORE_COOL_DOWN_MS = 5000;

/** The store did not answer, or answered with an error. `cause` holds the backend's error. */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
  constructor(
    readonly operation: string,
    readonly reason: 'timeout' | 'error' | 'cooling-down',
    options?: { cause: unknown },
  ) {
    super(`store ${operation} failed (${reason})`, options);
    this.name = 'StoreUnavailableError';
  }
}

/** True when an error (or its cause chain) says the store is unavailable. */
export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}

/** Options for {@link guardStores}. */
export interface GuardOptions {
  timeoutMs?: number;
  claimTimeoutMs?: number;
  coolDownMs?: number;
  /** Failures are logged (namespace and operation only), at most once per `logEveryMs`. */
  logger?: Logger;
  logEveryMs?: number;
}

const DATA_METHODS = new Set(['get', 'getMany', 'getRaw', 'getManyRaw', 'set', 'setMany', 'delete', 'deleteMany', 'clear', 'has', 'hasMany']);
const GUARDED = Symbol('guarded-stores');

/**
 * Wraps stores so every operation is bounded and every failure is a {@link StoreUnavailableError}.
 * Wrapping twice returns the same object.
 * @example const stores = guardStores(await createStores(config.store.url), { logger });
 */
export function guardStores(inner: Stores, options: GuardOptions = {}): Stores {
  if ((inner as unknown as Record<symbol, unknown>)[GUARDED]) return inner;
  const timeoutMs = options.timeoutMs ?? STORE_TIMEOUT_MS;
  const claimTimeoutMs = options.claimTimeoutMs ?? CLAIM_TIMEOUT_MS;
  const coolDownMs = options.coolDownMs ?? STORE_COOL_DOWN_MS;
  const report = failureReporter(options.logger, options.logEveryMs ?? 10_000);
  // Errors (Redis refusing while disconnected, SQLite errors) are already instant; only a store
  // that hangs makes every caller wait. A timeout starts a cool-down only when nothing has
  // succeeded for a whole timeout: a busy store whose queue is long still answers, a hung one not.
  let coolUntil = 0;
  let lastSuccessAt = Date.now();
  const bounded = <T>(operation: string, ms: number, run: () => Promise<T>): Promise<T> => {
    if (Date.now() < coolUntil) return Promise.reject(new StoreUnavailableError(operation, 'cooling-down'));
    return withTimeout(operation, ms, run).then(
      (value) => {
        lastSuccessAt = Date.now();
        return value;
      },
      (error: unknown) => {
        const failure = isStoreUnavailable(error) ? error : new StoreUnavailableError(operation, 'error', { cause: error });
        if (failure.reason === 'timeout' && Date.now() - lastSuccessAt >= ms) coolUntil = Date.now() + coolDownMs;
        report(failure);
        throw failure;
      },
    );
  };
  const wrapped = new Map<StoreNamespace, Keyv>();
  const guarded: Stores & { [GUARDED]: true } = {
    [GUARDED]: true,
    get kind() {
      return inner.kind;
    },
    get redis() {
      return inner.redis;
    },
    ns<T = unknown>(name: StoreNamespace): Keyv<T> {
      let store = wrapped.get(name);
      if (!store) {
        store = guardKeyv(inner.ns(name), name, timeoutMs, bounded);
        wrapped.set(name, store);
      }
      return store as Keyv<T>;
    },
    claim: (key, ttlMs) => bounded('claim', claimTimeoutMs, () => inner.claim(key, ttlMs)),
    ping: () => bounded('ping', timeoutMs, () => inner.ping()),
    close: async () => {
      wrapped.clear();
      await inner.close();
    },
  };
  return guarded;
}

type Bounded = <T>(operation: string, ms: number, run: () => Promise<T>) => Promise<T>;

/** A Keyv whose data methods and iterator are bounded; everything else passes through. */
function guardKeyv(store: Keyv, namespace: string, timeoutMs: number, bounded: Bounded): Keyv {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === 'iterator') {
        return (...args: unknown[]) => guardIterator(method.apply(target, args) as AsyncGenerator<unknown[]>, `${namespace}.iterator`, timeoutMs, bounded);
      }
      if (DATA_METHODS.has(property)) {
        return (...args: unknown[]) => bounded(`${namespace}.${property}`, timeoutMs, async () => method.apply(target, args));
      }
      return method.bind(target);
    },
  });
}

/** Each step of an iteration is bounded like any other read. */
async function* guardIterator(source: AsyncGenerator<unknown[]>, operation: string, timeoutMs: number, bounded: Bounded): AsyncGenerator<unknown[], void> {
  for (;;) {
    const step = await bounded(operation, timeoutMs, () => source.next());
    if (step.done) return;
    yield step.value;
  }
}

function withTimeout<T>(operation: string, ms: number, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(operation, 'timeout')), ms);
  });
  const work = Promise.resolve().then(run);
  // A late failure of abandoned work must not become an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Logs store failures without flooding the log during an outage. */
function failureReporter(logger: Logger | undefined, everyMs: number): (failure: StoreUnavailableError) => void {
  let lastAt = 0;
  let suppressed = 0;
  return (failure) => {
    if (!logger) return;
    const now = Date.now();
    if (now - lastAt < everyMs) {
      suppressed += 1;
      return;
    }
    const cause = failure.cause as { name?: unknown; code?: unknown } | undefined;
    logger.warn(
      { operation: failure.operation, reason: failure.reason, cause: cause?.name, causeCode: cause?.code, suppressed },
      'store unavailable',
    );
    lastAt = now;
    suppressed = 0;
  };
}
