// Hostile input in the browser: a 10 MB paste is cleaned in the Web Worker
// while the page keeps answering, and the <article-cleaner> widget treats
// XSS payloads as text. Like every browser test, each fails on a console
// error, a page error, or any request once the page has loaded.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { WWW, paste, session } from "./harness.mjs";

/** About `megabytes` MB of article: numbered paragraphs, every tenth repeated. */
function bigArticle(megabytes) {
  const base = readFileSync(join(WWW, "example.txt"), "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 60);
  const parts = ["Night Trains Run Again Across the Whole Coast"];
  let size = parts[0].length;
  for (let i = 0; size < megabytes * 1_000_000; i++) {
    const line = i % 10 === 9 ? base[0] : `${base[i % base.length]} (${i})`;
    parts.push(line);
    size += line.length + 2;
  }
  return parts.join("\n\n");
}

test("a 10 MB paste is cleaned in the worker while the page stays responsive", async () => {
  const t = await session();
  try {
    const page = await t.open("index.html");
    t.watch.loaded();
    const big = bigArticle(10);
    assert.ok(big.length >= 10_000_000);

    const before = await page.evaluate(() => Number(document.getElementById("result").dataset.shown ?? 0));
    await paste(page, "#source", big);
    // The busy note is set by a timer on the main thread: it shows only if
    // the main thread is free while the analysis runs.
    await page.waitForFunction(() => /^Cleaning/.test(document.getElementById("status").textContent), null, { timeout: 120_000 });
    // The page answers input while the report is still on its way.
    await page.keyboard.press("Tab");
    const during = await page.evaluate(() => ({
      shown: Number(document.getElementById("result").dataset.shown ?? 0),
      moved: document.activeElement?.id !== "source",
    }));
    assert.equal(during.shown, before, "still cleaning");
    assert.ok(during.moved, "focus moved while cleaning");

    await page.waitForFunction((n) => Number(document.getElementById("result").dataset.shown ?? 0) > n, before, { timeout: 300_000 });
    const stats = await page.textContent("#stats");
    assert.match(stats, new RegExp(`Characters in${[...big].length.toLocaleString("en")}`));
    assert.match(stats, /Ran ina background worker/);
    assert.equal(await page.inputValue("#source"), "", "the box stays light");
    assert.ok((await page.locator("#article .run-summary", { hasText: "repeats" }).count()) > 0, "the repeats are shown removed, folded");
  } finally {
    await t.finish();
  }
});

// Written for this test: each would set window.__xss or make a request if
// it were ever run or loaded. Entity-encoded variants decode to payloads.
const PAYLOADS = [
  `<script>window.__xss = "script"</script>`,
  `<img src=x onerror="window.__xss = 'img'">`,
  `<svg><script>window.__xss = 'svg'</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 'math'">`,
  `<iframe srcdoc="&lt;script&gt;parent.__xss = 'srcdoc'&lt;/script&gt;"></iframe>`,
  `<a href="javascript:window.__xss = 'link'">more</a>`,
  `<a href="&#106;avascript:window.__xss = 'encoded'">encoded</a>`,
  `&lt;img src=x onerror="window.__xss = 'entity'"&gt;`,
  `<style>@import "http://127.0.0.2:9/x.css";</style>`,
  `<img src="http://127.0.0.2:9/pixel.png">`,
];

const PROSE = "The harbour board voted on Tuesday to keep the night ferry running through the winter, its chair said.";

test("the widget shows XSS payloads as text and writes them back as text", async () => {
  const t = await session();
  try {
    const page = await t.visit("embed.html");
    await page.evaluate(() => {
      window.cleaned = 0;
      document.addEventListener("cleaned", (e) => {
        window.cleaned++;
        window.last = e.detail;
      });
    });
    // A first clean loads the wasm: the page has loaded after it.
    await page.fill("#body", `Night Ferry Kept\n${PROSE}`);
    await page.waitForFunction(() => window.cleaned > 0);
    t.watch.loaded();

    // One payload at a time inside prose, in the host's textarea: read as
    // text, and written back as the same characters.
    const widget = page.locator("article-cleaner[for=body]");
    for (const payload of PAYLOADS) {
      const text = `Night Ferry Kept\n${PROSE}\nA reader wrote: ${payload} and left.\n${PROSE}`;
      await page.fill("#body", text);
      await page.waitForFunction((n) => window.last?.stats.input_chars === n, [...text].length);
      await widget.getByRole("button", { name: "Replace with cleaned text" }).click();
      assert.ok((await page.inputValue("#body")).includes(`A reader wrote: ${payload} and left.`), `kept as text: ${payload}`);
    }

    // The widget's own paste box, with an HTML flavour on the clipboard too
    // (its textarea takes the plain text): every payload at once.
    const own = page.locator("article-cleaner#standalone");
    const all = [`Night Ferry Kept`, PROSE, ...PAYLOADS.map((p) => `A reader wrote: ${p} and left.`), PROSE].join("\n");
    await paste(page, "article-cleaner#standalone >> textarea", all, `<p>${PAYLOADS.join("</p><p>")}</p>`);
    await page.waitForFunction((n) => window.last?.stats.input_chars === n, [...all].length);
    assert.match(await own.locator(".preview").textContent(), /A reader wrote/);

    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined, "no payload ran");
    const live = await page.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll("article-cleaner")].map((w) => w.shadowRoot).filter(Boolean)];
      return roots.reduce((sum, r) => sum + r.querySelectorAll("img, iframe, svg, math, style, script:not([src]), a[href^=javascript]").length, 0);
    });
    assert.equal(live, 0, "no element made from the payloads");
  } finally {
    await t.finish();
  }
});
