/**
 * Health and metrics over HTTP, for a load balancer, an orchestrator or Prometheus:
 * - `GET /healthz`: the process is up (always 200 while it can answer at all);
 * - `GET /readyz`: 200 when the store answers, 503 when it does not; the LLM circuit state is
 *   reported but never makes the instance unready (every feature has an offline path);
 * - `GET /metrics`: Prometheus text from `deps.metrics.registry`.
 * The routes use node:http types only, so Slack's HTTP receiver can serve them next to
 * `/slack/events` (Bolt's `customRoutes`) and {@link startHealthServer} can serve them alone.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Deps } from './deps.js';

/** One route, in the shape Bolt's `customRoutes` takes. */
export interface HealthRoute {
  path: '/healthz' | '/readyz' | '/metrics';
  method: 'GET';
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** What `/readyz` answers. */
export interface Readiness {
  status: 'ready' | 'unavailable';
  store: 'ok' | 'unavailable';
  storeKind: string;
  llm: 'off' | 'closed' | 'open' | 'half-open';
}

/** Checks the store (bounded by the store guard's timeout) and reads the LLM circuit. */
export async function checkReadiness(deps: Pick<Deps, 'stores' | 'llm'>): Promise<Readiness> {
  const store = await deps.stores.ping().then(
    () => 'ok' as const,
    () => 'unavailable' as const,
  );
  return { status: store === 'ok' ? 'ready' : 'unavailable', store, storeKind: deps.stores.kind, llm: deps.llm ? deps.llm.circuit : 'off' };
}

/**
 * @example startSlack(deps, { customRoutes: healthRoutes(deps) })
 */
export function healthRoutes(deps: Pick<Deps, 'stores' | 'llm' | 'metrics' | 'logger'>): HealthRoute[] {
  const started = Date.now();
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const failed = (res: ServerResponse, error: unknown) => {
    deps.logger.warn({ err: error }, 'health endpoint failed');
    if (!res.headersSent) json(res, 500, { status: 'error' });
    else res.end();
  };
  return [
    { path: '/healthz', method: 'GET', handler: (_req, res) => json(res, 200, { status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) }) },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        checkReadiness(deps).then((ready) => json(res, ready.status === 'ready' ? 200 : 503, ready), (error: unknown) => failed(res, error));
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        deps.metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
            res.end(text);
          },
          (error: unknown) => failed(res, error),
        );
      },
    },
  ];
}

/** A running health server. */
export interface HealthServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the routes on their own small HTTP server: used when Slack is not in HTTP mode
 * (Discord only, or Slack Socket Mode). Anything else is 404; only GET and HEAD are allowed.
 * @example const health = await startHealthServer(healthRoutes(deps), config.port);
 */
export async function startHealthServer(routes: readonly HealthRoute[], port: number, host?: string): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const route = routes.find((r) => r.path === path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    route.handler(req, res);
  });
  // A probe that hangs up mid-request must not keep a socket (or the shutdown) waiting.
  server.keepAliveTimeout = 5000;
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
