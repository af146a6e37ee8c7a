import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/core/knowledge/index.js';
import { buildBank, nearDuplicate, type BankReport } from '../../../src/core/quiz/bank/build-bank.js';
import { curatedDistractors, curatedListKeys } from '../../../src/core/quiz/bank/curated.js';
import { listsOf } from '../../../src/core/quiz/bank/lists.js';
import { supportedBy, supportTexts } from '../../../src/core/quiz/bank/support.js';
import { validateBank, validateQuestion } from '../../../src/core/quiz/bank/validate.js';
import { selectQuestions } from '../../../src/core/quiz/select.js';
import { contentStems, normalise } from '../../../src/core/quiz/text.js';
import type { QuizBank } from '../../../src/core/quiz/types.js';

let kb: KnowledgeBase;
let bank: QuizBank;
let report: BankReport;

beforeAll(() => {
  kb = loadKnowledgeBase();
  ({ bank, report } = buildBank(kb));
});

describe('the question bank', () => {
  it('generates no invalid question and keeps a large bank', () => {
    expect(report.invalid).toEqual([]);
    expect(bank.questions.length).toBeGreaterThan(300);
  });

  it('passes validation over the whole bank: right answer supported, no distractor supported', () => {
    expect(validateBank(bank.questions, kb)).toEqual([]);
  });

  it('gives every question 3–4 unique choices, an explanation and a citation from record metadata', () => {
    for (const q of bank.questions) {
      expect(q.choices.length).toBeGreaterThanOrEqual(3);
      expect(q.choices.length).toBeLessThanOrEqual(4);
      expect(new Set(q.choices.map(normalise)).size).toBe(q.choices.length);
      expect(q.explanation.length).toBeGreaterThan(20);
      expect(q.citation).toEqual(kb.citation(q.citation.source));
    }
  });

  it('covers every unit and at least three quarters of all criteria', () => {
    for (const unit of kb.units) expect(bank.questions.some((q) => q.unit === unit.number)).toBe(true);
    const covered = new Set(bank.questions.map((q) => q.criterionId).filter(Boolean));
    expect(covered.size / kb.criteria.length).toBeGreaterThanOrEqual(0.75);
  });

  it('uses several kinds of question', () => {
    const kinds = new Set(bank.questions.map((q) => q.kind));
    for (const kind of ['list-member', 'criterion-for', 'unit-for', 'acronym-letter', 'acronym-meaning', 'law-governs', 'law-replaced', 'misconception', 'scenario']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('has no near-duplicate questions', () => {
    const pairs = bank.questions.flatMap((a, i) => bank.questions.slice(i + 1).filter((b) => nearDuplicate(a, b)).map((b) => `${a.id} ~ ${b.id}`));
    expect(pairs).toEqual([]);
  });

  it('is deterministic: the same knowledge base gives the same questions', () => {
    const again = buildBank(kb).bank;
    expect(again.questions.map((q) => [q.id, q.choices, q.answer])).toEqual(bank.questions.map((q) => [q.id, q.choices, q.answer]));
  });

  it('never offers a protected characteristic as a wrong answer to the protected characteristics question', () => {
    const question = bank.questions.find((q) => q.kind === 'list-member' && q.prompt.includes('nine protected characteristics'));
    expect(question).toBeDefined();
    const characteristics = ['age', 'disability', 'race', 'religion', 'belief', 'sex', 'sexual orientation', 'pregnancy', 'maternity', 'gender reassignment', 'marriage', 'civil partnership'];
    question!.choices.forEach((choice, i) => {
      if (i === question!.answer) return;
      expect(characteristics.some((c) => normalise(choice).includes(c)), choice).toBe(false);
    });
  });

  it('checks distractors against the cited record, so one the record supports is rejected', () => {
    const question = bank.questions.find((q) => q.kind === 'list-member' && q.citation.source === 'u1.ac4.4')!;
    const tampered = { ...question, choices: question.choices.map((c, i) => (i === question.answer ? c : i === (question.answer + 1) % question.choices.length ? 'Religion and beliefs' : c)) };
    expect(validateQuestion(tampered, kb).join(' ')).toMatch(/distractor “Religion and beliefs” is supported/);
    expect(supportedBy('beliefs', supportTexts(kb, 'u1.ac4.4'))).toBe(true);
  });

  it('rejects a question whose right answer the cited record does not support', () => {
    const question = bank.questions.find((q) => q.kind === 'list-member')!;
    const choices = [...question.choices];
    choices[question.answer] = 'Something the specification never says';
    expect(validateQuestion({ ...question, choices }, kb).join(' ')).toMatch(/right answer .* is not supported/);
  });

  it('teaches what applies today for replaced legislation', () => {
    const dpa = bank.questions.find((q) => q.kind === 'law-replaced' && q.citation.source === 'law.data-protection-act-1998')!;
    expect(dpa.choices[dpa.answer]).toMatch(/Data Protection Act 2018/);
    expect(dpa.choices[dpa.answer]).toMatch(/UK GDPR/);
  });

  it('selects the same questions for the same seed and different ones for another', () => {
    const pick = (seed: string) => selectQuestions({ questions: bank.questions, count: 8, unit: null, cards: {}, stats: undefined, now: 0, seed }).map((q) => q.id);
    expect(pick('a')).toEqual(pick('a'));
    expect(pick('a')).not.toEqual(pick('b'));
    const unit3 = selectQuestions({ questions: bank.questions, count: 5, unit: 3, cards: {}, stats: undefined, now: 0, seed: 'x' });
    expect(unit3).toHaveLength(5);
    expect(unit3.every((q) => q.unit === 3)).toBe(true);
    expect(new Set(unit3.map((q) => q.topicKey)).size).toBe(5);
  });

  it('offers plausible curated wrong answers for the protected characteristics, none of them one of the nine', () => {
    const question = bank.questions.find((q) => q.kind === 'list-member' && q.prompt.includes('nine protected characteristics'))!;
    const curated = curatedDistractors('u1.ac4.4|Equality Act (2010)|nine protected characteristics').map((d) => normalise(d.text));
    const wrong = question.choices.filter((_, i) => i !== question.answer);
    expect(wrong.every((choice) => curated.includes(normalise(choice)))).toBe(true);
    expect(question.explanation).toMatch(/is not|Not a protected characteristic|Not one of the nine/);
  });

  it('keeps every curated wrong answer usable: its list exists, the criterion does not support it, it shares no word with the list', () => {
    const lists = new Map(kb.criteria.flatMap((c) => listsOf(c)).map((l) => [l.key, l]));
    for (const key of curatedListKeys()) {
      const list = lists.get(key);
      expect(list, key).toBeDefined();
      const memberStems = new Set(list!.members.flatMap((m) => contentStems(m)));
      for (const { text, why } of curatedDistractors(key)) {
        expect(supportedBy(text, supportTexts(kb, list!.criterion.id)), `${key}: ${text}`).toBe(false);
        expect(contentStems(text).filter((stem) => memberStems.has(stem)), `${key}: ${text}`).toEqual([]);
        expect(why.length).toBeGreaterThan(10);
      }
      // Offered, not silently dropped: the list's question uses curated answers.
      const question = bank.questions.find((q) => q.topicKey === key);
      if (question) expect(question.choices.some((c) => curatedDistractors(key).some((d) => normalise(d.text) === normalise(c))), key).toBe(true);
    }
  });

  it('never offers an outcome that fits anything as a wrong answer to a benefits or importance list', () => {
    const universal = /\b(satisf\w*|loyal\w*|retention|reputation|profit\w*|revenue|goodwill|confidence)\b/i;
    const goodLists = new Set(kb.criteria.flatMap((c) => listsOf(c)).filter((l) => l.cls === 'good' && l.role === 'outcome').map((l) => l.key));
    for (const q of bank.questions.filter((q) => goodLists.has(q.topicKey))) {
      q.choices.forEach((choice, i) => {
        if (i !== q.answer) expect(choice, q.id).not.toMatch(universal);
      });
    }
  });
});
