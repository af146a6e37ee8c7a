/**
 * What each command verb in the assessment criteria asks of a learner's assessment answer, in
 * plain words for a Level 2 learner. The verbs are the specification's own (State, Explain, …).
 */

const VERB_GUIDANCE: Record<string, string> = {
  State: '"State" asks for facts: name the points clearly and briefly. No long explanation is needed.',
  Identify: '"Identify" asks you to pick out and name the points. A clear list is fine.',
  Outline: '"Outline" asks for the main points with a little detail on each, not a full explanation.',
  Describe: '"Describe" asks you to say what something is like or how it is done, in detail, with examples.',
  Explain: '"Explain" asks for reasons: say how or why, using "because" and "so that", with examples.',
  Listen: 'This criterion is practical: you show it by doing it, for example in an observed role-play, so practise it.',
  Use: 'This criterion is practical: you show it by doing it, for example in an observed role-play, so practise it.',
  Produce: 'This criterion is practical: you produce real written work (for example letters or emails) to the standard asked.',
  Comply: 'This criterion is practical: an assessor sees you working safely and following the rules.',
};

/**
 * The guidance line for a command verb, or null for a verb we have no guidance for.
 * @example verbGuidance('Explain') // '"Explain" asks for reasons: …'
 */
export function verbGuidance(verb: string | null): string | null {
  if (!verb) return null;
  return VERB_GUIDANCE[verb] ?? null;
}
