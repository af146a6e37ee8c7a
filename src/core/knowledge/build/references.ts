/**
 * Finds the assessment criteria and learning outcomes a sentence of tutor guidance names:
 * "assessment criterion 1.2", "For 1.4 and 1.6", "(1.5 and 1.7)", "assessment criteria
 * 1.2–1.7" (ranges expand over the unit's own criteria), "learning outcomes 2, 3 and 4".
 */

/** An AC number not part of a larger number, ISBN, price or percentage; optionally a range. */
const AC_REFERENCE = /(?<![\d.£$])(\d{1,2})\.(\d{1,2})(?:\s*(?:[–—-]|to)\s*(\d{1,2})\.(\d{1,2}))?(?![\d%]|\.\d)/g;
const LO_REFERENCE = /learning\s+outcomes?\s+(\d+(?:\s*(?:,|and|&)\s*\d+)*)/gi;

/** The criteria a sentence names, expanded over `unitAcs` (the unit's criteria in order); unknown ids are returned too. */
export function criteriaNamed(sentence: string, unitAcs: string[]): { known: string[]; unknown: string[] } {
  const named: string[] = [];
  const unknown: string[] = [];
  for (const match of sentence.matchAll(AC_REFERENCE)) {
    const first = `${Number(match[1])}.${Number(match[2])}`;
    if (match[3] === undefined) {
      named.push(first);
      continue;
    }
    const last = `${Number(match[3])}.${Number(match[4])}`;
    const from = unitAcs.indexOf(first);
    const to = unitAcs.indexOf(last);
    if (from < 0 || to < from) {
      unknown.push(`${first}–${last}`);
      continue;
    }
    named.push(...unitAcs.slice(from, to + 1));
  }
  const known = [...new Set(named.filter((ac) => unitAcs.includes(ac)))];
  unknown.push(...new Set(named.filter((ac) => !unitAcs.includes(ac))));
  return { known, unknown };
}

/** The learning outcome numbers a text names ("learning outcomes 1 and 2" → [1, 2]). */
export function outcomesNamed(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(LO_REFERENCE)) {
    for (const part of match[1]!.split(/\s*(?:,|and|&)\s*/)) numbers.push(Number(part));
  }
  return [...new Set(numbers)];
}
