/**
 * `npm run bench -- ask`: how fast Ask is offline on this machine.
 * - index build: the learner vocabulary plus the MiniSearch index from the loaded knowledge base
 *   (the first build in the process, as at start-up, and the median of repeats);
 * - per question: retrieval plus the offline answer for every evaluation question (p50, p95);
 * - resident memory of the process afterwards, the heap the engine holds and the part of it the
 *   learner phrasings add (an engine built without them, measured the same way).
 * Targets (issue 3): p95 < 5 ms per question, index build < 200 ms, < 200 MB resident.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { answerQuestion } from '../src/core/ask/answer.js';
import { createAskEngine } from '../src/core/ask/engine.js';
import { loadPhrasings, noPhrasings } from '../src/core/ask/phrasings.js';
import { loadVocabulary } from '../src/core/ask/vocabulary.js';
import { loadKnowledgeBase } from '../src/core/knowledge/index.js';
import { loadAskSet } from '../test/eval/ask/evaluate.js';
import { percentile, type Suite } from '../test/eval/suite.js';
import { productNodeFlags } from './node-flags.js';
import { testContext, testDeps } from '../test/helpers/test-deps.js';

const ROUNDS = 5;

/** A garbage collection before reading memory, so the figure is what stays, not what awaits collection. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;
const BUILD_REPEATS = 10;

export const askBench: Suite = {
  name: 'ask',
  async run() {
    const knowledge = loadKnowledgeBase();
    collectGarbage();
    const heapBefore = heapMb();
    // The first build in the process is what start-up pays (cold code); repeats show the steady cost.
    const started = performance.now();
    const engine = createAskEngine(knowledge, loadVocabulary());
    const builds = [performance.now() - started];
    // The resemblance models build after start-up (in the background, or on the first question).
    const resemblanceMs = engine.warmUp();
    collectGarbage();
    const engineMb = heapMb() - heapBefore;
    // What the learner phrasings add (round 5): a second engine with them and one without, both
    // built warm so neither pays for the process's one-time set-up, both kept alive while measured.
    const warmHeap = (phrasings: ReturnType<typeof loadPhrasings>) => {
      collectGarbage();
      const before = heapMb();
      const built = createAskEngine(knowledge, loadVocabulary(), phrasings);
      collectGarbage();
      return { built, mb: heapMb() - before };
    };
    // A single pair is noisy (what else the collector finds differs): the median of three pairs.
    const differences: number[] = [];
    for (let i = 0; i < 3; i++) {
      const withPhrasings = warmHeap(loadPhrasings());
      const plain = warmHeap(noPhrasings());
      differences.push(withPhrasings.mb - plain.mb);
      void [withPhrasings.built, plain.built];
    }
    const phrasingsMb = percentile(differences, 50);
    const phrasingCount = Object.values(loadPhrasings().data.records).reduce((sum, list) => sum + list.length, 0);
    const deps = await testDeps({ knowledge, ask: engine });
    const questions = loadAskSet().map((item) => item.question);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, question] of questions.entries()) {
        const begun = performance.now();
        await answerQuestion(question, testContext({ conversationId: `bench:${i}` }), deps, { useLlm: false, remember: false });
        times.push(performance.now() - begun);
      }
    }
    await deps.stores.close();
    // Memory as the app runs: one engine, every question answered. The resident set includes the
    // heap V8 keeps in reserve after thousands of back-to-back answers (it varies with the run's
    // length: docs/ask.md), so the heap still in use after a collection is reported beside it.
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    collectGarbage();
    const liveHeapMb = heapMb();
    for (let i = 1; i < BUILD_REPEATS; i++) {
      const begun = performance.now();
      createAskEngine(knowledge, loadVocabulary());
      builds.push(performance.now() - begun);
    }
    // V8 sizes its heap differently from run to run (peaks seen 180–250 MB for the same work), so
    // the product process runs three times and the median and range are reported.
    const productRuns = [await productPeakRss(questions), await productPeakRss(questions), await productPeakRss(questions)];
    const peaks = productRuns.map((run) => run.peakMb);
    const product = { peakMb: percentile(peaks, 50), answered: productRuns[0]!.answered, min: Math.min(...peaks), max: Math.max(...peaks) };
    const metrics = {
      'product.rss.peak.mb': product.peakMb,
      'build.first.ms': builds[0]!,
      'build.p50.ms': percentile(builds, 50),
      'resemblance.first.ms': resemblanceMs,
      'answer.p50.ms': percentile(times, 50),
      'answer.p95.ms': percentile(times, 95),
      'answer.max.ms': Math.max(...times),
      'rss.mb': rssMb,
      'heap.live.mb': liveHeapMb,
      'engine.heap.mb': engineMb,
      'phrasings.heap.mb': phrasingsMb,
    };
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    return {
      metrics,
      lines: [
        `index build (vocabulary + index, ${knowledge.records.length} records): first ${ms(builds[0]!)}, median of ${BUILD_REPEATS} ${ms(metrics['build.p50.ms'])}  (target < 200 ms)`,
        `resemblance models (after start-up, in the background or on the first question): first ${ms(resemblanceMs)}`,
        `retrieval + offline answer, ${questions.length} questions × ${ROUNDS}: p50 ${ms(metrics['answer.p50.ms'])}, p95 ${ms(metrics['answer.p95.ms'])}, max ${ms(metrics['answer.max.ms'])}  (target p95 < 5 ms)`,
        `resident memory answering as the product does (\`coach ask --jsonl\`, ${product.answered} questions in one process): peak ${product.peakMb.toFixed(0)} MB, median of 3 runs (range ${product.min.toFixed(0)}–${product.max.toFixed(0)} MB)  (target < 200 MB)`,
        `resident memory of this bench process after ${questions.length} × ${ROUNDS} answers: ${rssMb.toFixed(0)} MB (heap in use after a collection ${liveHeapMb.toFixed(0)} MB; the rest is V8's reserve after thousands of back-to-back answers plus the test harness), of which the Ask index and vocabulary hold ${engineMb.toFixed(1)} MB`,
        `learner phrasings: ${phrasingCount}, adding ${metrics['phrasings.heap.mb'].toFixed(1)} MB to the index's heap (median of three warm builds with and without)`,
      ],
    };
  },
};

/**
 * Peak resident memory of a real `coach ask --jsonl` process answering every question once: the
 * product's own footprint, without this bench's harness. Sampled from /proc (Linux) while it runs.
 */
async function productPeakRss(questions: string[]): Promise<{ peakMb: number; answered: number }> {
  // With the Node flags `npm run coach` gives the process, so the figure is the product's.
  const child = spawn(process.execPath, [...productNodeFlags('coach'), '--import', 'tsx', 'src/cli.ts', 'ask', '--jsonl'], {
    stdio: ['pipe', 'pipe', 'ignore'],
    // The product's default store (SQLite), in a throwaway folder.
    env: { ...process.env, STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'coach-bench-')), 'store.sqlite')}`, LOG_LEVEL: 'silent' },
  });
  let peakKb = 0;
  const sample = () => {
    try {
      const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // the process has exited, or /proc is not available: keep the last sample
    }
  };
  const timer = setInterval(sample, 20);
  let answered = 0;
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    answered += lines.filter((line) => line.trim() !== '').length;
    // Sample at the last answer, before the process exits and /proc forgets it.
    if (answered >= questions.length) sample();
  });
  child.stdin.end(questions.map((question, i) => JSON.stringify({ id: `q${i}`, question })).join('\n') + '\n');
  await new Promise<void>((resolve) => child.once('close', () => resolve()));
  clearInterval(timer);
  return { peakMb: peakKb / 1024, answered };
}
