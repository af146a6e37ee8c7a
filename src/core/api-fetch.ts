/**
 * The `fetch` our API clients use (the `openai` package and Slack's Web API client): requests go
 * through undici's `request()` on a shared keep-alive pool instead of Node's WHATWG `fetch`.
 *
 * Why: both clients make one request per answer, and Node's `fetch` spends most of its time on
 * WHATWG machinery (Request and Headers objects, web streams, abort plumbing). Measured on the
 * development machine: an OpenAI structured-output call 490 -> 190-210 us of CPU, a Slack
 * chat.postMessage 290-310 -> 145 us, a sizeable share of an answer's CPU under load
 * (docs/OPERATIONS.md).
 *
 * It behaves as `fetch` does for what these clients send and read: string, byte and
 * URLSearchParams bodies; status, status text, headers and `url` on the response; JSON read in
 * full and server-sent events streamed; an aborted signal rejects with the signal's reason; a
 * network failure rejects with `TypeError('fetch failed')` and the cause. Anything else (a
 * `Request` object, FormData or stream bodies such as file uploads) goes to Node's own `fetch`.
 * Redirects are not followed and responses are not decompressed (no `accept-encoding` is sent);
 * the OpenAI and Slack APIs need neither.
 */
import { STATUS_CODES } from 'node:http';
import { Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';

/** Statuses whose responses have no body, as fetch defines them. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

let pool: Agent | undefined;
/** One keep-alive pool per process, created on first use. */
function dispatcher(): Agent {
  pool ??= new Agent({ keepAliveTimeout: 10_000 });
  return pool;
}

/**
 * A drop-in `fetch` for API clients.
 * @example new OpenAI({ apiKey, fetch: apiFetch }); new WebClient(token, { fetch: apiFetch });
 */
export async function apiFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const body = requestBody(init.body);
  if (typeof input !== 'string' && !(input instanceof URL)) return fetch(input, init);
  if (body === undefined) return fetch(input, init);
  const url = typeof input === 'string' ? input : input.href;
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = headerRecord(init.headers);
  if (body.contentType && !('content-type' in headers)) headers['content-type'] = body.contentType;
  const signal = init.signal ?? undefined;
  let answer: Dispatcher.ResponseData;
  try {
    signal?.throwIfAborted();
    answer = await request(url, { method: method as Dispatcher.HttpMethod, headers, body: body.data, signal, dispatcher: dispatcher() });
  } catch (error) {
    throw fetchError(error, signal);
  }
  const status = answer.statusCode;
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (Array.isArray(value)) for (const item of value) responseHeaders.append(name, item);
    else if (value !== undefined) responseHeaders.append(name, value);
  }
  let content: ConstructorParameters<typeof Response>[0];
  if (NULL_BODY_STATUSES.has(status) || method === 'HEAD') {
    answer.body.resume();
    content = null;
  } else if (responseHeaders.get('content-type')?.includes('text/event-stream')) {
    // Streamed completions are read as they arrive, as fetch would.
    content = Readable.toWeb(answer.body) as ReadableStream<Uint8Array>;
  } else {
    try {
      content = await answer.body.arrayBuffer();
    } catch (error) {
      throw fetchError(error, signal);
    }
  }
  const response = new Response(content, { status, statusText: STATUS_CODES[status] ?? '', headers: responseHeaders });
  // Clients read response.url in their logs and errors; a constructed Response has none.
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

/** The body as undici takes it, with fetch's default content type; undefined when fetch must handle it. */
function requestBody(body: RequestInit['body']): { data: string | Uint8Array | null; contentType?: string } | undefined {
  if (body === undefined || body === null) return { data: null };
  if (typeof body === 'string') return { data: body, contentType: 'text/plain;charset=UTF-8' };
  if (body instanceof URLSearchParams) return { data: body.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof Uint8Array) return { data: body };
  if (body instanceof ArrayBuffer) return { data: new Uint8Array(body) };
  return undefined;
}

/** Headers of any form fetch accepts, as a record with lower-case names. */
function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  const entries = headers instanceof Headers || Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries as Iterable<[string, string]>) {
    if (value === undefined || value === null) continue;
    const key = name.toLowerCase();
    record[key] = key in record ? `${record[key]}, ${value}` : String(value);
  }
  return record;
}

/** What fetch would reject with: the abort reason, or a TypeError carrying the network error. */
function fetchError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
  return new TypeError('fetch failed', { cause: error });
}
