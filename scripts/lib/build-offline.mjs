// Writes the single-file builds from www/ (after scripts/build-wasm):
//   dist/article-cleaner.html   the page, self-contained: JS inlined, the
//                               wasm as base64, the worker as a blob:, a
//                               CSP with hashes; works from file:// offline
//   dist/widget/article-cleaner.js         the <article-cleaner> element
//   dist/widget/article-cleaner-worker.js  its analysis worker (same origin:
//                                          a strict CSP allows no blob: worker)
//   dist/widget/article_cleaner_wasm.js    its wasm (base64), loaded on use
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { assertInlineSafe, bundle } from "./bundle.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const www = join(root, "www");
const dist = join(root, "dist");
const wasmModule = join(www, "pkg", "article_cleaner_wasm.js");
if (!existsSync(wasmModule)) {
  console.error("www/pkg is missing: run scripts/build-wasm first");
  process.exit(1);
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

function replaceOnce(text, search, replacement) {
  const at = text.indexOf(search);
  if (at === -1 || text.indexOf(search, at + 1) !== -1) {
    throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  }
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

// ---- the page -------------------------------------------------------------

const script = assertInlineSafe(bundle(join(www, "main.js")), "the page's script");
const worker = assertInlineSafe(bundle(join(www, "worker.js"), { classic: true }), "the worker's script");
const css = assertInlineSafe(readFileSync(join(www, "style.css"), "utf8"), "style.css").replace("</style", "");

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  "img-src data:",
  "worker-src blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

let html = readFileSync(join(www, "index.html"), "utf8");
html = html.replace(
  /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
);
if (!html.includes(csp)) throw new Error("www/index.html: no CSP <meta> to replace");
html = replaceOnce(html, '<link rel="stylesheet" href="style.css">', `<style>${css}</style>`);
html = replaceOnce(
  html,
  '<script type="module" src="main.js"></script>',
  // The worker's code is a data block (never run as a script of the page);
  // engine.js starts it as a classic blob: worker.
  `<script type="text/plain" id="ac-worker-source">${worker}</script>\n<script type="module">${script}</script>`,
);
html = html.replace(
  "<!doctype html>",
  "<!doctype html>\n<!-- Article Cleaner, single-file build: open it from disk; it needs no network. -->",
);
mkdirSync(dist, { recursive: true });
const page = join(dist, "article-cleaner.html");
writeFileSync(page, html);

// ---- the widget -----------------------------------------------------------

const widgetDir = join(dist, "widget");
mkdirSync(widgetDir, { recursive: true });
// engine.js starts "./worker.js" next to itself: here, the worker file of the widget.
const workerUrl = 'new URL("./worker.js", import.meta.url)';
const widget = replaceOnce(
  bundle(join(www, "widget.js"), { external: { [wasmModule]: "./article_cleaner_wasm.js" } }),
  workerUrl,
  'new URL("./article-cleaner-worker.js", import.meta.url)',
);
writeFileSync(join(widgetDir, "article-cleaner.js"), `// <article-cleaner>: see embed.html in the Article Cleaner repository.\n${widget}`);
writeFileSync(join(widgetDir, "article-cleaner-worker.js"), `// The analysis worker of <article-cleaner> (article-cleaner.js starts it).\n${worker}`);
copyFileSync(wasmModule, join(widgetDir, "article_cleaner_wasm.js"));

const size = (bytes) => `${(bytes.length / 1024).toFixed(0)} KB (${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KB gzipped)`;
console.log(`dist/article-cleaner.html: ${size(readFileSync(page))}`);
console.log(`dist/widget/article-cleaner.js: ${size(readFileSync(join(widgetDir, "article-cleaner.js")))}`);
