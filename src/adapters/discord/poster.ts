/**
 * Posts core Replies to a Discord text channel without an interaction: the daily quiz question
 * and its results. Uses the client's REST connection, so it shares its rate-limit handling.
 */
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import type { DailyQuizPoster } from '../../core/quiz/daily/post.js';
import { channelSnowflake } from './context.js';
import { renderPlain, renderReply, toRestBody } from './render.js';
import { describeError } from './runner.js';

/** The daily quiz's port (defined by the core scheduler); re-exported for callers of the adapter. */
export type { DailyQuizPoster };

/**
 * Sends a reply (with its buttons) to a channel. `channelId` is the opaque `discord:<id>` or a bare
 * snowflake (DAILY_QUIZ_CHANNEL_ID). Rejects when Discord refuses, so the scheduler can react.
 * @example const poster = createDiscordPoster(client.rest, deps.logger);
 *          await poster.post('discord:700000000000000001', dailyQuestionReply);
 */
export function createDiscordPoster(rest: REST, logger: Logger): DailyQuizPoster {
  return {
    async post(channelId, reply) {
      const id = channelSnowflake(channelId);
      if (!id) throw new Error('Not a Discord channel id; expected discord:<channel id>.');
      const send = (body: Record<string, unknown>) => rest.post(Routes.channelMessages(id), { body });
      try {
        try {
          await send(toRestBody(renderReply(reply)));
        } catch (error) {
          // A rejected body (400) gets one more try as plain text, so the question still goes out.
          if (!(error instanceof DiscordAPIError) || error.status !== 400) throw error;
          await send(toRestBody(renderPlain(reply)));
        }
        logger.info({ surface: 'discord', channelId: id }, 'posted to channel');
      } catch (error) {
        // 403/404 here usually mean the bot cannot see or write in that channel.
        logger.warn({ surface: 'discord', channelId: id, ...describeError(error) }, 'channel post failed');
        throw error;
      }
    },
  };
}
