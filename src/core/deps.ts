/**
 * The dependencies every feature receives. Features are `(input, deps) => result`; tests pass
 * real in-memory parts (memory stores, a manual clock) rather than mocks that do not store.
 */
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Stores } from './store/create-stores.js';

export interface Deps {
  config: Config;
  stores: Stores;
  clock: Clock;
  logger: Logger;
}
