/**
 * The Bolt app: HTTP mode (signing secret, endpoint `/slack/events`) or Socket Mode when an
 * app-level token is configured, with a Web API client that fails fast, our logger, and every
 * listener registered.
 */
import { App, type AnyMiddlewareArgs, type CustomRoute, type Middleware } from '@slack/bolt';
import { apiFetch } from '../../core/api-fetch.js';
import type { Deps } from '../../core/deps.js';
import { boltLogger } from './bolt-logger.js';
import { registerListeners } from './listeners/index.js';

/** Where Slack sends events, commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** A Web API call that has not answered in this time is abandoned (and the user told). */
export const SLACK_API_TIMEOUT_MS = 10_000;

/** Options for {@link createSlackApp}. */
export interface SlackAppOptions {
  /**
   * Extra HTTP routes (health checks, metrics) served next to `/slack/events`; in Socket Mode
   * they are served on `PORT` by Bolt's own small HTTP server.
   */
  customRoutes?: CustomRoute[];
  /**
   * The bot's ids. Normally left out: `auth.test` is called once at start-up and checks the token.
   */
  botId?: string;
  botUserId?: string;
}

/** The Bolt app and a way to wait for the requests it is still handling. */
export interface SlackApp {
  app: App;
  /** Requests being handled right now (acknowledged, reply not yet sent). */
  inFlight(): number;
  /** Resolves when no request is being handled. */
  idle(): Promise<void>;
}

/**
 * Builds (but does not start) the Slack app. Call `app.init()` before `app.start()` (see
 * {@link startSlack}), which checks the token once.
 * @throws Error when Slack is not configured.
 */
export function createSlackApp(deps: Deps, options: SlackAppOptions = {}): SlackApp {
  const slack = deps.config.slack;
  if (!slack) throw new Error('Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN).');
  const socketMode = Boolean(slack.appToken);
  const app = new App({
    token: slack.botToken,
    ...(socketMode
      ? {
          socketMode: true,
          appToken: slack.appToken,
          // The Socket Mode connection has its own client (apps.connections.open); it keeps its
          // patient reconnect policy, since reconnecting is exactly what it should keep trying.
          installerOptions: { port: deps.config.port, clientOptions: { slackApiUrl: slack.apiUrl } },
        }
      : { signingSecret: slack.signingSecret, endpoints: SLACK_EVENTS_PATH }),
    customRoutes: options.customRoutes ?? [],
    ...(options.botId && options.botUserId && { botId: options.botId, botUserId: options.botUserId }),
    // The default policy retries for up to half an hour; a chat reply that late is useless. Web API
    // calls and respond() go through undici's request(), cheaper than Node's fetch (core/api-fetch.ts).
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: SLACK_API_TIMEOUT_MS, fetch: apiFetch },
    logger: boltLogger(deps.logger),
    // No conversation state in Bolt's memory; the core keeps what it needs in the store.
    convoStore: false,
    // auth.test runs in init(), where a bad token becomes a clear start-up error instead of an unhandled rejection.
    deferInitialization: true,
  });
  // Listeners turn their own errors into replies; this is the last resort, logged by code only.
  app.error(async (error) => {
    deps.logger.error({ surface: 'slack', code: error.code, err: { message: error.message, name: error.name } }, 'slack listener failed');
  });
  const tracker = trackInFlight();
  app.use(tracker.middleware);
  registerListeners(app, deps);
  return { app, inFlight: tracker.count, idle: tracker.idle };
}

/**
 * Counts requests from arrival until every listener has finished (the reply sent), so shutdown
 * can let answers in progress finish after the app stops taking new requests.
 */
function trackInFlight() {
  let count = 0;
  let waiters: Array<() => void> = [];
  const middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    count += 1;
    try {
      await next();
    } finally {
      count -= 1;
      if (count === 0) for (const wake of waiters.splice(0)) wake();
    }
  };
  return {
    middleware,
    count: () => count,
    idle: () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
