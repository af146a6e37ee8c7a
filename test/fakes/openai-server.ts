/**
 * A fake OpenAI-compatible server on 127.0.0.1 that the REAL `openai` client talks to, so tests
 * exercise our timeouts, retries, parsing and privacy rules end to end without the internet.
 *
 * @example
 * const fake = await startFakeOpenAI();
 * const deps = await testDeps({}, fake.env());          // deps.llm now talks to the fake
 * fake.queueChat({ json: { answer: 'LASS is…', sources: [1] } });
 * … run the feature …
 * expect(fake.chatRequests()[0]?.body.max_tokens).toBeGreaterThan(0);
 * expect(fake.sentText()).not.toContain('07700 900123');   // nothing personal left the process
 * await fake.close();
 *
 * Endpoints: `POST /v1/chat/completions` (JSON, or SSE when the request has `stream: true`; for
 * `response_format.type === 'json_schema'` the JSON is returned as a string in `message.content`,
 * as OpenAI does) and `POST /v1/embeddings` (deterministic hashed bag-of-words vectors, so
 * semantic retrieval can be tested). Anything else answers 404.
 *
 * Scripting: each endpoint has a queue of {@link FakeResponse}s used first-in first-out; when the
 * chat queue is empty the handler set with `onChat` answers; with neither, the fake answers 500
 * with a message saying nothing was scripted (tests should say what they expect).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer. Fields combine: `{ delayMs: 200, json: {...} }` answers after 200 ms. */
export type FakeResponse = (
  /** A successful completion whose content is `JSON.stringify(json)` (structured output). */
  | { json: unknown }
  /** A successful completion with this exact content (use it for malformed JSON, plain text). */
  | { content: string }
  /** The model refuses (`message.refusal` set, content null). */
  | { refusal: string }
  /** An HTTP error. `retryAfter` (seconds) sets `retry-after`; `headers` adds any others. */
  | { status: number; message?: string; retryAfter?: number; headers?: Record<string, string> }
  /** Never answers (the connection stays open until the client gives up or the fake closes). */
  | { hang: true }
  /** Drops the connection without a response (a network error for the client). */
  | { drop: true }
  /** Embeddings: these exact vectors, one per input. */
  | { vectors: number[][] }
) & {
  /** Wait this long before answering. */
  delayMs?: number;
  /** `finish_reason` of the completion; 'length' makes structured parsing fail as truncated. */
  finishReason?: 'stop' | 'length' | 'content_filter';
};

/** Everything the fake received, for assertions about what left the process. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-case header names, as Node delivers them. */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (or the raw text when it was not JSON). */
  body: Record<string, any>;
}

/** Handles a chat request when the queue is empty. */
export type ChatHandler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

/** The running fake. */
export interface FakeOpenAI {
  /** e.g. `http://127.0.0.1:43123/v1` — pass as the client's base URL. */
  readonly baseUrl: string;
  /** Every request, oldest first. */
  readonly requests: RecordedRequest[];
  /** Environment for `testDeps({}, fake.env())`: key, base URL, model (and overrides). */
  env(overrides?: Record<string, string>): Record<string, string>;
  /** Appends scripted answers for `/v1/chat/completions`. */
  queueChat(...responses: FakeResponse[]): void;
  /** Appends scripted answers for `/v1/embeddings` (by default vectors are computed). */
  queueEmbeddings(...responses: FakeResponse[]): void;
  /** Answers chat requests when the chat queue is empty. */
  onChat(handler: ChatHandler | null): void;
  /** The chat-completion requests received. */
  chatRequests(): RecordedRequest[];
  /** The embeddings requests received. */
  embeddingRequests(): RecordedRequest[];
  /** All text that left the process (message contents and embedding inputs), for privacy checks. */
  sentText(): string;
  /** Clears the queues, the handler and the recorded requests. */
  reset(): void;
  /** Stops the server, ending any hanging connections. */
  close(): Promise<void>;
}

/** Dimensions of the fake embeddings. */
export const FAKE_EMBEDDING_DIMENSIONS = 256;

/**
 * The fake's embedding of a text: a hashed bag of lower-cased words, L2-normalised, so texts that
 * share words have a high cosine similarity. Exported so tests can compute expected vectors.
 */
export function fakeEmbedding(text: string, dimensions = FAKE_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    vector[fnv1a(word) % dimensions]! += 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Starts the fake on a random loopback port.
 * @example const fake = await startFakeOpenAI(); afterAll(() => fake.close());
 */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const chatQueue: FakeResponse[] = [];
  const embeddingQueue: FakeResponse[] = [];
  let chatHandler: ChatHandler | null = null;
  let counter = 0;

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake-openai: ${String(error)}` } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const request: RecordedRequest = { method: req.method ?? 'GET', path, headers: { ...req.headers }, body: parseJson(raw) };
    requests.push(request);
    if (request.method === 'POST' && path.endsWith('/chat/completions')) {
      const scripted = chatQueue.shift() ?? (chatHandler ? await chatHandler(request) : undefined);
      await answerChat(request, res, scripted);
      return;
    }
    if (request.method === 'POST' && path.endsWith('/embeddings')) {
      await answerEmbeddings(request, res, embeddingQueue.shift());
      return;
    }
    sendJson(res, 404, { error: { message: `fake-openai: no route for ${request.method} ${path}`, type: 'invalid_request_error' } });
  }

  async function answerChat(request: RecordedRequest, res: ServerResponse, scripted: FakeResponse | undefined): Promise<void> {
    if (!scripted) {
      sendJson(res, 500, { error: { message: 'fake-openai: no chat response scripted (use queueChat or onChat)', type: 'server_error' } });
      return;
    }
    if (!(await prelude(scripted, res))) return;
    const model = String(request.body.model ?? 'fake-model');
    const id = `chatcmpl-fake-${++counter}`;
    const refusal = 'refusal' in scripted ? scripted.refusal : null;
    const content = 'json' in scripted ? JSON.stringify(scripted.json) : 'content' in scripted ? scripted.content : null;
    const finishReason = scripted.finishReason ?? 'stop';
    const usage = { prompt_tokens: countTokens(request), completion_tokens: wordCount(content ?? refusal ?? ''), total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    if (request.body.stream === true) {
      streamChat(res, { id, model, content: content ?? '', finishReason, usage });
      return;
    }
    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal }, logprobs: null, finish_reason: finishReason }],
      usage,
    });
  }

  async function answerEmbeddings(request: RecordedRequest, res: ServerResponse, scripted: FakeResponse | undefined): Promise<void> {
    if (scripted && !(await prelude(scripted, res))) return;
    const input = request.body.input;
    const texts: string[] = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
    const vectors = scripted && 'vectors' in scripted ? scripted.vectors : texts.map((t) => fakeEmbedding(t));
    sendJson(res, 200, {
      object: 'list',
      model: String(request.body.model ?? 'fake-embedding'),
      data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
      usage: { prompt_tokens: texts.reduce((n, t) => n + wordCount(t), 0), total_tokens: texts.reduce((n, t) => n + wordCount(t), 0) },
    });
  }

  /** Applies delay, hang, drop and HTTP errors; returns false when the response is already dealt with. */
  async function prelude(scripted: FakeResponse, res: ServerResponse): Promise<boolean> {
    if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    if ('hang' in scripted) return false;
    if ('drop' in scripted) {
      res.socket?.destroy();
      return false;
    }
    if ('status' in scripted) {
      const headers: Record<string, string> = { ...scripted.headers };
      if (scripted.retryAfter !== undefined) headers['retry-after'] = String(scripted.retryAfter);
      const type = scripted.status === 429 ? 'rate_limit_exceeded' : scripted.status >= 500 ? 'server_error' : 'invalid_request_error';
      sendJson(res, scripted.status, { error: { message: scripted.message ?? `fake-openai: scripted ${scripted.status}`, type } }, headers);
      return false;
    }
    return true;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/v1`;

  const byPath = (suffix: string) => requests.filter((r) => r.path.endsWith(suffix));
  return {
    baseUrl,
    requests,
    env: (overrides = {}) => ({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: baseUrl, OPENAI_MODEL: 'fake-model', ...overrides }),
    queueChat: (...responses) => void chatQueue.push(...responses),
    queueEmbeddings: (...responses) => void embeddingQueue.push(...responses),
    onChat: (handler) => {
      chatHandler = handler;
    },
    chatRequests: () => byPath('/chat/completions'),
    embeddingRequests: () => byPath('/embeddings'),
    sentText: () =>
      requests
        .flatMap((r) => [
          ...(Array.isArray(r.body.messages) ? r.body.messages.map((m: { content?: unknown }) => messageText(m.content)) : []),
          ...(r.body.input === undefined ? [] : [JSON.stringify(r.body.input)]),
        ])
        .join('\n'),
    reset: () => {
      chatQueue.length = 0;
      embeddingQueue.length = 0;
      chatHandler = null;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** SSE as OpenAI sends it: a role chunk, content in word-sized pieces, a finish chunk, `[DONE]`. */
function streamChat(
  res: ServerResponse,
  chat: { id: string; model: string; content: string; finishReason: string; usage: Record<string, number> },
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({
      id: chat.id,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: chat.model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    })}\n\n`;
  res.write(chunk({ role: 'assistant', content: '' }, null));
  for (const piece of chat.content.match(/\S+\s*|\s+/g) ?? []) res.write(chunk({ content: piece }, null));
  res.write(chunk({}, chat.finishReason));
  res.write('data: [DONE]\n\n');
  res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): Record<string, any> {
  if (raw === '') return {};
  try {
    return JSON.parse(raw) as Record<string, any>;
  } catch {
    return { raw };
  }
}

function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : '')).join('\n');
  return '';
}

const wordCount = (value: string) => (value.match(/\S+/g) ?? []).length;

function countTokens(request: RecordedRequest): number {
  const messages: Array<{ content?: unknown }> = Array.isArray(request.body.messages) ? request.body.messages : [];
  return messages.reduce((n, m) => n + wordCount(messageText(m.content)), 0);
}
