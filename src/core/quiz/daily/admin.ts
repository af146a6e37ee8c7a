/**
 * What `/daily-quiz` does: show, set, pause, resume or stop a scope's daily question. Settings are
 * validated here (time "HH:MM", an IANA time zone, a cron pattern) so a mistake gets a clear
 * message rather than a schedule that never fires.
 */
import type { CommandContext } from '../../commands/types.js';
import type { Deps } from '../../deps.js';
import { UserFacingError } from '../../errors.js';
import { fields, heading, reply, text, type Reply } from '../../reply.js';
import { type DailySettings, describeSchedule, getDailySettings, isCronPattern, isTimeZone, nextSlot, saveDailySettings } from './settings.js';

/** The command's options after validation. */
export interface DailyQuizRequest {
  action: 'status' | 'here' | 'pause' | 'resume' | 'off';
  time?: string | undefined;
  days?: 'weekdays' | 'every-day' | undefined;
  timezone?: string | undefined;
  cron?: string | undefined;
}

/** Runs one `/daily-quiz` request for the scope the admin is in. */
export async function runDailyQuizAdmin(request: DailyQuizRequest, context: CommandContext, deps: Deps): Promise<Reply> {
  const current = await getDailySettings(context.scopeId, deps);
  const changes = request.time !== undefined || request.days !== undefined || request.timezone !== undefined || request.cron !== undefined;
  switch (request.action) {
    case 'status':
      if (changes) {
        if (!current) throw new UserFacingError('not_found', 'There is no daily quiz here yet. Run /daily-quiz action:here in the channel you want it in.');
        return save(context.scopeId, { ...current, ...schedule(request, current) }, 'Daily quiz updated.', deps);
      }
      return statusReply(current, deps);
    case 'here': {
      const base = current ?? { channelId: context.channelId, cron: deps.config.dailyQuiz.cron, timeZone: deps.config.dailyQuiz.timeZone, paused: false, updatedAt: 0 };
      return save(context.scopeId, { ...base, ...schedule(request, base), channelId: context.channelId, paused: false }, 'The daily question will be posted in this channel.', deps);
    }
    case 'pause':
    case 'resume': {
      if (!current) throw new UserFacingError('not_found', 'There is no daily quiz here yet. Run /daily-quiz action:here in the channel you want it in.');
      const paused = request.action === 'pause';
      return save(context.scopeId, { ...current, ...schedule(request, current), paused }, paused ? 'Daily quiz paused. Resume it with /daily-quiz action:resume.' : 'Daily quiz resumed.', deps);
    }
    case 'off':
      await deps.stores.ns('settings').delete(`daily-quiz|${context.scopeId}`);
      return reply([text('The daily quiz is switched off here. Run /daily-quiz action:here to start it again.')], { ephemeral: true });
  }
}

/** The cron pattern and time zone a request asks for, validated, on top of the current ones. */
function schedule(request: DailyQuizRequest, current: Pick<DailySettings, 'cron' | 'timeZone'>): Pick<DailySettings, 'cron' | 'timeZone'> {
  let cron = current.cron;
  if (request.cron !== undefined) {
    if (!isCronPattern(request.cron)) throw new UserFacingError('invalid_argument', 'That schedule is not a cron pattern. Example: "0 9 * * 1-5" for weekdays at 09:00.');
    cron = request.cron;
  }
  if (request.time !== undefined || request.days !== undefined) {
    const [minute, hour, , , weekdays] = cron.split(' ');
    let time = { hour: hour ?? '9', minute: minute ?? '0' };
    if (request.time !== undefined) {
      const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(request.time.trim());
      if (!match) throw new UserFacingError('invalid_argument', 'Please give the time as HH:MM on the 24-hour clock, e.g. 09:30.');
      time = { hour: String(Number(match[1])), minute: String(Number(match[2])) };
    }
    const days = request.days ?? (weekdays === '*' ? 'every-day' : 'weekdays');
    cron = `${time.minute} ${time.hour} * * ${days === 'every-day' ? '*' : '1-5'}`;
  }
  const timeZone = request.timezone?.trim() || current.timeZone;
  if (!isTimeZone(timeZone)) throw new UserFacingError('invalid_argument', `"${timeZone.slice(0, 40)}" is not a time zone I know. Use a name such as Europe/London.`);
  return { cron, timeZone };
}

async function save(scopeId: string, settings: DailySettings, message: string, deps: Deps): Promise<Reply> {
  const saved = { ...settings, updatedAt: deps.clock.now() };
  await saveDailySettings(scopeId, saved, deps);
  return statusReply(saved, deps, message);
}

function statusReply(settings: DailySettings | undefined, deps: Deps, message?: string): Reply {
  const blocks = message ? [text(message)] : [];
  if (!settings) {
    const fallback = deps.config.dailyQuiz.channelId
      ? `The default daily quiz channel is set by the bot's configuration, ${describeSchedule(deps.config.dailyQuiz.cron)} (${deps.config.dailyQuiz.timeZone}).`
      : 'There is no daily quiz here yet.';
    return reply([heading('Daily quiz'), ...blocks, text(`${fallback} Run /daily-quiz action:here in the channel you want it in.`)], { ephemeral: true });
  }
  const next = nextSlot(settings.cron, settings.timeZone, deps.clock.now());
  const when = next === null ? 'never (the schedule has no future times)' : new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: settings.timeZone }).format(new Date(next));
  return reply(
    [
      heading('Daily quiz'),
      ...blocks,
      fields([
        { label: 'Schedule', value: `${describeSchedule(settings.cron)} (${settings.timeZone})` },
        { label: 'State', value: settings.paused ? 'Paused' : 'Running' },
        { label: 'Next question', value: settings.paused ? '–' : when },
      ]),
    ],
    { ephemeral: true },
  );
}
