// A small static file server for the built site (no dependencies beyond node): used by the
// README's serve command (`scripts/serve.sh`), the end-to-end tests and the benchmarks.
// It serves DIR at `/` and also under `subpath` (as GitHub Pages serves a project site).
//
//   node scripts/static_server.mjs DIR [PORT]      (listens on 127.0.0.1 only)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/**
 * Starts the server on 127.0.0.1 (`port` 0: any free port) and resolves to
 * `{ server, base, close }`. Files are read on every request, so a rebuilt `dir` is served
 * at once; `no-cache` makes the browser ask again (the service worker handles offline).
 */
export async function serveDir(dir, { port = 0, subpath = '/journey-studio/' } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (subpath && path.startsWith(subpath)) path = '/' + path.slice(subpath.length);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok); });
  const base = `http://127.0.0.1:${server.address().port}/`;
  return { server, base, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { base } = await serveDir(dir, { port: Number(port) });
  console.log(`Journey Studio: open ${base} (Ctrl+C stops)`);
}
