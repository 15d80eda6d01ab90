// Pasted content is data: XSS payloads pasted as text, as rich text (HTML)
// and dropped as an .html file run no script and load nothing, in the
// served page and in the single-file build.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { OFFLINE_FILE, nextReport, paste, serve, session } from "./harness.mjs";

// Written for these tests. Each would set window.__xss or make a request
// (to an address nothing listens on) if it were ever run or loaded.
const PAYLOADS = [
  `<script>window.__xss = "script"</script>`,
  `<img src="x" onerror="window.__xss = 'img'">`,
  `<img src="http://127.0.0.2:9/pixel.png" alt="tracking pixel">`,
  `<svg onload="window.__xss = 'svg'"><circle r="4"/></svg>`,
  `<iframe srcdoc="<script>parent.__xss = 'iframe'</script>"></iframe>`,
  `<a href="javascript:window.__xss = 'link'">read more</a>`,
  `<style>@import url("http://127.0.0.2:9/x.css"); p { background: url(http://127.0.0.2:9/bg.png) }</style>`,
  `<link rel="stylesheet" href="http://127.0.0.2:9/theme.css">`,
  `<meta http-equiv="refresh" content="0;url=http://127.0.0.2:9/">`,
  `<base href="http://127.0.0.2:9/">`,
  `<object data="http://127.0.0.2:9/plugin.bin"></object>`,
  `<video><source src="http://127.0.0.2:9/v.mp4" onerror="window.__xss = 'video'"></video>`,
  `<details open ontoggle="window.__xss = 'details'"><summary>more</summary></details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 'mutation'">`,
  `"><img src=x onerror=window.__xss='attribute'>`,
  `<form action="http://127.0.0.2:9/"><button>Subscribe</button></form>`,
  `javascript:window.__xss = 'text'`,
  // Entity-encoded variants.
  `<a href="&#106;avascript&#58;window.__xss = 'encoded-link'">more</a>`,
  `<img src=x onerror="&#119;indow.__xss = 'encoded-handler'">`,
  `&lt;script&gt;window.__xss = "entity"&lt;/script&gt;`,
  `<iframe srcdoc="&lt;img src=x onerror=parent.__xss='srcdoc-entity'&gt;"></iframe>`,
];

const PROSE =
  "The council approved the new ferry timetable on Tuesday after a long debate, the harbour office said.";

function article() {
  const lines = ["Ferry Timetable Approved After Debate", PROSE];
  for (const p of PAYLOADS) lines.push(`Readers wrote: ${p} and the debate went on.`, p);
  lines.push(PROSE, "Comments", "No comments yet");
  return lines.join("\n");
}

function articleHtml() {
  return `<h1>Ferry Timetable Approved After Debate</h1><p>${PROSE}</p>${PAYLOADS.map((p) => `<p>Readers wrote: ${p}</p>${p}`).join("")}<p>${PROSE}</p>`;
}

async function checkInert(page) {
  // Show everything: restore every removed part, then wait a moment for
  // anything that would run late.
  const count = await page.locator("#article .restore").count();
  for (let i = 0; i < count; i++) {
    const button = page.locator(`#article [data-restore="${i}"]`);
    await button.click();
    await page.locator(`#article .restored [data-restore="${i}"]`).waitFor();
  }
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, "no payload ran");
  const live = await page.evaluate(
    () => document.querySelectorAll("#result :is(img, script, iframe, svg, object, video, style, link, meta, base, form, math, a[href^=javascript])").length,
  );
  assert.equal(live, 0, "no element made from the paste");
}

async function run(where) {
  let server;
  let url;
  let allowed;
  if (where === "served") {
    server = await serve();
    url = `${server.url}index.html`;
    allowed = (u) => u.startsWith(server.url);
  } else {
    url = pathToFileURL(OFFLINE_FILE).href;
    allowed = (u) => u === url;
  }
  const t = await session({ server: server ?? null, allowed });
  try {
    const page = await t.open(url);
    t.watch.loaded();

    // As plain text, one payload at a time inside prose: read as text and
    // shown literally.
    for (const payload of PAYLOADS) {
      const text = `Ferry Timetable Approved\n${PROSE}\nReaders wrote: ${payload} and the debate went on.\n${PROSE} ${payload.length}`;
      await nextReport(page, () => paste(page, "#source", text));
      await checkInert(page);
      assert.ok((await page.textContent("#article")).includes(payload), `shown as text: ${payload}`);
    }
    // All of them at once: markup enough to be read as HTML.
    await nextReport(page, () => paste(page, "#source", article()));
    await checkInert(page);

    // As rich text, with and without a plain-text flavour.
    await nextReport(page, () => paste(page, "#source", article(), articleHtml()));
    await checkInert(page);
    await nextReport(page, () => paste(page, "#source", "", articleHtml()));
    assert.ok((await page.inputValue("#source")).includes("Readers wrote"), "the HTML's text is in the box");
    await checkInert(page);

    // As a dropped .html file.
    const drop = await page.evaluateHandle((html) => {
      const data = new DataTransfer();
      data.items.add(new File([`<!doctype html><html><head><title>x</title></head><body>${html}</body></html>`], "page.html", { type: "text/html" }));
      return data;
    }, articleHtml());
    await nextReport(page, () => page.dispatchEvent("#dropzone", "drop", { dataTransfer: drop }));
    assert.ok((await page.inputValue("#source")).startsWith("<!doctype"));
    await checkInert(page);
  } finally {
    await t.finish();
  }
}

test("XSS payloads run nothing and load nothing (served page)", () => run("served"));

test("XSS payloads run nothing and load nothing (single file)", { skip: !existsSync(OFFLINE_FILE) && "dist/article-cleaner.html not built" }, () => run("offline"));
