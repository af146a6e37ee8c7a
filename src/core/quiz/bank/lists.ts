/**
 * Turns a criterion's amplification into lists a question can be asked about. A topic
 * ("Barriers") is a list of its items; an item with its own members ("nine protected
 * characteristics (age, disability, …)", "conflict management techniques (forcing, …)",
 * "stages, i.e. problem recognition, …") is a list of its own. Only clean, short members can be a
 * right answer or a distractor: no "e.g.", no definitions, nothing a button cannot show.
 */
import { balancedParentheses } from '../../knowledge/build/text.js';
import type { Criterion } from '../../knowledge/types.js';
import { contentStems } from '../text.js';

/** Whether a list names good things, bad things or neither; distractors come from the opposite. */
export type ListClass = 'good' | 'bad' | 'neutral';

/**
 * What a list's members are: outcomes (importance, benefits, consequences, risks), problems
 * (barriers, hazards, causes, unhelpful behaviours), practices (techniques, procedures, ways of
 * behaving) or types (everything else: named categories such as protected characteristics).
 * A distractor of the same role and polarity is the most plausible kind of wrong answer.
 */
export type ListRole = 'outcome' | 'problem' | 'practice' | 'type';

/** One list from the specification. */
export interface SpecList {
  criterion: Criterion;
  /** The topic heading, e.g. "Barriers". */
  topic: string;
  /** The sub-list's own name when it is one, e.g. "nine protected characteristics". */
  head: string | null;
  members: string[];
  cls: ListClass;
  role: ListRole;
  /** Stable key, e.g. "u2.ac1.7|Barriers|staff problems". */
  key: string;
}

// Matched against the topic and the sub-list's name. Anything else is neutral.
const BAD =
  /\b(barriers?|constraints?|^risks$|negative impacts|negative customer service language|potential consequences|customer dissatisfaction|challenging customers|unhelpful|workplace hazard|workplace risk|types of emergency|^customer problems$|staff problems|poor communication)\b/i;
const GOOD =
  /\b(benefits?|importance|^purpose$|value of|positive impacts|positive customer service language|features of effective|gaining trust|putting customers at ease|build rapport|giving feedback constructively|types of personal behaviour|techniques to deal|achieving the customer service offer|achieving progression goals|avoiding accidents|working safely|responding to (customer )?problems|team goals|relationship to organisational performance)\b/i;

/** Classifies a list by its topic and name (a bad topic wins: "Negative impacts" is not good). */
export function classify(topic: string, head: string | null): ListClass {
  for (const name of [topic, head ?? '']) if (BAD.test(name)) return 'bad';
  for (const name of [topic, head ?? '']) if (GOOD.test(name)) return 'good';
  return 'neutral';
}

const OUTCOME =
  /\b(importance|benefits?|purpose|value of|impacts?|consequences|relationship to organisational performance|responding to problems quickly|achieving the customer service offer|customer loyalty|^risks$|workplace risk)\b/i;
const PROBLEM = /\b(barriers?|constraints?|^customer problems|staff problems|challenging customers|inappropriate behaviour|unhelpful|workplace hazard|types of emergency)\b/i;
const PRACTICE =
  /\b(techniques?|giving feedback|gaining trust|putting customers at ease|build rapport|managing|dealing with|responding to customer problems|working safely|avoiding accidents|features of effective follow up|personal behaviour|active listening|encouraging|identifying|procedures|team goals|achieving progression goals|service recovery|realistic promises|behaviour$|using questioning|closing the sale|sharing customer feedback|giving positive impression|general guidelines|working with others|personal development)\b/i;

/** The role of a list from its topic and sub-list name; the sub-list's name is more specific. */
export function roleOf(topic: string, head: string | null): ListRole {
  for (const name of [head ?? '', topic]) {
    if (name === '') continue;
    if (OUTCOME.test(name)) return 'outcome';
    if (PROBLEM.test(name)) return 'problem';
    if (PRACTICE.test(name)) return 'practice';
  }
  return 'type';
}

/** Areas of the qualification whose lists share vocabulary: customer service, selling, working life. */
export function areaOf(unit: number): 'service' | 'selling' | 'work' {
  if (unit <= 6) return 'service';
  return unit === 9 ? 'selling' : 'work';
}

/** True for a member that reads well as a choice on its own. */
export function isCleanMember(value: string): boolean {
  return (
    value.length >= 3 &&
    value.length <= 70 &&
    !/\b(e\.g|i\.e|etc)\b|[:;…"]|\.\.\.|^(definition|key provisions|examples?|types?|based on|not|whether)\b/i.test(value) &&
    balancedParentheses(value) &&
    contentStems(value).length > 0
  );
}

/** Every list of a criterion: each topic, and each item that names members of its own. */
export function listsOf(criterion: Criterion, minMembers = 3): SpecList[] {
  const lists: SpecList[] = [];
  for (const { topic, items } of criterion.amplification) {
    const topicMembers: string[] = [];
    for (const item of items) {
      const sub = splitSubList(item);
      if (sub === null) {
        topicMembers.push(stripLead(item));
        continue;
      }
      if (sub.head === null) topicMembers.push(...sub.members);
      else if (!isCleanMember(sub.head) || sub.head.includes(',')) topicMembers.push(item);
      else {
        // A one-word head ("Actions", "Documents") means nothing on its own as an answer.
        if (sub.head.includes(' ')) topicMembers.push(sub.head);
        lists.push(make(criterion, topic, sub.head, sub.members));
      }
    }
    lists.push(make(criterion, topic, null, topicMembers));
  }
  // Fewer than three members makes a poor list question ("positive | negative").
  return lists.filter((list) => list.members.length >= minMembers);
}

function make(criterion: Criterion, topic: string, head: string | null, members: string[]): SpecList {
  const clean = [...new Set(members.map((m) => m.trim().replace(/^'(.*)'$/, '$1')).filter(isCleanMember))];
  return { criterion, topic, head, members: clean, cls: classify(topic, head), role: roleOf(topic, head), key: `${criterion.id}|${topic}|${head ?? ''}` };
}

/**
 * Splits "head (a, b, c)", "head, e.g. a, b", "head, i.e. a, b" and "e.g. a, b" into a head and
 * members; null when the item is a single member.
 */
export function splitSubList(item: string): { head: string | null; members: string[] } | null {
  const paren = /^([^()]+?)\s*\(([^()]+)\)$/.exec(item);
  if (paren && paren[2]!.includes(',')) return { head: paren[1]!.trim(), members: splitMembers(paren[2]!) };
  const example = /^(.*?)[,\s]*\b(?:e\.g\.|i\.e\.)\s*(.+)$/i.exec(item);
  if (example && !/\b(e\.g|i\.e)\b/i.test(example[2]!) && example[2]!.includes(',')) {
    const head = example[1]!.trim();
    return { head: head === '' ? null : head, members: splitMembers(example[2]!) };
  }
  return null;
}

/** Splits "a, b and c" style member lists at top-level commas. */
function splitMembers(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

function stripLead(item: string): string {
  return item.replace(/^e\.g\.\s*/i, '').trim();
}
