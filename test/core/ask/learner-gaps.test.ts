/**
 * Regression tests for the gaps a learner found in round 2: legislation answers, definitions the
 * specification asks for but does not give, everyday employment questions, "give me an example"
 * follow-ups and chat markup typed into a question.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { definitions, definitionsFor } from '../../../src/core/ask/definitions.js';
import { isExampleRequest } from '../../../src/core/ask/examples.js';
import { briefToday, lawLines } from '../../../src/core/ask/legislation-today.js';
import { plainQuestion } from '../../../src/core/ask/markup.js';
import { askWith } from '../../helpers/ask.js';
import { testContext, testDeps, type TestDeps } from '../../helpers/test-deps.js';

let deps: TestDeps;
beforeEach(async () => {
  deps = await testDeps();
});

const ask = (question: string, context = testContext()) => askWith(deps, question, context);
const law = (slug: string) => deps.knowledge.legislation.find((entry) => entry.slug === slug)!;

describe('legislation answers', () => {
  it('lead a content question with the criterion that teaches the law, then one short line on today', async () => {
    const { answer, text, sources } = await ask('what r the 7 data protection principles');
    expect(answer.grounded).toBe(true);
    expect(sources[0]).toBe('u1.ac4.5');
    expect(sources).toContain('law.data-protection-act-1998');
    expect(text.split('\n')[0]).toBe('Unit 1 · LO4 · AC 4.5 — State how legislation affects the use and storage of customer information');
    expect(text).toContain('Key principles');
    const today = text.split('\n').find((line) => line.startsWith('Today'))!;
    expect(today).toContain('UK GDPR together with the Data Protection Act 2018');
    expect(today).toContain('data minimisation');
    // The last sentence of the register entry does not answer this question.
    expect(today).not.toContain('Data (Use and Access) Act 2025');
  });

  it('lead a question about whether a law still applies with the law, in short, well-punctuated lines', async () => {
    const { text, sources } = await ask('Does the Data Protection Act 1998 still apply?');
    expect(sources.slice(0, 2)).toEqual(['law.data-protection-act-1998', 'u1.ac4.5']);
    expect(text).not.toMatch(/\.;|Replaced\. Repealed|Status today/);
    expect(text).toContain('What it covered: Controlled how organisations');
    expect(text).toContain('Replaced by: Data Protection Act 2018, from 25 May 2018; General Data Protection Regulation (EU GDPR), from 25 May 2018; UK GDPR, from 1 January 2021.');
    expect(text).toContain('Where the specification teaches it');
  });

  it('say what a partly replaced law still covers, with the replacement and its scope', () => {
    const lines = lawLines(law('sale-of-goods-act-1979'), 'is the sale of goods act still in force');
    expect(lines).toEqual([
      expect.stringMatching(/^\*\*What it covers\*\*: Sets the terms implied/),
      expect.stringMatching(/^\*\*Today\*\*: Still in force for business-to-business/),
      '**Replaced by**: Consumer Rights Act 2015, from 1 October 2015 (contracts between a trader and a consumer for goods).',
    ]);
  });

  it('keep "today" to the first sentence plus the one that answers the question', () => {
    const today = law('data-protection-act-1998').today;
    expect(briefToday(today, 'is it still a thing')).toBe('Repealed and replaced. Personal data is now governed by the UK GDPR together with the Data Protection Act 2018.');
    expect(briefToday(today, 'the principles')).toMatch(/Their seven principles \(lawfulness/);
  });

  it('name only the law a question asks about, not every law its criterion lists', async () => {
    const { text } = await ask('tell me about the trade descriptions act');
    const todayLines = text.split('\n').filter((line) => line.startsWith('Today'));
    expect(todayLines).toHaveLength(1);
    expect(todayLines[0]).toContain('Trade Descriptions Act 1968');
  });
});

describe('definitions the specification asks for but does not give', () => {
  it('gives a curated definition, says it is standard usage, and cites the criterion first', async () => {
    const { text, sources } = await ask('what is upselling');
    expect(sources[0]).toBe('u9.ac4.3');
    expect(sources).toContain('glossary.up-selling');
    expect(text).toContain('Up-selling: the specification asks you to define this but does not give a definition. A standard definition (not the specification’s words): Encouraging a customer to buy a more expensive');
  });

  it("uses the HSE's own wording for hazard and risk", async () => {
    const { text, sources } = await ask('hazard vs risk');
    expect(sources[0]).toBe('u10.ac2.1');
    expect(text).toContain('Anything that may cause harm, such as chemicals, electricity, working from ladders, an open drawer');
    expect(text).toContain('The chance, high or low, that somebody could be harmed by these and other hazards, together with an indication of how serious the harm could be');
  });

  it('defines both terms of a "difference between" question', async () => {
    const { text } = await ask('whats the difference between a feature and a benefit');
    expect(text).toMatch(/Feature: .*a fact about a product or service/i);
    expect(text).toMatch(/Benefit: .*what a feature does for the customer/i);
  });

  it("quotes the specification's own words where it gives them, and says so", async () => {
    const { text } = await ask('what does customer experience mean');
    expect(text).toContain('the specification describes it as “customers\' perception and interpretation of all interactions with an organisation”');
  });

  it('says when the specification uses a term without defining it', async () => {
    const { text, sources } = await ask('what are moments of truth');
    expect(sources[0]).toBe('glossary.moments-of-truth');
    expect(sources).toContain('u5.ac3.2');
    expect(text).toContain('uses this term without defining it');
  });

  it('has a curated definition for every criterion that asks for one and gives none', () => {
    const bare = /^(definitions?|definition of terms|definitions according to .+)$/i;
    const asking = deps.knowledge.criteria.filter((c) => c.amplification.some((topic) => topic.items.some((item) => bare.test(item)))).map((c) => c.id);
    expect(asking.length).toBeGreaterThanOrEqual(5);
    for (const id of asking) expect(definitionsFor(deps.knowledge, id).length, id).toBeGreaterThan(0);
    expect(definitionsFor(deps.knowledge, 'u11.ac1.1').map((d) => d.entry.slug)).toEqual(['private-sector', 'public-sector', 'voluntary-sector']);
  });

  it('marks every curated definition as standard usage or quotes the specification verbatim', () => {
    for (const { entry } of definitions(deps.knowledge).values()) {
      for (const expansion of entry.expansions) {
        if (expansion.basis === 'standard') continue;
        expect(expansion.basis, entry.slug).toBe('specification');
        for (const id of expansion.citedIn) expect(deps.knowledge.record(id)!.text, entry.slug).toContain(expansion.text);
      }
    }
  });

  it('does not let an everyday word ("risks", "benefits") pull a definition above the criterion that answers', () => {
    const risks = deps.ask.retrieve('what are the risks of using social media for customer service').hits.map((hit) => hit.id);
    expect(risks.slice(0, 2)).toContain('u6.ac1.5');
    expect(risks.slice(0, 3).filter((id) => id.startsWith('glossary.'))).toEqual([]);
    expect(deps.ask.retrieve('what are the benefits of teamwork').hits[0]!.id).toBe('u2.ac3.1');
  });
});

describe('everyday employment questions reach Unit 7', () => {
  it.each([
    ['can i get sacked for being ill', ['u7.ac2.1', 'u7.ac3.3']],
    ['can my boss fire me for being off sick', ['u7.ac2.1', 'u7.ac3.3', 'u7.ac2.3']],
    ['my boss hasnt paid my holiday pay', ['u7.ac2.1', 'u7.ac2.3']],
    ['what should be on my payslip', ['u7.ac3.2']],
    ['im not happy about my wages', ['u7.ac3.2', 'u7.ac2.3']],
    ['how many hours can they make me work', ['u7.ac2.1', 'u7.ac3.1']],
    ['what goes in my work contract', ['u7.ac3.1']],
  ])('%s', async (question, expected) => {
    const { answer, text, sources } = await ask(question);
    expect(answer.grounded).toBe(true);
    expect(expected).toContain(sources[0]);
    expect(text).toContain('your tutor, your employer’s HR department or ACAS');
  });

  it('points to tutor, HR or ACAS only when the question is about the asker', async () => {
    expect((await ask('Describe employee rights and responsibilities under employment law')).text).not.toContain('ACAS (free');
  });

  it('does not read "I\'ll" as "ill"', async () => {
    const { sources } = await ask("what i'll need to know about complaints");
    expect(sources[0]).not.toMatch(/^u7\./);
  });
});

describe('"can you give me an example?"', () => {
  it("follows up the previous answer with the specification's own examples", async () => {
    const context = testContext({ conversationId: 'examples-1' });
    await ask('what is a trial close', context);
    const { answer, text, sources } = await ask('can you give me an example?', context);
    expect(answer.grounded).toBe(true);
    expect(sources[0]).toBe('u9.ac4.2');
    expect(text).toContain('The specification gives these examples:');
    expect(text).toContain('"what do you think about...."');
  });

  it('says honestly when the specification gives no example, and what the criterion expects', async () => {
    const context = testContext({ conversationId: 'examples-2' });
    await ask('Explain how a brand affects an organisation’s customer service offer', context);
    const { text, sources } = await ask('example?', context);
    expect(sources[0]).toBe('u1.ac1.3');
    expect(text).toContain('The specification gives no examples for this criterion');
    expect(text).toContain('What the criterion expects: In terms of 1.3, the learner should give at least two examples');
  });

  it('asks what to give an example of when nothing came before', async () => {
    const { answer, text } = await ask('can you give me an example?', testContext({ conversationId: 'examples-3' }));
    expect(answer.kind).toBe('clarify');
    expect(answer.grounded).toBe(false);
    expect(text).toContain('An example of what?');
  });

  it('treats "an example of <topic>" as a new question', async () => {
    expect(isExampleRequest('can you give me an example of a buying signal')).toBe(false);
    expect(isExampleRequest('can u give me an example pls')).toBe(true);
    expect(isExampleRequest('like what?')).toBe(true);
    const { sources } = await ask('can you give me an example of a buying signal', testContext({ conversationId: 'examples-4' }));
    expect(sources[0]).toBe('u9.ac4.1');
  });
});

describe('chat markup typed into a question', () => {
  it('is read as text: mentions and broadcasts are dropped, links keep their label', () => {
    expect(plainQuestion('<!channel> what does LASS stand for?')).toBe('what does LASS stand for?');
    expect(plainQuestion('hey <!here|here> <@U0123ABC> what is a brand :thinking_face:')).toBe('hey what is a brand');
    expect(plainQuestion('see <https://example.org/x|the unit guide> for <#C123|general>')).toBe('see the unit guide for');
    expect(plainQuestion('@everyone <@&123> <:wave:456> what is LASS')).toBe('what is LASS');
    expect(plainQuestion('is 10:30: too late? <3')).toBe('is 10:30: too late? <3');
  });

  it('does not turn an on-topic question into a refusal', async () => {
    const plain = await ask('what is customer service for');
    const marked = await ask('<!channel> what is customer service for');
    expect(marked.answer.grounded).toBe(true);
    expect(marked.sources[0]).toBe(plain.sources[0]);
    expect((await ask('<!here>')).answer.kind).toBe('empty');
  });
});
