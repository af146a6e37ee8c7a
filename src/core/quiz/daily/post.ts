/**
 * Posting the daily question: claim the slot (exactly one post per channel and slot, across
 * restarts and instances), close the previous question with its results, pick the next question
 * (no repeats until the bank is used up, leaning towards the channel's weakest criteria) and hand
 * the Reply to the platform's poster.
 */
import type { Deps } from '../../deps.js';
import { type Block, divider, heading, reply, type Reply, text } from '../../reply.js';
import { mastery } from '../progress-store.js';
import { questionBlocks } from '../render.js';
import { createRng, shortHash } from '../text.js';
import type { Question, QuizBank, Tally } from '../types.js';
import {
  type ChannelState, DAILY_TTL_MS, type DailyPost, getChannelState, getPost, saveChannelState, savePost, tallyAnswers,
} from './daily-store.js';
import type { DailyChannel } from './settings.js';

/** The platform side of the daily quiz: sends a Reply to a channel (Discord, Slack…). */
export interface DailyQuizPoster {
  post(channelId: string, reply: Reply): Promise<void>;
}

/** What the daily quiz needs besides the usual dependencies. */
export interface DailyContext {
  deps: Deps;
  bank: QuizBank;
  poster: DailyQuizPoster;
}

/** Button ids of daily answers: `qd:<postId>.<choice>`. */
export const DAILY_ACTION = 'qd';

const slotClaim = (channelId: string, slot: number) => `daily-slot|${channelId}|${slot}`;
const resultsClaim = (postId: string) => `daily-results|${postId}`;

/**
 * Posts the question for one slot unless another instance (or an earlier run) already did.
 * @returns true when this call posted.
 */
export async function postSlot(channel: DailyChannel, slot: number, ctx: DailyContext): Promise<boolean> {
  const { deps } = ctx;
  if (!(await deps.stores.claim(slotClaim(channel.channelId, slot), DAILY_TTL_MS))) return false;
  const now = deps.clock.now();
  const state = (await getChannelState(channel.channelId, deps)) ?? emptyState();
  const previous = state.latestPostId ? await getPost(state.latestPostId, deps) : undefined;
  const blocks: Block[] = [];
  if (previous && previous.closedAt === null) {
    const results = await closePost(previous, state, ctx);
    if (results) blocks.push(...results, divider());
  }
  const { question, used } = pickDailyQuestion(state, ctx.bank, `${channel.channelId}|${slot}`);
  const resultsAfter = deps.config.dailyQuiz.resultsAfterMinutes;
  const post: DailyPost = {
    id: shortHash(`${channel.channelId}|${slot}`, 12),
    channelId: channel.channelId,
    scopeId: channel.scopeId,
    questionId: question.id,
    slot,
    postedAt: now,
    previousPostId: previous?.id ?? null,
    timeZone: channel.timeZone,
    resultsDueAt: resultsAfter > 0 ? now + resultsAfter * 60_000 : null,
    closedAt: null,
  };
  // Saved before posting, so an answer clicked the moment the message appears finds its post.
  await savePost(post, deps);
  await saveChannelState(channel.channelId, {
    ...state, lastSlot: slot, latestPostId: post.id, previousPostId: previous?.id ?? null, used,
  }, deps);
  const title = `Daily question · ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: channel.timeZone }).format(new Date(slot))}`;
  const shown = questionBlocks(question, title, (choice) => `${DAILY_ACTION}:${post.id}.${choice}`);
  blocks.push(...shown.blocks, text('_Tap an answer: only you will see whether you were right. Results follow later._'));
  await ctx.poster.post(channel.channelId, reply(blocks, { buttons: shown.buttons }));
  deps.logger.info({ channel: shortHash(channel.channelId), slot, question: question.id }, 'daily question posted');
  return true;
}

/**
 * Posts the results of questions whose results window has passed (DAILY_QUIZ_RESULTS_AFTER_MINUTES).
 * @returns true when results were posted.
 */
export async function postDueResults(channel: DailyChannel, ctx: DailyContext): Promise<boolean> {
  const { deps } = ctx;
  const state = await getChannelState(channel.channelId, deps);
  if (!state?.latestPostId) return false;
  const post = await getPost(state.latestPostId, deps);
  if (!post || post.closedAt !== null || post.resultsDueAt === null || post.resultsDueAt > deps.clock.now()) return false;
  const blocks = await closePost(post, state, ctx);
  if (!blocks) return false;
  await saveChannelState(channel.channelId, state, deps);
  const question = ctx.bank.get(post.questionId);
  await ctx.poster.post(channel.channelId, reply(blocks, { citations: question ? [question.citation] : [] }));
  return true;
}

/**
 * Closes a post once (claimed), adds its tally to the channel's per-criterion record and returns
 * the results blocks; null when another caller closed it.
 */
async function closePost(post: DailyPost, state: ChannelState, ctx: DailyContext): Promise<Block[] | null> {
  const { deps } = ctx;
  if (!(await deps.stores.claim(resultsClaim(post.id), DAILY_TTL_MS))) return null;
  const result = await tallyAnswers(post.id, deps);
  await savePost({ ...post, closedAt: deps.clock.now() }, deps);
  const question = ctx.bank.get(post.questionId);
  if (!question) return null;
  if (question.criterionId) {
    const before = state.criteria[question.criterionId] ?? { n: 0, c: 0 };
    state.criteria[question.criterionId] = { n: before.n + result.n, c: before.c + result.c };
  }
  return resultsBlocks(question, result);
}

/** "Results of the last daily question": the question, the answer, how many answered and got it right, why. */
export function resultsBlocks(question: Question, result: Tally): Block[] {
  const who =
    result.n === 0
      ? 'Nobody answered this one.'
      : `${result.n} ${result.n === 1 ? 'person' : 'people'} answered; ${result.c} got it right.`;
  return [
    heading('Results of the last daily question'),
    text(question.prompt),
    text(`Answer: **${question.choices[question.answer]}**`),
    text(who),
    text(question.explanation),
  ];
}

/**
 * The next question for a channel: not yet used in this rotation (a fresh rotation once all are
 * used), from the criteria the channel does worst on, varied by the slot's seed.
 */
export function pickDailyQuestion(state: ChannelState, bank: QuizBank, seed: string): { question: Question; used: string[] } {
  const usedSet = new Set(state.used);
  let pool = bank.questions.filter((q) => !usedSet.has(q.id));
  let used = state.used;
  if (pool.length === 0) {
    pool = [...bank.questions];
    used = [];
  }
  const rng = createRng(seed);
  const ranked = pool
    .map((q) => {
      const tally = q.criterionId ? state.criteria[q.criterionId] : undefined;
      return { q, weight: (tally ? mastery(tally) : 0.5) + rng.int(0, 1000) / 2500 };
    })
    .sort((a, b) => a.weight - b.weight || a.q.id.localeCompare(b.q.id));
  const question = ranked[0]!.q;
  return { question, used: [...used, question.id] };
}

function emptyState(): ChannelState {
  return { lastSlot: 0, latestPostId: null, previousPostId: null, used: [], criteria: {} };
}
