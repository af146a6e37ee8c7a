/**
 * The daily quiz on a class server, end to end: the core scheduler (driven by a manual clock)
 * posts through the Discord poster to the channel with answer buttons, exactly once per slot;
 * each learner answers once and privately, streaks grow day by day, the results follow with the
 * next question, and learners see their streaks and the leaderboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQuizBank } from '../../../src/core/quiz/bank/build-bank.js';
import { getPost } from '../../../src/core/quiz/daily/daily-store.js';
import { createDailyQuizScheduler, type DailyQuizScheduler } from '../../../src/core/quiz/daily/scheduler.js';
import { FAKE_CHANNEL_ID, MANAGE_GUILD, type RecordedRequest } from '../../fakes/discord-server.js';
import { startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;
const AMINA = '600000000000000021';
const BEN = '600000000000000022';
let h: Harness;
let scheduler: DailyQuizScheduler;
beforeAll(async () => {
  h = await startHarness({}, { DAILY_QUIZ_CHANNEL_ID: FAKE_CHANNEL_ID, DAILY_QUIZ_CRON: '0 9 * * 1-5', DAILY_QUIZ_TZ: 'Europe/London' });
  scheduler = createDailyQuizScheduler({ deps: h.deps, bank: getQuizBank(h.deps.knowledge), poster: h.discord.poster });
});
afterAll(async () => {
  scheduler?.stop();
  await h?.close();
});

const channelPosts = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${FAKE_CHANNEL_ID}/messages`);
type Button = { custom_id: string; label: string };
const buttonsOf = (post: RecordedRequest): Button[] => post.body.components.flatMap((row: { components: Button[] }) => row.components);

/** The button with the right (or a wrong) answer, looked up through the stored post. */
async function answerButton(post: RecordedRequest, right: boolean): Promise<Button> {
  const buttons = buttonsOf(post);
  const postId = /^qd:([0-9a-f]{12})\./.exec(buttons[0]!.custom_id)![1]!;
  const question = getQuizBank(h.deps.knowledge).get((await getPost(postId, h.deps))!.questionId)!;
  const index = right ? question.answer : (question.answer + 1) % question.choices.length;
  return buttons.find((b) => b.custom_id === `qd:${postId}.${index}`)!;
}

describe('the daily quiz on Discord', () => {
  it('posts the question to the channel on time, with answer buttons and no pings, once per slot', async () => {
    h.deps.clock.set('2026-01-05T09:00:05Z'); // Monday 09:00 in London
    const report = await scheduler.tick();
    expect(report.posted).toHaveLength(1);
    expect(channelPosts()).toHaveLength(1);
    const [post] = channelPosts();
    expect(post!.body.embeds[0].title).toBe('Daily question · Monday 5 January');
    expect(post!.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(buttonsOf(post!).length).toBeGreaterThanOrEqual(3);

    h.deps.clock.advance(30_000);
    expect((await scheduler.tick()).posted).toEqual([]);
    expect(channelPosts()).toHaveLength(1);
  });

  it('gives each learner private feedback and accepts one answer each', async () => {
    const [post] = channelPosts();
    const right = await answerButton(post!, true);
    const amina = await h.callback(h.fake.button(right.custom_id, { userId: AMINA }));
    expect(amina.body.type).toBe(4);
    expect(amina.body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(amina.body.data.embeds ?? amina.body.data.content)).toContain('Correct!');

    const twice = await h.callback(h.fake.button(right.custom_id, { userId: AMINA }));
    expect(twice.body.data.flags).toBe(EPHEMERAL);
    expect(twice.body.data.content).toMatch(/already answered/);

    const wrong = await answerButton(post!, false);
    const ben = await h.callback(h.fake.button(wrong.custom_id, { userId: BEN }));
    expect(ben.body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(ben.body.data.embeds ?? ben.body.data.content)).toContain('Not quite');
  });

  it('posts the results with the next day’s question, and streaks grow', async () => {
    h.deps.clock.set('2026-01-06T09:00:03Z'); // Tuesday
    expect((await scheduler.tick()).posted).toHaveLength(1);
    const tuesday = channelPosts()[1]!;
    const text = JSON.stringify(tuesday.body.embeds);
    expect(text).toContain('Results of the last daily question');
    expect(text).toContain('2 people answered; 1 got it right.');
    expect(text).toContain('Daily question · Tuesday 6 January');

    const right = await answerButton(tuesday, true);
    const amina = await h.callback(h.fake.button(right.custom_id, { userId: AMINA }));
    expect(JSON.stringify(amina.body.data)).toMatch(/2 in a row/);
  });

  it('shows a learner their streak and the class leaderboard privately, others by pseudonym', async () => {
    const progress = await h.callback(h.fake.command('progress', [], { userId: AMINA }));
    expect(progress.body.data.flags).toBe(EPHEMERAL);
    const streak = progress.body.data.embeds.flatMap((e: { fields?: Array<{ name: string; value: string }> }) => e.fields ?? []).find((f: { name: string }) => f.name === 'Daily streak');
    expect(streak.value).toMatch(/^2 \(best 2\)/);

    const board = await h.callback(h.fake.command('leaderboard', [{ name: 'period', type: 3, value: 'all' }], { userId: BEN }));
    expect(board.body.data.flags).toBe(EPHEMERAL);
    const shown = JSON.stringify(board.body.data.embeds);
    expect(shown).toMatch(/Learner [0-9a-f]{4} — 2 right of 2/);
    expect(shown).toContain('**You** — 0 right of 1');
    expect(shown).not.toContain(AMINA);
    expect(board.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('tells a learner pressing Monday’s button on Tuesday that it has closed', async () => {
    const monday = await answerButton(channelPosts()[0]!, true);
    const late = await h.callback(h.fake.button(monday.custom_id, { userId: '600000000000000023' }));
    expect(late.body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(late.body.data)).toMatch(/closed/);
  });

  it('lets only a server manager choose the channel and time with /daily-quiz, then posts there on time', async () => {
    const classChannel = '700000000000000002';
    const refused = await h.callback(h.fake.command('daily-quiz', [{ name: 'action', type: 3, value: 'here' }], { channelId: classChannel }));
    expect(refused.body.data.flags).toBe(EPHEMERAL);
    expect(refused.body.data.content).toMatch(/Only someone who can manage this server/);

    const options = [
      { name: 'action', type: 3, value: 'here' },
      { name: 'time', type: 3, value: '08:30' },
      { name: 'timezone', type: 3, value: 'Europe/London' },
    ];
    const set = await h.callback(h.fake.command('daily-quiz', options, { channelId: classChannel, permissions: MANAGE_GUILD }));
    expect(set.body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(set.body.data.embeds)).toContain('on weekdays at 08:30 (Europe/London)');

    h.deps.clock.set('2026-01-07T08:30:02Z'); // Wednesday 08:30 in London
    expect((await scheduler.tick()).posted).toEqual([`discord:${classChannel}@2026-01-07T08:30:00.000Z`]);
    const post = h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${classChannel}/messages`);
    expect(post).toHaveLength(1);
    expect(post[0]!.body.embeds[0].title).toBe('Daily question · Wednesday 7 January');

    const paused = await h.callback(h.fake.command('daily-quiz', [{ name: 'action', type: 3, value: 'pause' }], { channelId: classChannel, permissions: MANAGE_GUILD }));
    expect(JSON.stringify(paused.body.data)).toContain('Paused');
    h.deps.clock.set('2026-01-08T08:30:02Z');
    expect((await scheduler.tick()).skipped).toContain(`discord:${classChannel}: paused`);
  });
});

describe('the daily quiz configured twice for one channel', () => {
  it('posts once when DAILY_QUIZ_CHANNEL_ID is written as discord:<id> and /daily-quiz names the same channel', async () => {
    const twice = await startHarness({}, { DAILY_QUIZ_CHANNEL_ID: `discord:${FAKE_CHANNEL_ID}` });
    const daily = createDailyQuizScheduler({ deps: twice.deps, bank: getQuizBank(twice.deps.knowledge), poster: twice.discord.poster });
    try {
      await twice.callback(twice.fake.command('daily-quiz', [{ name: 'action', type: 3, value: 'here' }], { permissions: MANAGE_GUILD }));
      twice.deps.clock.set('2026-01-05T09:00:05Z');
      expect((await daily.tick()).posted).toHaveLength(1);
      expect(twice.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${FAKE_CHANNEL_ID}/messages`)).toHaveLength(1);
    } finally {
      daily.stop();
      await twice.close();
    }
  });
});
