// <article-cleaner> in the mock CMS (www/embed.html) and from the one-file
// build (dist/widget/): it cleans a host textarea, fires `cleaned` with the
// report, replaces the text on request, and keeps its styles to itself.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, WWW, paste, session } from "./harness.mjs";
import { startServer } from "../../scripts/lib/server.mjs";

const SAMPLE = readFileSync(join(WWW, "example.txt"), "utf8");

async function openEmbed(root, path) {
  const t = await session({ server: await startServer({ root }) });
  const page = await t.visit(path);
  await page.evaluate(() => {
    window.cleanedEvents = [];
    document.addEventListener("cleaned", (e) => window.cleanedEvents.push({ target: e.target.id || e.target.getAttribute("for"), report: e.detail }));
  });
  let loaded = null;
  const finish = t.finish;
  return Object.assign(t, {
    page,
    /** The widget has loaded its wasm: no request may follow, not even a blob: one. */
    markLoaded() {
      loaded ??= t.watch.requests.length;
    },
    async finish() {
      try {
        assert.notEqual(loaded, null, "the test marks when the page has loaded");
        assert.deepEqual(t.watch.requests.slice(loaded), [], "no request after load");
      } finally {
        await finish();
      }
    },
  });
}

async function cleanHostTextarea(t) {
  const { page, watch } = t;
  const widget = page.locator("article-cleaner[for=body]");
  await page.fill("#body", SAMPLE);
  await page.waitForFunction(() => window.cleanedEvents.some((e) => e.target === "body" && e.report.stats.input_chars > 1000));
  t.markLoaded();
  const loaded = watch.requests.length;
  const event = await page.evaluate(() => window.cleanedEvents.findLast((e) => e.target === "body"));
  const report = event.report;
  assert.equal(report.schema, 1);
  assert.equal(report.title, "Valdoria Opens Night Train Link to Coastal Capital After Two-Year Delay");
  assert.equal(report.stats.duplicates_removed, 5);
  assert.match(await widget.locator(".status").textContent(), /7 paragraphs kept; 5 repeated and 11 other parts removed/);
  assert.equal(await widget.getByText("What was removed (16)").count(), 1);

  // The widget's styles stay in its shadow root, and the page's stay out.
  const font = await page.evaluate(() => getComputedStyle(document.querySelector("#body")).fontFamily);
  assert.match(font, /monospace|Menlo|Consolas/, "the host's textarea keeps its own style");
  const button = widget.getByRole("button", { name: "Replace with cleaned text" });
  assert.equal(await button.evaluate((b) => getComputedStyle(b).borderRadius), "6px");

  await button.click();
  assert.equal(await page.inputValue("#title"), report.title, "the empty headline is filled in");
  assert.equal(await page.inputValue("#body"), `${report.text}\n`);
  await page.waitForFunction(() => window.cleanedEvents.findLast((e) => e.target === "body").report.stats.duplicates_removed === 0);
  await widget.getByRole("button", { name: "Undo" }).click();
  assert.equal(await page.inputValue("#body"), SAMPLE);
  assert.equal(await page.inputValue("#title"), "");
  assert.deepEqual(watch.requests.slice(loaded), [], "no request after load");
}

test("the widget cleans the CMS textarea, fires `cleaned` and replaces the text", async () => {
  const t = await openEmbed(WWW, "embed.html");
  try {
    await cleanHostTextarea(t);
    // The demo's own paste box.
    const own = t.page.locator("article-cleaner#standalone");
    await paste(t.page, "article-cleaner#standalone >> textarea", SAMPLE);
    await t.page.waitForFunction(() => window.cleanedEvents.some((e) => e.target === "standalone"));
    assert.match(await own.locator(".preview").textContent(), /^Valdoria Opens Night Train Link/);
    assert.equal((await own.locator(".preview").textContent()).split("This link brings the north").length, 2, "said once");
  } finally {
    await t.finish();
  }
});

test("a contenteditable host is cleaned and replaced with paragraphs", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ac-embed-"));
  try {
    for (const f of ["widget.js", "engine.js", "worker.js", "wasm.js", "report.js"]) copyFileSync(join(WWW, f), join(dir, f));
    mkdirSync(join(dir, "pkg"));
    for (const f of ["article_cleaner.js", "article_cleaner_wasm.js"]) copyFileSync(join(WWW, "pkg", f), join(dir, "pkg", f));
    writeFileSync(
      join(dir, "editor.html"),
      `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'none'">
<script type="module" src="widget.js"></script>
<div id="editor" contenteditable="true"></div>
<article-cleaner for="editor"></article-cleaner>`,
    );
    const t = await openEmbed(dir, "editor.html");
    try {
      const { page } = t;
      await page.evaluate((text) => {
        const editor = document.getElementById("editor");
        for (const line of text.split("\n")) {
          const p = document.createElement("p");
          p.textContent = line;
          editor.append(p);
        }
        editor.dispatchEvent(new Event("input", { bubbles: true }));
      }, SAMPLE);
      await page.waitForFunction(() => window.cleanedEvents.some((e) => e.report.stats.duplicates_removed === 5));
      t.markLoaded();
      await page.locator("article-cleaner").getByRole("button", { name: "Replace with cleaned text" }).click();
      const paragraphs = await page.locator("#editor > p").allTextContents();
      assert.equal(paragraphs[0], "Valdoria Opens Night Train Link to Coastal Capital After Two-Year Delay", "no title field: the title leads");
      assert.equal(paragraphs.filter((p) => p.startsWith("“This link brings")).length, 1);
      assert.equal(paragraphs.length, 8);
    } finally {
      await t.finish();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the one-file widget build works next to its wasm module", { skip: !existsSync(join(ROOT, "dist", "widget", "article-cleaner.js")) && "dist/widget not built" }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "ac-widget-"));
  try {
    for (const f of ["article-cleaner.js", "article-cleaner-worker.js", "article_cleaner_wasm.js"]) copyFileSync(join(ROOT, "dist", "widget", f), join(dir, f));
    const embed = readFileSync(join(WWW, "embed.html"), "utf8")
      .replace('<script type="module" src="widget.js"></script>', '<script type="module" src="article-cleaner.js"></script>')
      .replace('<script type="module" src="embed-demo.js"></script>', "")
      .replace('<link rel="stylesheet" href="embed.css">', "");
    assert.ok(embed.includes('src="article-cleaner.js"'));
    writeFileSync(join(dir, "embed.html"), embed);
    const t = await openEmbed(dir, "embed.html");
    try {
      await cleanHostTextarea(t);
      const paths = t.watch.requests.map((u) => new URL(u).pathname);
      // Each widget on the page starts its own worker: the same file.
      assert.deepEqual([...new Set(paths)].sort(), ["/article-cleaner-worker.js", "/article-cleaner.js", "/article_cleaner_wasm.js", "/embed.html"]);
    } finally {
      await t.finish();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
