/**
 * A fake Discord for tests: the REST routes the bot uses and a JSON gateway, on 127.0.0.1.
 *
 * The real discord.js client logs in against it (`rest: { api: fake.apiUrl }`): GET
 * /gateway/bot gives the ws URL; the gateway sends HELLO, answers heartbeats, and on IDENTIFY
 * sends READY and a GUILD_CREATE per guild. Tests then dispatch INTERACTION_CREATE payloads
 * (commands, buttons, modal submits) and read the recorded REST calls (interaction callbacks,
 * webhook edits and follow-ups, channel messages, command registration). Any route can be told
 * to fail (500, 429 with retry-after, 404 Unknown interaction).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One REST call the bot made. `path` has the `/api/v10` prefix removed and is URL-decoded. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  at: number;
}

/** A canned failure for matching requests, used `times` times. */
export interface FailureSpec {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
}

export const FAKE_APP_ID = '900000000000000001';
export const FAKE_BOT_ID = '900000000000000002';
export const FAKE_GUILD_ID = '800000000000000001';
export const FAKE_CHANNEL_ID = '700000000000000001';
/** Manage Server (Manage Guild) permission bit, as a string the way Discord sends it. */
export const MANAGE_GUILD = String(1 << 5);

/** Who is interacting and where; every field has a sensible default. */
export interface InteractionOrigin {
  userId?: string;
  guildId?: string | null;
  channelId?: string;
  /** Permission bit string of the member (`MANAGE_GUILD` for a server manager). */
  permissions?: string;
}

let counter = 0;
/** A unique, increasing snowflake-shaped id. */
export const snowflake = (): string => String(1_100_000_000_000_000_000n + BigInt(++counter));

/** Starts the fake on a free loopback port. */
export async function startFakeDiscord(): Promise<FakeDiscord> {
  const fake = new FakeDiscord();
  await fake.listen();
  return fake;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY frames received (one per fresh gateway session). */
  identifies = 0;
  /** RESUME frames received (a client reconnecting after a drop). */
  resumes = 0;
  private readonly http: Server;
  private readonly gateway: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly failures: Array<{ method: string; pattern: RegExp; spec: FailureSpec }> = [];
  private readonly waiters: Array<{ test: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  private readonly dispatched = new Map<string, unknown>();
  private sequence = 0;
  private port = 0;

  constructor(readonly guilds: string[] = [FAKE_GUILD_ID]) {
    this.http = createServer((req, res) => void this.handle(req, res));
    this.gateway = new WebSocketServer({ server: this.http, path: '/gateway' });
    this.gateway.on('connection', (socket) => this.onConnection(socket));
  }

  /** The REST base to give discord.js (`rest.api`); it appends `/v10`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async listen(): Promise<void> {
    this.http.listen(0, '127.0.0.1');
    await once(this.http, 'listening');
    this.port = (this.http.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.gateway.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** Cuts every gateway connection abruptly, as a network drop would. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** Makes the next `times` (default 1) requests matching method and path fail with `spec`. */
  fail(method: string, pattern: RegExp, spec: FailureSpec): void {
    this.failures.push({ method, pattern, spec: { times: 1, ...spec } });
  }

  /** Forgets every canned failure not used yet. */
  clearFailures(): void {
    this.failures.length = 0;
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(test: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching Discord request within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  /** Requests for one interaction token (callbacks and webhook calls), in order. */
  forToken(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`));
  }

  /** The payload of the most recent dispatch of an event type (to replay it). */
  lastDispatch(t: string): unknown {
    return this.dispatched.get(t);
  }

  /** Sends a gateway dispatch to every connected client. */
  dispatch(t: string, d: unknown): void {
    this.dispatched.set(t, d);
    const frame = JSON.stringify({ op: 0, t, s: ++this.sequence, d });
    for (const socket of this.sockets) socket.send(frame);
  }

  /** Dispatches a slash command; returns the interaction token to look up its responses. */
  command(name: string, options: Array<{ name: string; type: number; value: unknown }> = [], origin: InteractionOrigin = {}): string {
    return this.interact(2, { id: snowflake(), name, type: 1, options }, origin);
  }

  /** Dispatches a button click on a message the bot sent. */
  button(customId: string, origin: InteractionOrigin = {}, messageId = snowflake()): string {
    const message = this.message(origin.channelId ?? FAKE_CHANNEL_ID, { id: messageId, components: [] });
    return this.interact(3, { custom_id: customId, component_type: 2 }, origin, { message });
  }

  /** Dispatches a modal submit with text inputs (inside labels, as current clients send them). */
  modalSubmit(customId: string, fields: Record<string, string>, origin: InteractionOrigin = {}): string {
    const components = Object.entries(fields).map(([id, value], index) => ({
      type: 18,
      id: index + 1,
      component: { type: 4, id: index + 10, custom_id: id, value },
    }));
    return this.interact(5, { custom_id: customId, components }, origin);
  }

  private interact(type: number, data: unknown, origin: InteractionOrigin, extra: Record<string, unknown> = {}): string {
    const token = `token-${snowflake()}`;
    const userId = origin.userId ?? '600000000000000001';
    const guildId = origin.guildId === undefined ? FAKE_GUILD_ID : origin.guildId;
    const channelId = origin.channelId ?? FAKE_CHANNEL_ID;
    const user = { id: userId, username: `learner${userId.slice(-3)}`, discriminator: '0', global_name: null, avatar: null };
    const where = guildId
      ? {
          guild_id: guildId,
          channel: { id: channelId, type: 0, guild_id: guildId, name: 'general', position: 0, permission_overwrites: [] },
          member: {
            user,
            roles: [],
            permissions: origin.permissions ?? '0',
            joined_at: '2025-09-01T00:00:00.000Z',
            deaf: false,
            mute: false,
            flags: 0,
          },
          guild_locale: 'en-GB',
          authorizing_integration_owners: { '0': guildId },
          context: 0,
        }
      : { channel: { id: channelId, type: 1, recipients: [user] }, user, authorizing_integration_owners: { '0': guildId ?? userId }, context: 1 };
    this.dispatch('INTERACTION_CREATE', {
      id: snowflake(),
      application_id: FAKE_APP_ID,
      type,
      data,
      token,
      version: 1,
      channel_id: channelId,
      locale: 'en-GB',
      app_permissions: '2248473465835073',
      entitlements: [],
      ...where,
      ...extra,
    });
    return token;
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) this.onIdentify(socket);
      if (frame.op === 6) {
        this.resumes += 1;
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.sequence, d: {} }));
      }
    });
  }

  private onIdentify(socket: WebSocket): void {
    this.identifies += 1;
    const send = (t: string, d: unknown) => socket.send(JSON.stringify({ op: 0, t, s: ++this.sequence, d }));
    send('READY', {
      v: 10,
      user: { id: FAKE_BOT_ID, username: 'Service Coach', discriminator: '0', global_name: null, avatar: null, bot: true },
      guilds: this.guilds.map((id) => ({ id, unavailable: true })),
      session_id: `session-${this.identifies}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      shard: [0, 1],
      application: { id: FAKE_APP_ID, flags: 0 },
    });
    for (const id of this.guilds) send('GUILD_CREATE', this.guild(id));
  }

  private guild(id: string) {
    return {
      id,
      name: 'Customer Service Class',
      icon: null,
      owner_id: '600000000000000009',
      roles: [{ id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: [{ id: FAKE_CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [] }],
      members: [],
      member_count: 30,
      emojis: [],
      stickers: [],
      features: [],
      threads: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      joined_at: '2025-09-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      preferred_locale: 'en-GB',
    };
  }

  private message(channelId: string, body: Record<string, unknown>) {
    return {
      id: snowflake(),
      channel_id: channelId,
      type: 0,
      content: '',
      author: { id: FAKE_BOT_ID, username: 'Service Coach', discriminator: '0', global_name: null, avatar: null, bot: true },
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      ...body,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const recorded: RecordedRequest = { method, path, query: url.searchParams, body: await readBody(req), at: Date.now() };
    this.requests.push(recorded);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(recorded)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
    }
    const failure = this.failures.find((f) => f.method === method && f.pattern.test(path) && (f.spec.times ?? 1) > 0);
    if (failure) {
      failure.spec.times = (failure.spec.times ?? 1) - 1;
      return send(res, failure.spec.status, failure.spec.body ?? { message: 'fake failure', code: 0 }, failure.spec.headers);
    }
    this.route(method, path, recorded.body, res);
  }

  private route(method: string, path: string, body: any, res: ServerResponse): void {
    if (method === 'GET' && path === '/gateway/bot') {
      return send(res, 200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return send(res, 204);
    let match = /^\/webhooks\/\d+\/[^/]+\/messages\/([^/]+)$/.exec(path);
    if (match && method === 'PATCH') return send(res, 200, this.message(FAKE_CHANNEL_ID, { ...body, id: match[1] === '@original' ? snowflake() : match[1] }));
    if (match && method === 'DELETE') return send(res, 204);
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return send(res, 200, this.message(FAKE_CHANNEL_ID, body ?? {}));
    match = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path);
    if (match && (method === 'POST' || method === 'PATCH')) {
      return send(res, 200, this.message(match[1]!, { ...body, ...(match[2] && { id: match[2] }) }));
    }
    if (method === 'PUT' && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = (body as Array<Record<string, unknown>>).map((c) => ({ id: snowflake(), application_id: FAKE_APP_ID, version: '1', ...c }));
      return send(res, 200, commands);
    }
    send(res, 404, { message: '404: Not Found', code: 0 });
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw === '') return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // discord.js switches to multipart when files are attached; the JSON travels as payload_json.
    const json = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw)?.[1];
    return json ? JSON.parse(json) : raw;
  }
  return type.includes('json') ? JSON.parse(raw) : raw;
}
