// The single-file build (dist/article-cleaner.html) opened from file://
// with the network off: every request is aborted and logged, and the log
// must hold the file itself only. The served page saved with "Save page
// as…" (as its HTML, or as the live DOM) works from disk the same way.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { OFFLINE_FILE, WWW, nextReport, paste, seedOrSample, serve, session } from "./harness.mjs";

const built = existsSync(OFFLINE_FILE);
const skip = !built && "dist/article-cleaner.html not built (scripts/build-offline)";

/** Opens `file` from disk offline; checks the seed is cleaned; returns the request log. */
async function useFromDisk(file) {
  const url = pathToFileURL(file).href;
  const t = await session({ server: null, offline: true, allowed: (u) => u === url });
  try {
    const page = await t.open(url);
    assert.equal(await page.isVisible("#result"), false, "starts with no stale result");
    assert.equal(await page.isVisible("#offline-offer"), false, "no offer of the file it is already");

    const seed = seedOrSample();
    await nextReport(page, () => paste(page, "#source", seed.text));
    assert.ok((await page.locator("#article .run-summary", { hasText: "repeats" }).count()) >= 1, "the repeats are shown removed, folded");
    await page.getByLabel("Show all removed parts").check();
    const dups = page.locator('#article .removed[data-reason="duplicate"]');
    assert.ok((await dups.count()) >= 1, "and in full");
    assert.match(await dups.first().locator(".reason").textContent(), /^Repeat of paragraph \d+$/);
    assert.match(await page.textContent("#stats"), /Ran ina background worker/, "the blob: worker runs from file://");

    await dups.first().getByRole("button", { name: /^Restore/ }).click();
    assert.match(await page.textContent("#status"), /1 restored/);
    await page.getByRole("button", { name: "Copy as Markdown" }).click();
    await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Copied"));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith("# "), "Markdown on the clipboard");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as JSON" }).click()]);
    const report = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(report.schema, 1);

    await nextReport(page, () => page.getByRole("button", { name: "Try an example" }).click());
    assert.match(await page.textContent("#title"), /^Valdoria/);
    t.watch.check();
    return t.watch.requests.filter((u) => !u.startsWith("blob:") && !u.startsWith("data:"));
  } finally {
    await t.finish();
  }
}

test("the single file works from file:// with the network off", { skip }, async () => {
  const log = await useFromDisk(OFFLINE_FILE);
  assert.deepEqual(log, [pathToFileURL(OFFLINE_FILE).href], "the only request is the file itself");
});

test("the served page, saved with Save page as… (HTML only), works from disk", { skip }, async () => {
  const server = await serve({ "/": OFFLINE_FILE });
  const dir = mkdtempSync(join(tmpdir(), "ac-saved-"));
  try {
    const html = await (await fetch(server.url)).text();
    const saved = join(dir, "Article Cleaner.html");
    writeFileSync(saved, html);
    const log = await useFromDisk(saved);
    assert.deepEqual(log, [pathToFileURL(saved).href]);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the served page, saved with Save page as… (complete, the live DOM), works from disk", { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "ac-saved-"));
  const t = await session({ server: await serve({ "/": OFFLINE_FILE }), cleanup: () => rmSync(dir, { recursive: true, force: true }) });
  try {
    const { watch } = t;
    const page = await t.open(t.url());
    await nextReport(page, () => page.getByRole("button", { name: "Try an example" }).click());
    assert.deepEqual(
      watch.requests.map((u) => new URL(u).pathname),
      ["/"],
      "served, the page is one request too",
    );
    assert.equal(await page.getAttribute("#offline-offer a", "download"), "article-cleaner.html", "served, it offers itself");
    watch.check();
    // What "Webpage, Complete" writes: the DOM as it is now, results and all.
    const dom = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
    const saved = join(dir, "Article Cleaner.html");
    writeFileSync(saved, dom);
    const log = await useFromDisk(saved);
    assert.deepEqual(log, [pathToFileURL(saved).href]);
  } finally {
    await t.finish();
  }
});

test("the single file carries no external reference", { skip }, () => {
  const html = readFileSync(OFFLINE_FILE, "utf8");
  assert.doesNotMatch(html, /<(script|link|img|iframe)[^>]+(src|href)=["'](?!data:)/i);
  assert.match(html, /connect-src 'none'/);
  const wasm = readFileSync(join(WWW, "pkg", "article_cleaner_bg.wasm"));
  // The gzip is Zopfli's (scripts/lib/embed.mjs), not zlib's: compared inflated.
  const embedded = html.match(/"(H4sI[A-Za-z0-9+/=]+)"/);
  assert.ok(embedded, "the wasm is inside, gzipped, as base64");
  assert.ok(gunzipSync(Buffer.from(embedded[1], "base64")).equals(wasm), "the embedded wasm is the built one");
});
