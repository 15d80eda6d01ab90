// A small static server for www/ on 127.0.0.1 (node:http, no dependency):
// used by scripts/serve and, inside the test process, by the browser tests.
//   node scripts/lib/server.mjs [--port N] [--root DIR] [--route /PATH=FILE]...
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

// Scripts get the pages' policy too: a module worker takes its CSP from
// its own response, not from the page. Pages carry theirs in a <meta>.
const SCRIPT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'none'";

/**
 * Serves `root`; `routes` maps a URL path to a file (e.g. "/" → the
 * single-file page). Resolves to { url, close, requests } where
 * `requests` lists every path asked for.
 */
export function startServer({ root, port = 0, host = "127.0.0.1", routes = {} } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let file = routes[path];
    if (!file) {
      const candidate = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
      if (candidate !== base && !candidate.startsWith(base + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      file = candidate;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const headers = {
        "Content-Type": type,
        "Content-Length": body.length,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      };
      if (type.startsWith("text/javascript")) headers["Content-Security-Policy"] = SCRIPT_CSP;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://${host}:${actual}/`,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let port = 8080;
  let root = "www";
  const routes = {};
  for (let i = 0; i < args.length; i++) {
    const [name, value] = [args[i], args[i + 1]];
    if (name === "--port") port = Number(value);
    else if (name === "--root") root = value;
    else if (name === "--route") {
      const [path, file] = value.split("=");
      routes[path] = resolve(file);
    } else {
      console.error(`unknown argument ${name}`);
      process.exit(2);
    }
    i++;
  }
  const { url } = await startServer({ root, port, routes });
  console.log(url);
}
