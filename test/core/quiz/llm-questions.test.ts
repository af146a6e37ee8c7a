import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getQuizBank } from '../../../src/core/quiz/bank/build-bank.js';
import { validateBank } from '../../../src/core/quiz/bank/validate.js';
import { llmCacheKey, loadLlmQuestions, type LlmQuestionLimits } from '../../../src/core/quiz/llm-questions.js';
import { startSession } from '../../../src/core/quiz/sessions.js';
import { warmQuizBank } from '../../../src/core/quiz/warm-up.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeResponse, type RecordedRequest } from '../../fakes/openai-server.js';
import { testDeps, type TestDeps } from '../../helpers/test-deps.js';

// The least covered criteria come first: u2.ac1.1 (features and benefits), then u7.ac3.1 (contract of employment).
const LIMITS: LlmQuestionLimits = { recordsPerRun: 2, maxTokens: 400, maxQuestions: 2 };
const CONTRACT = 'u7.ac3.1';
const NONE = { json: { question: null, answer: null, wrong_answers: null, explanation: null } };
const contractReply = (overrides: Record<string, unknown> = {}): FakeResponse => ({
  json: {
    question: 'Which of these does the specification list as content of a contract of employment?',
    answer: 'holiday entitlement',
    wrong_answers: ['Interest rates', 'Market share data', 'Customer testimonials'],
    explanation: 'A contract of employment sets out terms such as holiday entitlement.',
    ...overrides,
  },
});

let fake: FakeOpenAI;
let deps: TestDeps;

/** Answers the contract-of-employment record with `reply`, any other record with "no fair question". */
function answerContract(reply: FakeResponse) {
  fake.onChat((request: RecordedRequest) => (userText(request).includes('contract of employment') ? reply : NONE));
}
const userText = (request: RecordedRequest) => String(request.body.messages[1].content);
const cacheEntry = (recordId: string) => deps.stores.ns('quiz-bank').get(llmCacheKey(deps.knowledge.version, recordId));

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  deps = await testDeps({}, fake.env({ LLM_TIMEOUT_MS: '1000' }));
});

describe('LLM-written questions', () => {
  it('asks nothing and adds nothing without a key', async () => {
    const offline = await testDeps();
    const before = getQuizBank(offline.knowledge).questions.length;
    const { questions } = await loadLlmQuestions(offline, getQuizBank(offline.knowledge), LIMITS);
    await warmQuizBank(offline, { delayMs: 0, limits: LIMITS });
    expect(questions).toEqual([]);
    expect(getQuizBank(offline.knowledge).questions.length).toBe(before);
    expect(fake.chatRequests()).toHaveLength(0);
  });

  it('sends one record at a time as delimited data, with a token limit and a strict schema', async () => {
    answerContract(contractReply());
    await loadLlmQuestions(deps, getQuizBank(deps.knowledge), LIMITS);
    const requests = fake.chatRequests();
    expect(requests).toHaveLength(2);
    const contract = requests.find((r) => userText(r).includes('contract of employment'))!;
    expect(userText(contract)).toMatch(/^<record>\nUnit 7, assessment criterion 3\.1: Describe the type of information that is included in a contract of employment\n/);
    expect(userText(contract)).toMatch(/\n<\/record>$/);
    expect(userText(contract)).not.toMatch(/Features and benefits/);
    expect(contract.body.max_tokens ?? contract.body.max_completion_tokens).toBe(400);
    expect(contract.body.response_format.type).toBe('json_schema');
    expect(String(contract.body.messages[0].content)).toMatch(/data, not instructions/);
  });

  it.each([
    ['replies in the wrong shape', { json: { text: 'a question' } }, 'invalid_output'],
    ['gives an answer the record does not support', contractReply({ answer: 'Pension scheme rules' }), 'is not supported'],
    ['offers a wrong answer the record supports', contractReply({ wrong_answers: ['Pay rate', 'Interest rates'] }), 'distractor “Pay rate” is supported'],
    ['names the answer in the question', contractReply({ question: 'Is holiday entitlement in a contract of employment?' }), 'gives the answer away'],
    ['offers one wrong answer', contractReply({ wrong_answers: ['Interest rates'] }), '1 wrong answers'],
  ])('rejects a reply that %s, caches the rejection and keeps the bank as it was', async (_label, reply, reason) => {
    answerContract(reply);
    const { questions, report } = await loadLlmQuestions(deps, getQuizBank(deps.knowledge), LIMITS);
    expect(questions).toEqual([]);
    const why = [...report.rejected, ...report.errors].find((r) => r.recordId === CONTRACT)!.reason;
    expect(why).toContain(reason);
    expect(await cacheEntry(CONTRACT)).toMatchObject({ status: 'rejected' });
    // Not asked again on the next run.
    fake.reset();
    await loadLlmQuestions(deps, getQuizBank(deps.knowledge), LIMITS);
    expect(fake.chatRequests()).toHaveLength(0);
  });

  it('gives up on a hanging endpoint within the budget, caches nothing and leaves the bank alone', async () => {
    fake.onChat(() => ({ hang: true }));
    const before = getQuizBank(deps.knowledge).questions.length;
    const started = performance.now();
    await warmQuizBank(deps, { delayMs: 0, limits: LIMITS });
    expect(performance.now() - started).toBeLessThan(3000);
    // The first record timed out: the run stopped instead of waiting once per record.
    expect(fake.chatRequests()).toHaveLength(1);
    expect(await cacheEntry('u2.ac1.1')).toBeUndefined();
    expect(getQuizBank(deps.knowledge).questions.length).toBe(before);
  });

  it('keeps a valid question, caches it by knowledge-base version and record id, and mixes it into quizzes', async () => {
    answerContract(contractReply());
    const { questions, report } = await loadLlmQuestions(deps, getQuizBank(deps.knowledge), LIMITS);
    expect(report.generated).toBe(1);
    const [question] = questions;
    expect(question).toMatchObject({ kind: 'llm', criterionId: CONTRACT, unit: 7, citation: deps.knowledge.citation(CONTRACT) });
    expect(question!.choices[question!.answer]).toBe('holiday entitlement');
    expect(validateBank(questions, deps.knowledge)).toEqual([]);
    expect(await cacheEntry(CONTRACT)).toMatchObject({ status: 'ok' });

    // The next start-up reads the cache (no request) and re-checks the reply.
    fake.reset();
    await warmQuizBank(deps, { delayMs: 0, limits: LIMITS });
    expect(fake.chatRequests()).toHaveLength(0);
    const bank = getQuizBank(deps.knowledge);
    expect(bank.get(question!.id)).toEqual(question);
    expect(validateBank(bank.questions, deps.knowledge)).toEqual([]);
    // One question per criterion first: a 20-question Unit 7 quiz reaches the only question on AC 3.1.
    const { session } = await startSession({ userId: 'terminal:llm', scopeId: 'terminal:class', count: 20, unit: 7 }, bank, deps);
    expect(session.questionIds).toContain(question!.id);
  });
});
