import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.js';
import { getQuizBank } from '../../../src/core/quiz/bank/build-bank.js';
import { getChannelState } from '../../../src/core/quiz/daily/daily-store.js';
import type { DailyQuizPoster } from '../../../src/core/quiz/daily/post.js';
import { createDailyQuizScheduler } from '../../../src/core/quiz/daily/scheduler.js';
import type { Reply } from '../../../src/core/reply.js';
import { testDeps } from '../../helpers/test-deps.js';

describe('the daily quiz on a real seconds-level cron schedule', () => {
  it('posts once per slot when two running schedulers share one store', async () => {
    const env = { DAILY_QUIZ_CHANNEL_ID: 'discord:42', DAILY_QUIZ_CRON: '* * * * * *', DAILY_QUIZ_TZ: 'Europe/London' };
    const deps = await testDeps({ clock: systemClock as never }, env);
    const other = await testDeps({ stores: deps.stores, clock: systemClock as never }, env);
    const posts: Array<{ slot: number; reply: Reply }> = [];
    // The channel state is saved before posting, so it names the slot this post fills.
    const poster: DailyQuizPoster = {
      post: async (channel, reply) => void posts.push({ slot: (await getChannelState(channel, deps))!.lastSlot, reply }),
    };
    const a = createDailyQuizScheduler({ deps, bank: getQuizBank(deps.knowledge), poster });
    const b = createDailyQuizScheduler({ deps: other, bank: getQuizBank(deps.knowledge), poster });
    await Promise.all([a.start(), b.start()]);
    await new Promise((resolve) => setTimeout(resolve, 3200));
    a.stop();
    b.stop();
    const slots = posts.map((p) => p.slot);
    // One post per second slot (about three, plus the start-up catch-up), never two in one slot.
    expect(posts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(slots).size).toBe(slots.length);
  });
});
