/**
 * Runs the real Bolt app in HTTP mode on 127.0.0.1 against the fake Slack API, with real
 * in-memory dependencies, and sends it correctly signed requests.
 */
import type { AddressInfo } from 'node:net';
import type { Deps } from '../../../src/core/deps.js';
import { startSlack, type SlackHandle } from '../../../src/adapters/slack/start.js';
import { slackSender, startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import { testDeps, type TestDeps } from '../../helpers/test-deps.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-token';

export interface SlackHarness {
  fake: FakeSlackApi;
  deps: TestDeps;
  slack: SlackHandle;
  eventsUrl: string;
  send: ReturnType<typeof slackSender>;
  close(): Promise<void>;
}

/** Starts the fake Slack and the app; `close()` stops both. */
export async function startSlackHarness(overrides: Partial<Deps> = {}): Promise<SlackHarness> {
  const fake = await startFakeSlackApi();
  const deps = await testDeps(overrides, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
  const slack = await startSlack(deps, { port: 0, host: '127.0.0.1' });
  const { port } = slack.server!.address() as AddressInfo;
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  return {
    fake,
    deps,
    slack,
    eventsUrl,
    send: slackSender(eventsUrl, SIGNING_SECRET),
    close: async () => {
      await slack.stop();
      await fake.close();
      await deps.stores.close();
    },
  };
}

/** Waits a little so that anything the app would (wrongly) still send has arrived. */
export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

/** All mrkdwn and plain text in a list of blocks, for assertions. */
export function blockText(blocks: any[] | undefined): string {
  return JSON.stringify(blocks ?? []);
}
