/**
 * The learner's progress view, the scope's leaderboards and the tutor's class view, built from
 * the stored statistics. Names are never stored: the leaderboard shows "You" for the person asking
 * and a stable pseudonym ("Learner 3f2a") for everyone else.
 */
import type { Deps } from '../deps.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { type Block, fields, heading, list, reply, text, type Reply } from '../reply.js';
import { getChannelState } from './daily/daily-store.js';
import { listDailyChannels } from './daily/settings.js';
import { getCards, getMemberStats, getUserStats, isMastered, listMembers, mastery, type MemberStats } from './progress-store.js';
import { dueQuestionIds } from './srs.js';
import { getStreak, liveStreak } from './streaks.js';
import { shortHash } from './text.js';
import { weekOf } from './time.js';
import type { Tally } from './types.js';

const percent = (t: Tally) => (t.n === 0 ? '–' : `${Math.round((100 * t.c) / t.n)}%`);

/** "Unit 1, AC 4.4: Explain how equality legislation affects customer service". */
function criterionLabel(kb: Pick<KnowledgeBase, 'criteria'>, id: string): string {
  const criterion = kb.criteria.find((c) => c.id === id);
  return criterion ? `Unit ${criterion.unit}, AC ${criterion.ac}: ${criterion.text}` : id;
}

/** Criteria ranked by smoothed mastery (answered at least twice), weakest first. */
function ranked(criteria: Record<string, Tally>): Array<[string, Tally]> {
  return Object.entries(criteria)
    .filter(([, t]) => t.n >= 2)
    .sort(([a, x], [b, y]) => mastery(x) - mastery(y) || a.localeCompare(b));
}

/** The learner's own progress: totals, streak, per-unit mastery, strongest and weakest criteria, what next. */
export async function progressView(userId: string, scopeId: string, deps: Deps): Promise<Reply> {
  const stats = await getUserStats(userId, deps);
  if (!stats || stats.all.n === 0) {
    return reply([heading('Your progress'), text('No answers yet. Start with /quiz — or /quiz unit:1 for one unit.')], { ephemeral: true });
  }
  const now = deps.clock.now();
  const timeZone = deps.config.dailyQuiz.timeZone;
  const recentPosts = await recentPostIds(deps);
  const streak = await getStreak(userId, deps);
  const due = dueQuestionIds(await getCards(userId, deps), now).length;
  const member = await getMemberStats(scopeId, userId, deps);
  const blocks: Block[] = [
    heading('Your progress'),
    fields([
      { label: 'Answered', value: String(stats.all.n) },
      { label: 'Right', value: `${stats.all.c} (${percent(stats.all)})` },
      { label: 'This week here', value: member ? `${member.weeks[weekOf(now, timeZone)]?.c ?? 0} right` : '0 right' },
      { label: 'Daily streak', value: `${liveStreak(streak, now, timeZone, recentPosts)} (best ${streak?.best ?? 0})` },
    ]),
  ];
  const units = Object.entries(stats.units).sort(([a], [b]) => Number(a) - Number(b));
  blocks.push(text('**By unit**'), list(units.map(([unit, t]) => `Unit ${unit}: ${t.c}/${t.n} right (${percent(t)})`)));
  const order = ranked(stats.criteria);
  if (order.length > 0) {
    blocks.push(text('**Strongest**'), list(order.slice(-3).reverse().map(([id, t]) => `${criterionLabel(deps.knowledge, id)} (${t.c}/${t.n})`)));
    blocks.push(text('**Weakest**'), list(order.slice(0, 3).filter(([, t]) => !isMastered(t)).map(([id, t]) => `${criterionLabel(deps.knowledge, id)} (${t.c}/${t.n})`)));
  }
  blocks.push(text(`**What to revise next:** ${nextStep(order, due, stats.units)}`));
  return reply(blocks, { ephemeral: true });
}

function nextStep(order: Array<[string, Tally]>, due: number, units: Record<string, Tally>): string {
  const weakest = order.find(([, t]) => !isMastered(t));
  const parts: string[] = [];
  if (due > 0) parts.push(`${due} question${due === 1 ? ' is' : 's are'} due for another go — run /quiz to see ${due === 1 ? 'it' : 'them'}`);
  if (weakest) {
    const unit = /^u(\d+)\./.exec(weakest[0])?.[1];
    parts.push(`practise Unit ${unit} (/quiz unit:${unit}), where your weakest criterion is`);
  }
  const untried = Array.from({ length: 11 }, (_, i) => String(i + 1)).filter((u) => !units[u]);
  if (parts.length === 0 && untried.length > 0) parts.push(`try a unit you have not practised yet, e.g. /quiz unit:${untried[0]}`);
  return parts.length > 0 ? `${parts.join('; ')}.` : 'keep going with /quiz to stay sharp.';
}

/** The top learners of a scope by right answers (this week or all time); ties by accuracy. */
export async function leaderboardView(scopeId: string, userId: string, period: 'week' | 'all', deps: Deps): Promise<Reply> {
  const week = weekOf(deps.clock.now(), deps.config.dailyQuiz.timeZone);
  const pick = (m: MemberStats): Tally => (period === 'week' ? m.weeks[week] ?? { n: 0, c: 0 } : m.all);
  const rows = [...(await listMembers(scopeId, deps))]
    .map(([id, m]) => ({ id, t: pick(m) }))
    .filter(({ t }) => t.n > 0)
    .sort((a, b) => b.t.c - a.t.c || b.t.c / b.t.n - a.t.c / a.t.n || a.id.localeCompare(b.id));
  const title = period === 'week' ? 'Leaderboard — this week' : 'Leaderboard — all time';
  if (rows.length === 0) return reply([heading(title), text('No answers here yet. Be the first: /quiz')], { ephemeral: true });
  const name = (id: string) => (id === userId ? '**You**' : `Learner ${shortHash(id, 4)}`);
  const lines = rows.slice(0, 10).map(({ id, t }) => `${name(id)} — ${t.c} right of ${t.n} (${percent(t)})`);
  const mine = rows.findIndex((r) => r.id === userId);
  const blocks: Block[] = [heading(title), list(lines, true)];
  if (mine >= 10) blocks.push(text(`You are number ${mine + 1} with ${rows[mine]!.t.c} right.`));
  blocks.push(text('_Points are for right answers, not speed._'));
  return reply(blocks, { ephemeral: true });
}

/** The tutor's view of a scope: participation, mastery per unit and criterion, weakest criteria. */
export async function classView(scopeId: string, deps: Deps): Promise<Reply> {
  const members = [...(await listMembers(scopeId, deps)).values()];
  if (members.length === 0) return reply([heading('Class report'), text('Nobody here has answered a quiz question yet.')], { ephemeral: true });
  const week = weekOf(deps.clock.now(), deps.config.dailyQuiz.timeZone);
  const units: Record<string, Tally> = {};
  const criteria: Record<string, Tally> = {};
  const masteredBy: Record<string, number> = {};
  for (const m of members) {
    for (const [u, t] of Object.entries(m.units)) add(units, u, t);
    for (const [c, t] of Object.entries(m.criteria)) {
      add(criteria, c, t);
      if (isMastered(t)) masteredBy[c] = (masteredBy[c] ?? 0) + 1;
    }
  }
  const activeThisWeek = members.filter((m) => (m.weeks[week]?.n ?? 0) > 0).length;
  const answers = members.reduce((sum, m) => sum + m.all.n, 0);
  const practised = Object.keys(criteria).length;
  const blocks: Block[] = [
    heading('Class report'),
    fields([
      { label: 'Learners', value: String(members.length) },
      { label: 'Active this week', value: String(activeThisWeek) },
      { label: 'Answers', value: String(answers) },
      { label: 'Daily answers', value: String(members.reduce((sum, m) => sum + m.daily.n, 0)) },
      { label: 'Criteria practised', value: `${practised} of ${deps.knowledge.criteria.length}` },
    ]),
    text('**Mastery by unit** (share of right answers)'),
    list(Object.entries(units).sort(([a], [b]) => Number(a) - Number(b)).map(([u, t]) => `Unit ${u}: ${percent(t)} of ${t.n} answers`)),
  ];
  const weakest = ranked(criteria).slice(0, 5);
  if (weakest.length > 0) {
    blocks.push(text('**Weakest criteria** (plan some revision here)'), list(weakest.map(([id, t]) => `${criterionLabel(deps.knowledge, id)}: ${percent(t)} of ${t.n}, mastered by ${masteredBy[id] ?? 0}`)));
  }
  const untouched = deps.knowledge.criteria.length - practised;
  if (untouched > 0) blocks.push(text(`${untouched} criteria have not come up yet.`));
  return reply(blocks, { ephemeral: true });
}

function add(map: Record<string, Tally>, key: string, t: Tally): void {
  const before = map[key] ?? { n: 0, c: 0 };
  map[key] = { n: before.n + t.n, c: before.c + t.c };
}

/** The latest two posts of every daily channel: a streak stays alive while one of them was answered. */
async function recentPostIds(deps: Deps): Promise<string[]> {
  const ids: string[] = [];
  for (const channel of await listDailyChannels(deps)) {
    const state = await getChannelState(channel.channelId, deps);
    if (state?.latestPostId) ids.push(state.latestPostId);
    if (state?.previousPostId) ids.push(state.previousPostId);
  }
  return ids;
}
