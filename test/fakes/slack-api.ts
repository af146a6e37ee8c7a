/**
 * A fake Slack for tests, on 127.0.0.1: the Web API methods the bot calls (recorded with their
 * token and arguments, answerable with errors or 429s), a response_url receiver, and helpers that
 * sign requests the way Slack does so the real Bolt app accepts them.
 *
 * Point the app at it with `SLACK_API_URL=fake.apiUrl`; give payloads `fake.responseUrl(tag)`.
 * Socket Mode works too: `apps.connections.open` hands out a WebSocket on the same port, which
 * says hello and lets a test push envelopes and read the app's acknowledgements.
 */
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call the bot made. `body` has JSON-valued arguments (blocks, view) parsed. */
export interface ApiCall {
  method: string;
  /** The bearer token sent, e.g. "xoxb-test". */
  token: string | undefined;
  body: Record<string, any>;
  at: number;
}

/** One POST to a response_url. */
export interface ResponseCall {
  tag: string;
  body: Record<string, any>;
  at: number;
}

/** How a method should fail: a Slack error (HTTP 200, ok:false), a rate limit, or an HTTP status. */
export type FailureSpec =
  | { error: string; times?: number }
  | { status: 429; retryAfter?: number; times?: number }
  | { status: number; times?: number };

/** The fake's handle. */
export interface FakeSlackApi {
  /** The Web API base URL with a trailing slash, for SLACK_API_URL. */
  apiUrl: string;
  /** A response_url; POSTs to it are recorded under `tag`. */
  responseUrl(tag: string): string;
  calls: ApiCall[];
  responses: ResponseCall[];
  callsTo(method: string): ApiCall[];
  /** Makes the next `times` (default: every) call to `method` fail; `'response_url'` fails response URLs. */
  fail(method: string, spec: FailureSpec): void;
  /** User ids that users.info reports as workspace admins. */
  admins: Set<string>;
  /** Slows every answer of `method` by `ms`. */
  delay(method: string, ms: number): void;
  /** The Socket Mode side: connected clients, envelopes to push, acknowledgements received. */
  socket: FakeSocketMode;
  /** Resolves when `predicate` holds, polling; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The Socket Mode connection a fake hands out. */
export interface FakeSocketMode {
  /** Number of open connections that have been sent `hello`. */
  connections(): number;
  /**
   * Pushes one envelope to every connection, as Slack does.
   * @param type 'events_api', 'slash_commands' or 'interactive'
   * @returns the envelope id
   */
  push(type: 'events_api' | 'slash_commands' | 'interactive', payload: object, options?: { retryAttempt?: number }): string;
  /** Acknowledgements received: `{ envelope_id, payload }`. */
  acks: Array<{ envelope_id: string; payload?: Record<string, any> }>;
}

/** The bot identity the fake reports from auth.test. */
export const FAKE_BOT = { teamId: 'T0CLASS', userId: 'U0BOT', botId: 'B0BOT' } as const;

/** Starts the fake on a free loopback port. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: ApiCall[] = [];
  const responses: ResponseCall[] = [];
  const failures = new Map<string, FailureSpec & { left: number }>();
  const delays = new Map<string, number>();
  const admins = new Set<string>();
  let seq = 0;

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { ok: false, error: 'fake_crashed' }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/response/')) {
      const tag = decodeURIComponent(url.pathname.slice('/response/'.length));
      responses.push({ tag, body: JSON.parse(raw || '{}'), at: Date.now() });
      const failure = takeFailure('response_url');
      if (failure) return send(res, 'status' in failure ? failure.status : 404, 'status' in failure ? 'failed' : failure.error);
      return send(res, 200, 'ok');
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    const body = parseArgs(raw, req.headers['content-type'] ?? '');
    calls.push({ method, token, body, at: Date.now() });
    const wait = delays.get(method);
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const failure = takeFailure(method);
    if (failure) {
      if ('error' in failure) return send(res, 200, { ok: false, error: failure.error });
      if (failure.status === 429) {
        const retryAfter = 'retryAfter' in failure ? (failure.retryAfter ?? 30) : 30;
        return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      }
      return send(res, failure.status, { ok: false, error: 'fake_http_error' });
    }
    seq += 1;
    const ts = `1767600000.${String(seq).padStart(6, '0')}`;
    switch (method) {
      case 'apps.connections.open':
        return send(res, 200, { ok: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket` });
      case 'auth.test':
        return send(res, 200, { ok: true, url: 'https://class.slack.test/', team: 'Class', user: 'coach', team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId });
      case 'chat.postMessage': {
        const channel = String(body.channel ?? '');
        // Posting to a user id opens the app's DM with them.
        const dm = channel.startsWith('U') || channel.startsWith('W') ? `D${channel.slice(1)}` : channel;
        return send(res, 200, { ok: true, channel: dm, ts, message: { ts, text: body.text, bot_id: FAKE_BOT.botId } });
      }
      case 'users.info': {
        const id = String(body.user ?? '');
        return send(res, 200, { ok: true, user: { id, team_id: FAKE_BOT.teamId, is_admin: admins.has(id), is_owner: false, is_primary_owner: false } });
      }
      case 'chat.postEphemeral':
        return send(res, 200, { ok: true, message_ts: ts });
      case 'views.open':
      case 'views.update':
        return send(res, 200, { ok: true, view: { id: `V${seq}`, ...(body.view ?? {}) } });
      default:
        return send(res, 200, { ok: true });
    }
  }

  function takeFailure(method: string): FailureSpec | undefined {
    const failure = failures.get(method);
    if (!failure) return undefined;
    failure.left -= 1;
    if (failure.left <= 0) failures.delete(method);
    return failure;
  }

  const sockets = new Set<WebSocket>();
  const acks: FakeSocketMode['acks'] = [];
  let envelopes = 0;
  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => acks.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A0COACH' } }));
  });
  const socket: FakeSocketMode = {
    connections: () => sockets.size,
    acks,
    push: (type, payload, options = {}) => {
      envelopes += 1;
      const envelopeId = `env-${envelopes}`;
      const message = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(options.retryAttempt !== undefined && { retry_attempt: options.retryAttempt, retry_reason: 'timeout' }),
      };
      for (const ws of sockets) ws.send(JSON.stringify(message));
      return envelopeId;
    },
  };

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (tag) => `${base}/response/${encodeURIComponent(tag)}`,
    calls,
    responses,
    callsTo: (method) => calls.filter((call) => call.method === method),
    fail: (method, spec) => failures.set(method, { ...spec, left: spec.times ?? Number.POSITIVE_INFINITY }),
    admins,
    delay: (method, ms) => delays.set(method, ms),
    socket,
    waitFor: async (predicate, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('fake Slack: condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The Web API client sends form-encoded arguments with objects as JSON strings. */
function parseArgs(raw: string, contentType: string): Record<string, any> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}');
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
  res.end(text);
}

// --- Signing: what Slack does to every request it sends to the app ---------------------------

/**
 * Slack's request signature headers for a raw body.
 * @param timestamp seconds since the epoch (default now); older than 5 minutes is rejected
 */
export function signSlackRequest(signingSecret: string, rawBody: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

/** The app's answer to a request Slack sent. */
export interface SlackDelivery {
  status: number;
  body: string;
  /** Milliseconds until the app answered (the acknowledgement). */
  ms: number;
}

/** Options for one signed delivery. */
export interface DeliveryOptions {
  /** Sign with this secret instead of the right one. */
  secret?: string;
  timestamp?: number;
  /** Slack's retry counter header. */
  retryNum?: number;
}

/** Sends signed requests to the app's `/slack/events` endpoint, as Slack would. */
export function slackSender(eventsUrl: string, signingSecret: string) {
  async function post(rawBody: string, contentType: string, options: DeliveryOptions = {}): Promise<SlackDelivery> {
    const headers = {
      'content-type': contentType,
      ...signSlackRequest(options.secret ?? signingSecret, rawBody, options.timestamp),
      ...(options.retryNum !== undefined && { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }),
    };
    const started = performance.now();
    const response = await fetch(eventsUrl, { method: 'POST', headers, body: rawBody });
    return { status: response.status, body: await response.text(), ms: performance.now() - started };
  }
  return {
    /** An Events API envelope (JSON). */
    event: (envelope: object, options?: DeliveryOptions) => post(JSON.stringify(envelope), 'application/json', options),
    /** A slash command (form-encoded fields). */
    command: (fields: Record<string, string>, options?: DeliveryOptions) =>
      post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options),
    /** An interaction (block_actions, view_submission, shortcut): form-encoded `payload=<json>`. */
    interaction: (payload: object, options?: DeliveryOptions) =>
      post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options),
    post,
  };
}
