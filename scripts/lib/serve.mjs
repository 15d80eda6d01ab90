// scripts/serve's server: www/ on 127.0.0.1, with "/" the single-file page
// (so that "Save page as…" keeps a copy that works offline).
//   node scripts/lib/serve.mjs [PORT]
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const single = join(root, "dist", "article-cleaner.html");
if (!existsSync(single)) {
  console.error("dist/article-cleaner.html is missing: run scripts/build-offline first");
  process.exit(1);
}
const routes = { "/": single, "/article-cleaner.html": single };
const wanted = Number(process.argv[2] ?? process.env.PORT ?? 8080);

let server;
try {
  server = await startServer({ root: join(root, "www"), port: wanted, routes });
} catch (e) {
  if (e.code !== "EADDRINUSE") throw e;
  console.error(`port ${wanted} is in use; taking a free one`);
  server = await startServer({ root: join(root, "www"), port: 0, routes });
}
const url = server.url;
console.log(`
Article Cleaner is running at ${url}

  ${url.padEnd(42)} the page (one self-contained file; "Save page as…" keeps a working copy)
  ${`${url}embed.html`.padEnd(42)} the <article-cleaner> widget in a mock CMS form
  ${`${url}index.html`.padEnd(42)} the page as plain ES modules (for development)
  ${`${url}article-cleaner.html`.padEnd(42)} the offline file, to download

Nothing you paste leaves the browser. Press Ctrl+C to stop.`);
process.on("SIGINT", () => server.close().then(() => process.exit(0)));
