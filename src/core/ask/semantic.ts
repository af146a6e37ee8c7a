/**
 * Optional semantic retrieval: when an embeddings model is configured, every record is embedded
 * once (cached in the `embeddings` store namespace, keyed by knowledge-base version and model)
 * and the question's embedding re-ranks the lexical hits by reciprocal-rank fusion. Grounding is
 * still decided lexically, so the offline targets hold with or without it. Any failure means the
 * lexical ranking is used as it is; the first questions after start-up use it while vectors load.
 */
import type { Deps } from '../deps.js';
import { isLlmError } from '../llm/llm-error.js';
import type { Llm } from '../llm/types.js';
import { redactPersonalData } from '../privacy/redact.js';
import { leadLine } from './compose.js';
import type { AskEngine, Retrieval, ScoredRecord } from './engine.js';

/** The usual reciprocal-rank-fusion constant. */
const RRF_K = 60;
/** Semantic candidates considered per question. */
const SEMANTIC_TOP = 8;
/** Characters of a record sent for embedding. */
const RECORD_CHARS = 2000;
/** After a failed load, wait this long before trying again. */
const RETRY_AFTER_MS = 10 * 60_000;

interface Vectors {
  ids: string[];
  vectors: Float32Array[];
}

interface State {
  vectors: Vectors | null;
  loading: Promise<void> | null;
  failedAt: number | null;
}

const states = new WeakMap<Llm, Map<string, State>>();

type SemanticDeps = Pick<Deps, 'llm' | 'stores' | 'logger' | 'clock'> & { ask: AskEngine };

/** The cache key of a knowledge-base version's record vectors for one model. */
export const embeddingsKey = (version: string, model: string) => `ask:${version}:${model}`;

/**
 * Re-ranks the lexical hits with embeddings, or returns them unchanged when embeddings are not
 * configured, not loaded yet, or fail.
 */
export async function semanticRerank(question: string, retrieval: Retrieval, deps: SemanticDeps): Promise<Retrieval> {
  const llm = deps.llm;
  if (!llm || !llm.embeddingModel || retrieval.hits.length === 0) return retrieval;
  const state = stateOf(llm, deps.ask.knowledge.version + llm.embeddingModel);
  if (!state.vectors) {
    ensureLoading(state, llm, deps);
    return retrieval;
  }
  try {
    const [vector] = await llm.embed([redactPersonalData(question).text], { label: 'ask' });
    if (!vector) return retrieval;
    return fuse(retrieval, rankBySimilarity(Float32Array.from(vector), state.vectors));
  } catch (error) {
    if (!isLlmError(error)) throw error;
    return retrieval;
  }
}

/** Loads (or computes and caches) the record vectors; resolves when done or failed. */
export function loadRecordVectors(llm: Llm, deps: SemanticDeps): Promise<void> {
  const state = stateOf(llm, deps.ask.knowledge.version + (llm.embeddingModel ?? ''));
  ensureLoading(state, llm, deps);
  return state.loading ?? Promise.resolve();
}

function stateOf(llm: Llm, key: string): State {
  let byKey = states.get(llm);
  if (!byKey) states.set(llm, (byKey = new Map()));
  let state = byKey.get(key);
  if (!state) byKey.set(key, (state = { vectors: null, loading: null, failedAt: null }));
  return state;
}

function ensureLoading(state: State, llm: Llm, deps: SemanticDeps): void {
  if (state.vectors || state.loading) return;
  if (state.failedAt !== null && deps.clock.now() - state.failedAt < RETRY_AFTER_MS) return;
  state.loading = load(llm, deps)
    .then((vectors) => {
      state.vectors = vectors;
    })
    .catch((error: unknown) => {
      state.failedAt = deps.clock.now();
      deps.logger.warn({ err: error, feature: 'ask' }, 'record embeddings unavailable; using lexical retrieval');
    })
    .finally(() => {
      state.loading = null;
    });
}

async function load(llm: Llm, deps: SemanticDeps): Promise<Vectors> {
  const { knowledge } = deps.ask;
  const store = deps.stores.ns<{ ids: string[]; vectors: string[] }>('embeddings');
  const key = embeddingsKey(knowledge.version, llm.embeddingModel!);
  const cached = await store.get(key).catch(() => undefined);
  if (cached && cached.ids.length === knowledge.records.length) {
    return { ids: cached.ids, vectors: cached.vectors.map(decode) };
  }
  const ids = knowledge.records.map((record) => record.id);
  const texts = knowledge.records.map((record) => `${leadLine(record)}\n${record.text}`.slice(0, RECORD_CHARS));
  const vectors = (await llm.embed(texts, { label: 'ask-records' })).map((v) => Float32Array.from(v));
  if (vectors.length !== ids.length) throw new Error(`expected ${ids.length} embeddings, got ${vectors.length}`);
  await store.set(key, { ids, vectors: vectors.map(encode) }).catch((error: unknown) => deps.logger.warn({ err: error, feature: 'ask' }, 'record embeddings not cached'));
  return { ids, vectors };
}

function rankBySimilarity(query: Float32Array, vectors: Vectors): string[] {
  return vectors.vectors
    .map((vector, i) => ({ id: vectors.ids[i]!, similarity: cosine(query, vector) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, SEMANTIC_TOP)
    .map((entry) => entry.id);
}

/** Reciprocal-rank fusion of the lexical hits and the semantic ranking; an explicit reference stays first. */
export function fuse(retrieval: Retrieval, semantic: string[]): Retrieval {
  const fused = new Map<string, { hit: ScoredRecord; rrf: number }>();
  retrieval.hits.forEach((hit, rank) => fused.set(hit.id, { hit, rrf: 1 / (RRF_K + rank + 1) }));
  semantic.forEach((id, rank) => {
    const entry = fused.get(id) ?? { hit: { id, score: 0, coverage: 0, phrasing: 0 }, rrf: 0 };
    entry.rrf += 1 / (RRF_K + rank + 1);
    fused.set(id, entry);
  });
  const ordered = [...fused.values()].sort((a, b) => b.rrf - a.rrf).map((entry) => entry.hit);
  if (retrieval.explicit) {
    const first = retrieval.hits[0]!;
    return { ...retrieval, hits: [first, ...ordered.filter((hit) => hit.id !== first.id)] };
  }
  return { ...retrieval, hits: ordered };
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length && i < b.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

const encode = (vector: Float32Array) => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
const decode = (value: string) => {
  const bytes = Buffer.from(value, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};
