// A local HTTPS server that stands in for the real sites (mail.google.com, zoom.us…) during
// end-to-end tests, benches and the demo. Browsers are told to resolve those names to 127.0.0.1, so the extension
// sees the real hostnames while nothing leaves the machine. The certificate is made at test
// time with openssl; browsers are told to accept it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SeenRequest {
  host: string;
  path: string;
  method: string;
  userAgent: string;
  origin: string | undefined;
  /** Every header as received (names in lower case). */
  headers: IncomingMessage['headers'];
}

export interface FakeWeb {
  port: number;
  /** Every request the server received, in order. */
  requests: SeenRequest[];
  /** Answers a path with a handler of your own instead of the default page (for refresh tests). */
  route(path: string, handler: (request: IncomingMessage, response: ServerResponse) => void): void;
  close(): Promise<void>;
}

export function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'matou-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=matou-test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch (error) {
    throw new Error(
      `Could not make a test certificate with openssl (apt-get install openssl): ${String(error)}`,
      { cause: error },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page every mapped URL gets: its host and path as title, and a button that navigates in-page. */
function pageFor(host: string, path: string): string {
  const title = escapeText(`${host}${path}`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p>Stand-in page served by Matou's end-to-end tests.</p></body></html>`;
}

export async function startFakeWeb(options: { port?: number } = {}): Promise<FakeWeb> {
  const { key, cert } = makeCertificate();
  const requests: SeenRequest[] = [];
  const routes = new Map<string, Parameters<FakeWeb['route']>[1]>();
  const server: Server = createServer({ key, cert }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const path = request.url ?? '/';
    requests.push({
      host,
      path,
      method: request.method ?? 'GET',
      userAgent: request.headers['user-agent'] ?? '',
      origin: request.headers.origin,
      headers: request.headers,
    });
    const handler = routes.get(path.split('?')[0] ?? path);
    if (handler) {
      handler(request, response);
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(pageFor(host, path));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Tunnel {
  port: number;
  /** Every host:port a browser asked to reach through the proxy, allowed or not, in order. */
  connects: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that sends the browser's HTTPS connections for the allowed hosts (all with
 * `catchAll`) to the fake web, and refuses the rest, recording every attempt. Firefox has no
 * host-to-port mapping: with this proxy the fake web needs no port 443 (no root), and any
 * request the browser makes, wherever it was going, is seen.
 */
export async function startTunnel(web: FakeWeb, allowed: (host: string) => boolean): Promise<Tunnel> {
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const server = createHttpServer((request, response) => {
    // Plain http:// through the proxy: recorded, never served.
    connects.push(request.headers.host ?? request.url ?? '');
    response.writeHead(502).end();
  });
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? '';
    connects.push(target);
    const host = target.replace(/:\d+$/, '');
    if (!allowed(host)) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(web.port, '127.0.0.1', () => {
      sockets.add(upstream).add(client);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    connects,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
