import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFetch } from '../../src/core/api-fetch.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];

/** Routes: /json echoes, /limited is a 429, /empty a 204, /events streams, /hang never answers. */
function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
  if (req.url === '/json') {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_1', 'set-cookie': ['a=1', 'b=2'] });
    res.end(JSON.stringify({ ok: true, got: body }));
  } else if (req.url === '/limited') {
    res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
    res.end('{"error":"ratelimited"}');
  } else if (req.url === '/empty') {
    res.writeHead(204);
    res.end();
  } else if (req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: first\n\n');
    setTimeout(() => res.end('data: [DONE]\n\n'), 300);
  }
  // '/hang': no answer at all.
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('apiFetch', () => {
  it('sends a JSON POST with its headers and reads status, headers, url and body as fetch does', async () => {
    const headers = new Headers({ Authorization: 'Bearer k', 'Content-Type': 'application/json', 'X-Stainless-Retry-Count': '0' });
    const response = await apiFetch(`${base}/json`, { method: 'POST', headers, body: JSON.stringify({ q: 'hi' }) });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.statusText).toBe('OK');
    expect(response.url).toBe(`${base}/json`);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await response.json()).toEqual({ ok: true, got: '{"q":"hi"}' });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', body: '{"q":"hi"}' });
    expect(request.headers).toMatchObject({ authorization: 'Bearer k', 'content-type': 'application/json', 'x-stainless-retry-count': '0' });
  });

  it('sends form bodies (Slack Web API) with fetch default content types when none is given', async () => {
    await apiFetch(`${base}/json`, { method: 'POST', body: new URLSearchParams({ channel: 'C1', text: 'a & b' }) });
    expect(seen.at(-1)).toMatchObject({ body: 'channel=C1&text=a+%26+b', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' } });
    await apiFetch(`${base}/json`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'channel=C2' });
    expect(seen.at(-1)).toMatchObject({ body: 'channel=C2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  });

  it('returns error statuses as responses (429 with retry-after) and 204 with no body', async () => {
    const limited = await apiFetch(`${base}/limited`, { method: 'POST', body: '{}' });
    expect([limited.status, limited.statusText, limited.headers.get('retry-after')]).toEqual([429, 'Too Many Requests', '7']);
    expect(await limited.text()).toBe('{"error":"ratelimited"}');
    const empty = await apiFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('streams server-sent events as they arrive', async () => {
    const started = performance.now();
    const response = await apiFetch(`${base}/events`, { method: 'POST', body: '{}' });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: first\n\n');
    expect(performance.now() - started).toBeLessThan(250);
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('data: [DONE]\n\n');
  });

  it('rejects with the abort reason when the signal fires, before or during the request', async () => {
    await expect(apiFetch(`${base}/hang`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' });
    const controller = new AbortController();
    controller.abort();
    await expect(apiFetch(`${base}/json`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a network failure with TypeError("fetch failed") and the cause, as fetch does', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await apiFetch(`http://127.0.0.1:${port}/json`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  it('hands what it does not handle (FormData uploads, Request objects) to Node fetch', async () => {
    const form = new FormData();
    form.append('file', new Blob(['bytes']), 'notes.txt');
    const response = await apiFetch(`${base}/json`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(seen.at(-1)!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const viaRequest = await apiFetch(new Request(`${base}/json`, { method: 'POST', body: 'x' }));
    expect(await viaRequest.json()).toEqual({ ok: true, got: 'x' });
  });
});
