// Shared by the browser tests: Debian's Chromium through playwright-core,
// a node:http server inside the test process, and a guard that fails a test
// on any console.error, page error or unexpected request.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/lib/server.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const WWW = join(ROOT, "www");
export const OFFLINE_FILE = join(ROOT, "dist", "article-cleaner.html");
const SEEDS = join(ROOT, "..", "shared", "seeds");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function executable() {
  for (const path of [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (path && existsSync(path)) return path;
  }
  throw new Error("Chromium not found: run scripts/setup.sh browser (or set CHROMIUM)");
}

/** A fresh headless Chromium profile; `close()` removes it. */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "ac-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable(),
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves www/ (and the offline file at /article-cleaner.html when built). */
export function serve(routes = {}) {
  const extra = existsSync(OFFLINE_FILE) ? { "/article-cleaner.html": OFFLINE_FILE } : {};
  return startServer({ root: WWW, routes: { ...extra, ...routes } });
}

/**
 * Watches a context: every request is logged; a request `allowed(url)`
 * refuses is aborted and counts as a problem, as do console errors and
 * page errors. `check()` throws when anything went wrong and, once
 * `loaded()` has marked the page loaded, when anything but a `blob:` or
 * `data:` URL was requested after that.
 */
export function guard(context, allowed) {
  const problems = [];
  const requests = [];
  let loadedAt = null;
  const watchPage = (page) => {
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  };
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
  context.on("request", (req) => requests.push(req.url()));
  context.route("**/*", (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    problems.push(`unexpected request: ${url}`);
    return route.abort("blockedbyclient");
  });
  return {
    problems,
    requests,
    loaded() {
      loadedAt = requests.length;
    },
    check() {
      if (loadedAt !== null) {
        const later = requests.slice(loadedAt).filter((u) => !u.startsWith("blob:") && !u.startsWith("data:"));
        assert.deepEqual(later, [], "no network request after the page has loaded");
      }
      if (problems.length) throw new Error(`problems in the page:\n  ${problems.join("\n  ")}`);
    },
  };
}

/**
 * The set-up every browser test shares: a server (`server`: `serve()` of
 * www/ by default, `null` for a page opened from disk), a fresh Chromium
 * (`browser`: launch options; `offline` turns the network off), the
 * clipboard granted to the server's origin, and a guard that lets through
 * the server's URLs only (or what `allowed` accepts). `url(path)` is a
 * path on the server; `finish()` runs the guard's checks, then closes the
 * browser and the server and runs `cleanup`, whatever happened.
 */
export async function session({ server, browser = {}, offline = false, allowed, cleanup } = {}) {
  if (server === undefined) server = await serve();
  let launched;
  try {
    launched = await launch(browser);
    if (offline) await launched.context.setOffline(true);
    await launched.context.grantPermissions(["clipboard-read", "clipboard-write"], server ? { origin: new URL(server.url).origin } : {});
  } catch (err) {
    await launched?.close();
    await server?.close();
    cleanup?.();
    throw err;
  }
  const { context, close } = launched;
  const watch = guard(context, allowed ?? ((url) => url.startsWith(server.url)));
  return {
    context,
    server,
    watch,
    url: (path = "") => server.url + path.replace(/^\//, ""),
    /** The context's first tab, with `path` (or a full URL) loaded. */
    async visit(pathOrUrl) {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(pathOrUrl.includes(":") ? pathOrUrl : this.url(pathOrUrl));
      return page;
    },
    /** `visit`, then wait until the page says it is ready (worker started). */
    async open(pathOrUrl) {
      return openPage(context, pathOrUrl.includes(":") ? pathOrUrl : this.url(pathOrUrl));
    },
    async finish() {
      try {
        watch.check();
      } finally {
        await close();
        await server?.close();
        cleanup?.();
      }
    },
  };
}

/** Opens `url` and waits until the page says it is ready (worker started). */
export async function openPage(context, url) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]");
  return page;
}

/**
 * Puts `text` (and `html`, when given) on the clipboard and pastes it
 * into `selector` with the keyboard, as a person would. The clipboard is
 * filled by a `copy` event (Ctrl+C): navigator.clipboard.write() would
 * make Chromium sanitise the HTML in the page, and the page's CSP would
 * report the payloads that sanitising parses.
 */
export async function paste(page, selector, text, html) {
  await page.evaluate(
    ({ text, html }) => {
      const fill = (event) => {
        event.clipboardData.setData("text/plain", text);
        if (html !== undefined && html !== null) event.clipboardData.setData("text/html", html);
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      document.addEventListener("copy", fill, { once: true, capture: true });
    },
    { text, html },
  );
  await page.focus(selector);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+C");
  await page.keyboard.press("ControlOrMeta+V");
}

/**
 * Runs `action` (a paste, a click, a drop…) and waits until the page has
 * shown the report it leads to.
 */
export async function nextReport(page, action) {
  const before = await page.evaluate(() => Number(document.getElementById("result").dataset.shown ?? 0));
  await action();
  await page.waitForFunction((n) => Number(document.getElementById("result").dataset.shown ?? 0) > n, before);
}

/** The MENAFN seed when ../shared is present, else our own sample article. */
export function seedOrSample() {
  const seed = join(SEEDS, "000_b2d9c93d3c340126.txt");
  if (existsSync(seed)) return { name: "MENAFN seed", text: readFileSync(seed, "utf8"), seed: true };
  console.log("# ../shared/seeds not found: using the sample article www/example.txt");
  return { name: "sample article", text: readFileSync(join(WWW, "example.txt"), "utf8"), seed: false };
}

/** Sample articles for the wasm/CLI comparison: ours, and the seeds when present. */
export function sampleArticles() {
  const list = [["www/example.txt", join(WWW, "example.txt")]];
  const articles = join(ROOT, "tests", "articles");
  if (existsSync(articles)) {
    for (const name of readdirSafe(articles)) {
      const input = join(articles, name, "input.txt");
      if (existsSync(input)) list.push([`tests/articles/${name}/input.txt`, input]);
    }
  }
  if (existsSync(SEEDS)) {
    for (const name of readdirSafe(SEEDS).filter((n) => n.endsWith(".txt"))) list.push([`seeds/${name}`, join(SEEDS, name)]);
  }
  // HTML pages, read by the HTML reader.
  const pages = join(ROOT, "tests", "pages");
  for (const name of readdirSafe(pages).filter((n) => n.endsWith(".html"))) list.push([`tests/pages/${name}`, join(pages, name)]);
  return list;
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
import { readdirSync } from "node:fs";
