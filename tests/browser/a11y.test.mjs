// Accessibility and layout in Chromium: axe-core finds no violation on the
// page (empty and with a report; light, dark, a 390 px phone) or in the
// widget; the first kept paragraph shows without scrolling at 1280×900 on
// the seeds (when ../shared is present), the sample and a made-up pasted
// page; on a phone, the facts are one tap away.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, WWW, nextReport, paste, session } from "./harness.mjs";

const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");
const SEEDS = join(ROOT, "..", "shared", "seeds");
const SAMPLE = readFileSync(join(WWW, "example.txt"), "utf8");

/** axe-core's violations on the page (shadow roots included), as short lines. */
async function violations(page) {
  // Evaluated through the debugging protocol: the page's CSP does not apply.
  await page.evaluate(readFileSync(AXE, "utf8"));
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      resultTypes: ["violations"],
      rules: { "label-content-name-mismatch": { enabled: true } },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" > ")} ${n.failureSummary.replace(/\s+/g, " ")}`).join(" | ")}`);
  });
}

async function openAt(options) {
  const t = await session({ browser: options });
  try {
    t.page = await t.open("index.html");
  } catch (err) {
    await t.finish().catch(() => {});
    throw err;
  }
  t.watch.loaded();
  return t;
}

/** A pasted web page made up here: a menu, a share bar and links around a short article. */
function pastedPage() {
  const menu = ["Skip to content", "Home", "World", "Business", "Sport", "Culture", "Weather", "Sign in", "Subscribe", "Search"];
  const share = ["Share on Facebook", "Share on X", "Email", "Print"];
  const related = ["Related stories", "Ferry fares to rise in spring", "Harbour wall repairs finish early", "New pier opens in the north"];
  const body = SAMPLE.split("\n").filter((l) => l.trim());
  return [...menu, ...share, ...body, ...related, ...share, "© 2026 Coastal Wire. All rights reserved."].join("\n");
}

function articles() {
  const list = [
    ["the sample", SAMPLE],
    ["a pasted page", pastedPage()],
  ];
  if (existsSync(SEEDS)) {
    for (const name of readdirSync(SEEDS).filter((n) => n.endsWith(".txt")).sort()) list.push([`seed ${name}`, readFileSync(join(SEEDS, name), "utf8")]);
  } else console.log("# ../shared/seeds not found: the sample and the pasted page only");
  return list;
}

test("axe-core: no violation on the page, empty and with a report, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const t = await openAt({ colorScheme, viewport: { width: 1280, height: 900 } });
    try {
      const { page } = t;
      assert.deepEqual(await violations(page), [], `empty page, ${colorScheme}`);
      await nextReport(page, () => paste(page, "#source", pastedPage()));
      assert.deepEqual(await violations(page), [], `with a report, ${colorScheme}`);
      // Opened runs, restored parts and a selected name too.
      await page.getByLabel("Show all removed parts").check();
      await page.locator("#article .restore").first().click();
      await page.locator("#entities .chip").first().click();
      assert.deepEqual(await violations(page), [], `everything shown, ${colorScheme}`);
    } finally {
      await t.finish();
    }
  }
});

test("axe-core: no violation at 390 px; the facts are one tap away", async () => {
  const t = await openAt({ colorScheme: "light", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { page } = t;
    await nextReport(page, () => paste(page, "#source", pastedPage()));
    assert.deepEqual(await violations(page), []);
    const jump = page.getByRole("link", { name: /^Facts/ });
    assert.equal(await jump.isVisible(), true, "a link to the facts near the top");
    await jump.tap();
    const inView = () =>
      page.evaluate(() => {
        const box = document.getElementById("facts-heading").getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, height: window.innerHeight, hash: location.hash };
      });
    for (let i = 0; i < 20 && !(await inView().then((b) => b.top >= -1 && b.bottom <= b.height)); i++) await page.waitForTimeout(100);
    const where = await inView();
    assert.ok(where.top >= -1 && where.bottom <= where.height, `the Facts heading is in view after one tap: ${JSON.stringify(where)}`);
    assert.equal(await page.getByRole("link", { name: /^Names/ }).count(), 1);
  } finally {
    await t.finish();
  }
});

test("the first kept paragraph is visible without scrolling at 1280×900", async () => {
  const t = await openAt({ viewport: { width: 1280, height: 900 } });
  try {
    const { page } = t;
    for (const [name, text] of [...articles(), ["a pasted page, again", pastedPage()]]) {
      await nextReport(page, () => paste(page, "#source", text));
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await page.locator("#article .para").first().boundingBox();
      assert.ok(box, `${name}: a kept paragraph`);
      assert.ok(box.y + Math.min(box.height, 60) <= 900, `${name}: the first kept paragraph starts at ${Math.round(box.y)} px`);
    }
    // The runs of removed parts are folded: one line each.
    const runs = await page.locator("#article .removed-run.folded").count();
    assert.ok(runs >= 1);
    assert.equal(await page.locator("#article .removed-run.folded .removed").count(), 0);
  } finally {
    await t.finish();
  }
});

test("axe-core: no violation in the widget (light and dark)", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const t = await session({ browser: { colorScheme } });
    try {
      const page = await t.visit("embed.html");
      await page.evaluate(() => {
        window.cleaned = 0;
        document.addEventListener("cleaned", () => window.cleaned++);
      });
      await page.fill("#body", pastedPage());
      await page.waitForFunction(() => window.cleaned > 0);
      await paste(page, "article-cleaner#standalone >> textarea", SAMPLE);
      await page.waitForFunction(() => window.cleaned > 1);
      t.watch.loaded(); // each widget has loaded its worker
      const widget = page.locator("article-cleaner[for=body]");
      await widget.locator("button.disclosure").click();
      await widget.getByRole("button", { name: "Show" }).first().click();
      assert.equal(await widget.locator(".box").evaluate((b) => b.classList.contains("dark")), colorScheme === "dark", "follows the demo page");
      assert.deepEqual(await violations(page), [], `widget, ${colorScheme}`);
    } finally {
      await t.finish();
    }
  }
});
