/**
 * Starting Slack: `startSlack(deps)` is what `npm start` calls when Slack tokens are configured.
 */
import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { Deps } from '../../core/deps.js';
import { createSlackApp, type SlackAppOptions } from './app.js';
import { describeSlackFailure } from './deliver.js';

/** Options for {@link startSlack}. */
export interface StartSlackOptions extends SlackAppOptions {
  /** HTTP mode: the port (default `PORT`; 0 picks a free one) and host to listen on. */
  port?: number;
  host?: string;
}

/** A running Slack app. */
export interface SlackHandle {
  app: App;
  mode: 'http' | 'socket';
  /** Requests being handled right now. */
  inFlight(): number;
  /** The HTTP server in HTTP mode (undefined in Socket Mode), e.g. to read the bound port. */
  server: Server | undefined;
  /** Stops taking requests (closes the server or socket), then waits for the answers in progress. */
  stop(): Promise<void>;
}

/** Slack refused the configured tokens at start-up. */
export class SlackStartError extends Error {
  readonly code = 'slack_start_failed';
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'SlackStartError';
  }
}

/**
 * Checks the bot token with Slack (`auth.test`) and starts listening: HTTP on `PORT` at
 * `/slack/events`, or a Socket Mode connection when `SLACK_APP_TOKEN` is set.
 * @example const slack = await startSlack(deps); … await slack.stop();
 * @throws SlackStartError naming the setting to check when Slack rejects the token.
 */
export async function startSlack(deps: Deps, options: StartSlackOptions = {}): Promise<SlackHandle> {
  const { app, inFlight, idle } = createSlackApp(deps, options);
  const mode = deps.config.slack?.appToken ? 'socket' : 'http';
  try {
    await app.init();
  } catch (error) {
    const failure = describeSlackFailure(error);
    throw new SlackStartError(
      `Slack did not accept SLACK_BOT_TOKEN (${failure.slackError ?? failure.code}). Check the bot token on the app's "OAuth & Permissions" page and SLACK_API_URL.`,
      { cause: error },
    );
  }
  let server: Server | undefined;
  if (mode === 'socket') {
    try {
      await app.start();
    } catch (error) {
      throw new SlackStartError('Slack did not accept SLACK_APP_TOKEN for Socket Mode. Check the app-level token (connections:write) on "Basic Information".', { cause: error });
    }
  } else {
    const port = options.port ?? deps.config.port;
    server = (await app.start(options.host ? { port, host: options.host } : port)) as Server;
  }
  deps.logger.info({ surface: 'slack', mode, port: mode === 'http' ? boundPort(server) : undefined }, 'slack started');
  return {
    app,
    mode,
    server,
    inFlight,
    stop: async () => {
      await app.stop();
      await idle();
    },
  };
}

function boundPort(server: Server | undefined): number | undefined {
  const address = server?.address();
  return address && typeof address === 'object' ? address.port : undefined;
}
