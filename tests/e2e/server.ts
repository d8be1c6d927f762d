/**
 * A tiny static server for the demo and test pages, on 127.0.0.1 only. Per-file response headers
 * (e.g. a strict Content-Security-Policy) come from `_headers.json` beside the pages. Extra
 * in-memory pages (the benchmark's generated forum) can be passed as `pages`.
 *
 * Run alone: `npx tsx tests/e2e/server.ts` (PORT env, default 4173).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEMO_PAGES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../demo-pages');
export const DEFAULT_PORT = 4173;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface ServerOptions {
  root?: string;
  port?: number;
  /** path ("/bench/forum.html") → body, served as HTML. */
  pages?: Record<string, string>;
}

export function startServer({ root = DEMO_PAGES_DIR, port = DEFAULT_PORT, pages = {} }: ServerOptions = {}): Promise<{ server: Server; url: string }> {
  const headersFile = join(root, '_headers.json');
  const extraHeaders: Record<string, Record<string, string>> = existsSync(headersFile) ? JSON.parse(readFileSync(headersFile, 'utf8')) : {};
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      return void res.end(pages[path]);
    }
    const rel = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '');
    const file = join(root, rel);
    if (!file.startsWith(root) || !existsSync(file) || rel.startsWith('_')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(extraHeaders[rel] ?? {}),
    });
    res.end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://127.0.0.1:${p}` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  startServer({ port }).then(({ url }) => console.log(`PeptideLens demo pages on ${url}/`));
}
