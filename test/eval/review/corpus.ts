/**
 * Reads the labelled review corpus (corpus/dev.txt, holdout.txt, fresh.txt and fresh2.txt). The format is meant
 * for people: a header line per draft, an `expect:` line of labels, and the draft between fences.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Channel } from '../../../src/core/review/channel.js';

/** One expected finding: `category.rule`, optionally pinned to the words it is about. */
export interface Expectation {
  key: string;
  excerpt: string | null;
}

/** One labelled draft. */
export interface CorpusItem {
  id: string;
  sector: string;
  channel: string;
  good: boolean;
  expect: Expectation[];
  text: string;
}

/**
 * The parts: `dev` (rules may be tuned on it), `holdout` (written with dev, never tuned on),
 * `fresh` (round 3: written by another engineer without sight of the rules, never tuned on) and
 * `fresh2` (round 4: the same, by a further writer, never tuned on).
 */
export type CorpusPart = 'dev' | 'holdout' | 'fresh' | 'fresh2';

const HEADER = /^### (\S+) \| ([^|]+) \| ([^|]+) \| (good|bad)$/;

/** Parses a corpus file; throws naming the draft when a label or excerpt is wrong. */
export function parseCorpus(source: string): CorpusItem[] {
  const items: CorpusItem[] = [];
  const blocks = source.split(/^(?=### )/m).filter((b) => b.startsWith('### '));
  for (const block of blocks) {
    const [header = '', expectLine = ''] = block.split('\n');
    const head = HEADER.exec(header.trim());
    if (!head) throw new Error(`Bad corpus header: ${header}`);
    const body = /\n~~~\n([\s\S]*?)\n~~~/.exec(block);
    if (!body || !expectLine.startsWith('expect:')) throw new Error(`${head[1]}: needs an expect: line and a ~~~ fenced draft`);
    const text = body[1]!;
    const expect = expectLine
      .slice('expect:'.length)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((label): Expectation => {
        const m = /^([a-z-]+\.[a-z_]+)(?:\s*=\s*"(.*)")?$/.exec(label);
        if (!m) throw new Error(`${head[1]}: bad label ${label}`);
        if (m[2] !== undefined && !text.includes(m[2])) throw new Error(`${head[1]}: excerpt "${m[2]}" is not in the draft`);
        return { key: m[1]!, excerpt: m[2] ?? null };
      });
    const good = head[4] === 'good';
    if (good && expect.length > 0) throw new Error(`${head[1]}: a good draft expects no findings`);
    items.push({ id: head[1]!, sector: head[2]!.trim(), channel: head[3]!.trim(), good, expect, text });
  }
  return items;
}

/**
 * The reviewer's channel for a corpus header's channel, as the writers spelled it: "email",
 * "letter", "chat"/"live chat", "sms"/"text"/"text message", "social"/"social media"/"social media
 * reply". Anything else is left for the reviewer to guess from the layout.
 */
export function reviewChannel(header: string): Channel | undefined {
  const name = header.trim().toLowerCase().replace(/\s+/g, ' ');
  if (name === 'email' || name === 'letter') return name;
  if (name === 'chat' || name === 'live chat') return 'chat';
  if (name === 'sms' || name === 'text' || name === 'text message') return 'sms';
  if (name === 'social' || name === 'social media' || name === 'social media reply') return 'social';
  return undefined;
}

/** Loads one part of the corpus. */
export function loadCorpus(part: CorpusPart): CorpusItem[] {
  return parseCorpus(readFileSync(fileURLToPath(new URL(`./corpus/${part}.txt`, import.meta.url)), 'utf8'));
}
