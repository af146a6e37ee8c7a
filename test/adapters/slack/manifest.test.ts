import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_EVENTS, BOT_SCOPES, buildManifest, manifestJson, slackCommands } from '../../../src/adapters/slack/manifest.js';
import { NOT_ON_SLACK } from '../../../src/adapters/slack/admin.js';
import { REVIEW_SHORTCUT } from '../../../src/adapters/slack/listeners/shortcuts/index.js';
import { COMMANDS } from '../../../src/core/commands/index.js';

const committed = JSON.parse(readFileSync('slack/manifest.json', 'utf8'));

describe('the Slack app manifest', () => {
  it('lists exactly the core commands that Slack can run (regenerate: npm run coach -- slack manifest --write)', () => {
    const names = committed.features.slash_commands.map((c: { command: string }) => c.command);
    expect(names).toEqual(slackCommands(COMMANDS).map((c) => `/${c.name}`));
    expect(names).toEqual(COMMANDS.filter((c) => !(c.name in NOT_ON_SLACK)).map((c) => `/${c.name}`));
    expect(names).not.toContain('/daily-quiz');
  });

  it('is exactly what the generator builds from the current commands', () => {
    expect(readFileSync('slack/manifest.json', 'utf8')).toBe(manifestJson(COMMANDS));
  });

  it('asks for the scopes and events the adapter uses, with interactivity and the Assistant', () => {
    expect(committed.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    for (const scope of ['commands', 'chat:write', 'app_mentions:read', 'im:history', 'im:read', 'im:write', 'assistant:write', 'users:read']) {
      expect(committed.oauth_config.scopes.bot).toContain(scope);
    }
    expect(committed.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
    expect(committed.settings.interactivity.is_enabled).toBe(true);
    expect(committed.features.assistant_view.suggested_prompts.length).toBeGreaterThan(0);
    expect(committed.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('uses Socket Mode in the committed file and request URLs in the HTTP variant', () => {
    expect(committed.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(committed)).not.toContain('request_url');
    const http = buildManifest(COMMANDS, { url: 'https://coach.example.org/' });
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.event_subscriptions.request_url).toBe('https://coach.example.org/slack/events');
    expect(http.settings.interactivity.request_url).toBe('https://coach.example.org/slack/events');
    for (const command of http.features.slash_commands) expect(command.url).toBe('https://coach.example.org/slack/events');
  });

  it('offers the "Review this reply" shortcut exactly when the review command exists', () => {
    const hasReview = COMMANDS.some((c) => c.name === 'review');
    const shortcuts = committed.features.shortcuts ?? [];
    expect(shortcuts.map((s: { callback_id: string }) => s.callback_id)).toEqual(hasReview ? [REVIEW_SHORTCUT.callbackId] : []);
  });

  it('keeps command names, descriptions and hints within Slack limits', () => {
    for (const command of committed.features.slash_commands) {
      expect(command.command).toMatch(/^\/[a-z0-9_-]{1,32}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect((command.usage_hint ?? '').length).toBeLessThanOrEqual(100);
      expect(command.should_escape).toBe(false);
    }
  });
});
