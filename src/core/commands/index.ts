/**
 * Every user-facing command and button handler, in the order menus show them. Adding a command
 * means adding one file and one line here; Slack, Discord and the terminal pick it up.
 */
import { askCommand, askFeedbackAction } from './ask.js';
import { classReportCommand } from './class-report.js';
import { dailyQuizCommand } from './daily-quiz.js';
import { forgetMeAction, forgetMeCommand } from './forget-me.js';
import { helpCommand } from './help.js';
import { leaderboardCommand } from './leaderboard.js';
import { progressCommand } from './progress.js';
import { dailyAnswerAction, quizAgainAction, quizAnswerAction, quizCommand } from './quiz.js';
import { reviewCommand } from './review.js';
import type { ActionDefinition, CommandDefinition } from './types.js';

export const COMMANDS: CommandDefinition[] = [askCommand as unknown as CommandDefinition, reviewCommand as unknown as CommandDefinition, quizCommand as unknown as CommandDefinition, progressCommand as unknown as CommandDefinition, leaderboardCommand as unknown as CommandDefinition, classReportCommand as unknown as CommandDefinition, dailyQuizCommand as unknown as CommandDefinition, forgetMeCommand as unknown as CommandDefinition, helpCommand as unknown as CommandDefinition];

export const ACTIONS: ActionDefinition[] = [askFeedbackAction, quizAnswerAction, quizAgainAction, dailyAnswerAction, forgetMeAction];
