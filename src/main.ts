/**
 * `npm start`: runs Slack and/or Discord when their tokens are configured, and otherwise the
 * terminal chat on the embedded defaults (SQLite under data/, created on first use; no LLM
 * unless OPENAI_API_KEY is set).
 *
 * Serving Slack or Discord, it also serves /healthz, /readyz and /metrics on PORT and runs the
 * daily retention sweep (docs/OPERATIONS.md).
 *
 * Exit codes: 0 after a clean end (end of input, quit, SIGINT/SIGTERM), 1 when start-up fails,
 * 2 for invalid configuration (with the readable list of problems). Never a stack trace.
 */
import { startDiscord } from './adapters/discord/start.js';
import { startSlack } from './adapters/slack/start.js';
import { runChat, terminalLogger } from './cli/chat.js';
import { reportError } from './cli/program.js';
import { loadConfig } from './core/config.js';
import { createDeps } from './core/create-deps.js';
import { inFlight, whenIdle } from './core/commands/dispatch.js';
import { healthRoutes, startHealthServer, type HealthRoute } from './core/health.js';
import { holdLease } from './core/lease.js';
import { startRetentionSweeper } from './core/privacy/sweeper.js';
import { getQuizBank } from './core/quiz/bank/build-bank.js';
import { createDailyQuizScheduler } from './core/quiz/daily/scheduler.js';
import { warmQuizBank } from './core/quiz/warm-up.js';
import { warmUpReviewer } from './core/review/engine.js';
import type { Deps } from './core/deps.js';

/** How long shutdown waits for the platforms to finish their in-flight work. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * A running platform. `stop()` must stop taking new work and resolve once the work in flight is
 * done; shutdown bounds it with {@link SHUTDOWN_GRACE_MS}.
 */
interface Running {
  name: string;
  stop(): Promise<void>;
}

/**
 * Slack, the health endpoints and Discord (with the daily quiz, under the gateway lease; see
 * docs/OPERATIONS.md). `running` is filled as they start, so a failure part-way still stops what
 * already started.
 */
async function startPlatforms(deps: Deps, running: Running[], routes: HealthRoute[]): Promise<void> {
  // /healthz, /readyz and /metrics: next to /slack/events in Slack's HTTP mode, else on our own server.
  const slackHttp = Boolean(deps.config.slack && !deps.config.slack.appToken);
  if (deps.config.slack) running.push({ name: 'slack', stop: (await startSlack(deps, slackHttp ? { customRoutes: routes } : {})).stop });
  if (!slackHttp) {
    // A port clash costs the health endpoints, not the bot: the learners keep their answers.
    await startHealthServer(routes, deps.config.port).then(
      (health) => {
        deps.logger.info({ port: health.port }, 'health endpoints listening');
        running.push({ name: 'health', stop: health.close });
      },
      (error: unknown) => deps.logger.error({ port: deps.config.port, err: error }, 'health endpoints not served: is PORT in use?'),
    );
  }
  if (deps.config.discord) {
    // One gateway connection and one scheduler across all instances: with Redis, the instance that
    // holds the lease runs them and another takes over if it stops; alone, this one runs them.
    let stopDiscord: (() => Promise<void>) | null = null;
    const lease = await holdLease(deps, 'discord-gateway', {
      onAcquired: async () => {
        stopDiscord = await startDiscordAndDailyQuiz(deps);
      },
      onLost: async () => {
        await stopDiscord?.();
        stopDiscord = null;
      },
    });
    running.push({ name: 'discord', stop: lease.stop });
  }
}

/** Discord and the daily quiz, which posts through the Discord poster; returns how to stop both. */
async function startDiscordAndDailyQuiz(deps: Deps): Promise<() => Promise<void>> {
  const discord = await startDiscord(deps);
  try {
    // DAILY_QUIZ_* and each server's /daily-quiz settings.
    const daily = createDailyQuizScheduler({ deps, bank: getQuizBank(deps.knowledge, deps.logger), poster: discord.poster });
    await daily.start();
    return async () => {
      daily.stop();
      await discord.stop();
    };
  } catch (error) {
    await discord.stop();
    throw error;
  }
}

/** Builds Ask's resemblance models and warms the reviewer up now rather than on first use (about 1.5 s, once, in steps). */
async function warmAskAndReviewer(deps: Deps): Promise<void> {
  try {
    const askMs = Math.round(deps.ask.warmUp());
    deps.logger.info({ askMs, ...(await warmUpReviewer()) }, 'ask and reviewer warmed up');
  } catch (error) {
    deps.logger.warn({ err: error }, 'warm-up failed; ask and the reviewer load on first use instead');
  }
}

async function main(): Promise<number> {
  const config = loadConfig();
  const terminal = !config.slack && !config.discord;
  const deps = await createDeps(config, terminal ? { logger: terminalLogger(config) } : {});
  // A stray rejection is logged (ids only) rather than crashing a bot that runs for months.
  process.on('unhandledRejection', (reason) => deps.logger.error({ err: reason }, 'unhandled promise rejection'));
  // The quiz bank builds in the background just after start-up (and adds checked LLM questions when
  // a key is set), then Ask builds its resemblance models and the reviewer loads its NLP model,
  // dictionary and curated data, so no first question, /quiz or review waits; none fails start-up.
  void warmQuizBank(deps).then(() => warmAskAndReviewer(deps));
  try {
    if (terminal) {
      await runChat(deps, { input: process.stdin, output: process.stdout });
      return 0;
    }
    return await serve(deps);
  } finally {
    await deps.stores.close().catch((error: unknown) => deps.logger.warn({ err: error }, 'store did not close cleanly'));
  }
}

/** Starts the platforms and runs until SIGINT or SIGTERM, then shuts down gracefully. */
async function serve(deps: Deps): Promise<number> {
  const running: Running[] = [];
  // Listening from the start: a signal during start-up (building the quiz bank can take seconds)
  // shuts down cleanly once start-up is done, instead of killing the process half-way.
  const signalled = nextSignal();
  try {
    await startPlatforms(deps, running, healthRoutes(deps));
  } catch (error) {
    await stopAll(running, deps);
    throw error;
  }
  // Retention (QUIZ_RETENTION_DAYS and the rest): daily, and once soon after start.
  const sweeper = startRetentionSweeper(deps);
  running.push({ name: 'retention-sweep', stop: sweeper.stop });
  const signal = await signalled;
  deps.logger.info({ signal, platforms: running.map((r) => r.name) }, 'shutting down');
  await stopAll(running, deps);
  return 0;
}

/**
 * Stops every platform at once (they stop taking work and finish what they have), then waits for
 * any command still in the dispatcher; all of it within {@link SHUTDOWN_GRACE_MS}. The store is
 * closed after this returns.
 */
async function stopAll(running: Running[], deps: Deps): Promise<void> {
  const deadline = Date.now() + SHUTDOWN_GRACE_MS;
  await stopPlatforms(running, deps);
  if (!(await whenIdle(Math.max(0, deadline - Date.now())))) {
    deps.logger.warn({ inFlight: inFlight(), graceMs: SHUTDOWN_GRACE_MS }, 'shutdown grace period over with requests still in flight');
  }
}

async function stopPlatforms(running: Running[], deps: Deps): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Set(running.map((r) => r.name));
  const stops = running.map((r) =>
    r.stop().then(
      () => pending.delete(r.name),
      (error: unknown) => {
        pending.delete(r.name);
        deps.logger.warn({ platform: r.name, err: error }, 'platform did not stop cleanly');
      },
    ),
  );
  await Promise.race([Promise.allSettled(stops), new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
  clearTimeout(timer);
  if (pending.size > 0) deps.logger.warn({ platforms: [...pending], graceMs: SHUTDOWN_GRACE_MS }, 'shutdown grace period over');
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits at once. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

main()
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = reportError(error);
    },
  )
  // Whatever still holds the event loop open (a keep-alive socket, a library timer) must not
  // keep a finished process alive; the timer itself does not hold it.
  .finally(() => setTimeout(() => process.exit(), 2000).unref());
