/**
 * Registers every Slack listener, grouped by kind as in Slack's Bolt starter template. Each
 * group translates Slack payloads to core requests and core Replies to Block Kit; none holds
 * feature logic.
 */
import type { App } from '@slack/bolt';
import type { Deps } from '../../../core/deps.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as shortcuts from './shortcuts/index.js';
import * as views from './views/index.js';

export function registerListeners(app: App, deps: Deps): void {
  events.register(app, deps);
  commands.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
  shortcuts.register(app, deps);
}
