// The page (www/index.html, served over http): paste, restore, copy,
// download, drop a file, rich text, keyboard, and the rendering of
// entities and facts. Each test fails on a console error, a page error, an
// unexpected request, or any request at all once the page has loaded.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, WWW, nextReport, paste, seedOrSample, session } from "./harness.mjs";
import { applyRestorations, toMarkdown, toText } from "../../www/report.js";

const CLI = join(ROOT, "target", "release", "article-cleaner");

/** Opens the served page; `finish()` runs the checks every test shares. */
async function open(path = "index.html") {
  const t = await session();
  try {
    t.page = await t.open(path);
  } catch (err) {
    await t.finish().catch(() => {});
    throw err;
  }
  t.watch.loaded();
  return t;
}

function cliReport(text) {
  return JSON.parse(execFileSync(CLI, ["--format", "json"], { input: text, maxBuffer: 256 << 20 }).toString("utf8"));
}

test("pasting the seed shows the duplicates removed with their reason; restore one; copy", async () => {
  const seed = seedOrSample();
  const expected = cliReport(seed.text);
  const dups = expected.removed.filter((r) => r.reason === "duplicate");
  assert.ok(dups.length >= 1, "the article has repeated paragraphs");
  const t = await open();
  try {
    const { page } = t;
    await nextReport(page, () => paste(page, "#source", seed.text));

    assert.equal(await page.textContent("#title"), expected.title);
    assert.equal(await page.locator("#article .para").count(), expected.paragraphs.length);
    // Folded by default: one line per run of removed parts.
    assert.equal(await page.locator("#article .removed").count(), 0);
    assert.ok((await page.locator("#article .removed-run.folded").count()) >= 1);
    await page.getByLabel("Show all removed parts").check();
    const shown = page.locator('#article .removed[data-reason="duplicate"]');
    assert.equal(await shown.count(), dups.length, "every repeat is shown, greyed");
    const first = shown.first();
    assert.match(await first.locator(".reason").textContent(), /^Repeat of paragraph \d+$/);
    assert.equal(await first.locator(".reason").textContent(), `Repeat of paragraph ${dups[0].duplicate_of + 1}`);
    assert.equal(await page.locator("#article .removed").count(), expected.removed.length, "nothing disappears silently");
    if (seed.seed) {
      const disclaimer = page.locator("#article .removed", { hasText: "Legal Disclaimer" }).first();
      assert.match(await disclaimer.locator(".reason").textContent(), /Boilerplate/);
    }
    assert.match(await page.textContent("#status"), new RegExp(`${dups.length} repeated`));
    assert.match(await page.textContent("#stats"), /Analysis time\d/);

    // Restore the first repeat with one click (keyboard: it is a button).
    const dupIndex = expected.removed.indexOf(dups[0]);
    await first.getByRole("button", { name: /^Restore/ }).click();
    const restored = page.locator(`#article .removed.restored[data-index="${dupIndex}"]`);
    assert.equal(await restored.count(), 1);
    assert.match(await restored.locator(".reason").textContent(), /^Restored/);
    assert.match(await page.textContent("#status"), /1 restored/);

    await page.getByRole("button", { name: "Copy as text" }).click();
    await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Copied"));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, toText(applyRestorations(expected, new Set([dupIndex]))));
    const occurrences = copied.split(dups[0].text).length - 1;
    assert.equal(occurrences, 2, "the restored repeat is in the copied text again");

    // And back.
    await restored.getByRole("button", { name: /^Remove again/ }).click();
    await page.getByRole("button", { name: "Copy as text" }).click();
    await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Copied"));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), toText(expected));

    // Folding them again: one line per run.
    await page.getByLabel("Show all removed parts").uncheck();
    assert.equal(await page.locator("#article .removed").count(), 0);
    assert.match(await page.locator("#article .run-summary").first().textContent(), /^\d+ removed: /);
  } finally {
    await t.finish();
  }
});

test("downloads match the command line's text, Markdown and JSON", async () => {
  const sample = readFileSync(join(WWW, "example.txt"), "utf8");
  const expected = cliReport(sample);
  const t = await open();
  try {
    const { page } = t;
    await nextReport(page, () => page.getByRole("button", { name: "Try an example" }).click());
    const cli = (format) => execFileSync(CLI, ["--format", format], { input: sample }).toString("utf8");
    for (const [label, check] of [
      ["Download as text", (text) => assert.equal(text, cli("text"))],
      ["Download as Markdown", (text) => assert.equal(text, cli("markdown"))],
      [
        "Download as JSON",
        (text) => {
          const report = JSON.parse(text);
          report.stats.elapsed_ms = expected.stats.elapsed_ms;
          assert.deepEqual(report, expected);
        },
      ],
    ]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
      assert.match(download.suggestedFilename(), /^valdoria-opens-night-train-link/);
      check(readFileSync(await download.path(), "utf8"));
    }
    assert.equal(toMarkdown(expected), cli("markdown"), "report.js writes Markdown as the CLI does");
  } finally {
    await t.finish();
  }
});

test("dropping a .txt file cleans it; so does opening one", async () => {
  const sample = readFileSync(join(WWW, "example.txt"), "utf8");
  const t = await open();
  try {
    const { page } = t;
    const drop = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "wire-story.txt", { type: "text/plain" }));
      return data;
    }, sample);
    await page.dispatchEvent("#dropzone", "dragenter", { dataTransfer: drop });
    assert.equal(await page.isVisible("#drop-overlay"), true, "the drop target shows");
    await nextReport(page, () => page.dispatchEvent("#dropzone", "drop", { dataTransfer: drop }));
    assert.equal(await page.isVisible("#drop-overlay"), false);
    assert.equal(await page.inputValue("#source"), sample);
    assert.match(await page.textContent("#title"), /^Valdoria Opens Night Train/);
    assert.match(await page.textContent("#status"), /5 repeated/);

    await page.getByRole("button", { name: "Clear" }).click();
    await page.waitForSelector("#result", { state: "hidden" });
    await nextReport(page, () => page.setInputFiles("#file", { name: "story.txt", mimeType: "text/plain", buffer: Buffer.from(sample) }));
    assert.match(await page.textContent("#status"), /5 repeated/);

    // An .html file: its text in the box, its HTML read.
    const html = `<html><head><title>Night Trains Return</title><style>p { color: red }</style></head><body><h1>Night Trains Return</h1>${sample
      .split("\n")
      .slice(1)
      .map((line) => `<p>${line.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</p>`)
      .join("")}</body></html>`;
    await nextReport(page, () => page.setInputFiles("#file", { name: "story.html", mimeType: "text/html", buffer: Buffer.from(html) }));
    const box = await page.inputValue("#source");
    assert.ok(box.startsWith("Night Trains Return\n"), box.slice(0, 80));
    assert.ok(!box.includes("<p>") && !box.includes("color: red"), "no markup in the box");
    assert.equal((await page.textContent("#title")).trim(), "Night Trains Return");
    assert.match(await page.textContent("#status"), /^Opened story\.html\./);
  } finally {
    await t.finish();
  }
});

test("rich text: the clipboard HTML is read, and the toggle switches to the plain text", async () => {
  const sample = readFileSync(join(WWW, "example.txt"), "utf8");
  const html = `<h1>Valdoria Opens Night Train Link</h1>${sample
    .split("\n")
    .slice(1)
    .map((line) => `<p>${line.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</p>`)
    .join("")}`;
  const t = await open();
  try {
    const { page } = t;
    await nextReport(page, () => paste(page, "#source", sample, html));
    assert.equal(await page.inputValue("#source"), sample, "the box shows the plain text");
    assert.equal(await page.isVisible("#rich-note"), true);
    const note = await page.textContent("#rich-note-text");
    const paragraphs = await page.locator("#article .para").count();
    assert.ok(paragraphs > 0, "an article is shown either way");
    // The HTML reader reads the clipboard's HTML; the toggle switches to the
    // plain text and back.
    assert.equal(note, "Reading the rich-text (HTML) version of your paste.");
    const title = await page.textContent("#title");
    assert.equal(title?.trim(), "Valdoria Opens Night Train Link", "the <h1> is the title");
    await page.click("#rich-toggle");
    await page.waitForFunction((before) => document.getElementById("rich-note-text").textContent !== before, note);

    // Only HTML on the clipboard: its text goes in the box (parsed as inert data).
    await nextReport(page, () =>
      paste(page, "#source", "", "<p>First paragraph of a story about trains.</p><p>Second paragraph, with more detail.</p>"),
    );
    assert.equal(await page.inputValue("#source"), "First paragraph of a story about trains.\nSecond paragraph, with more detail.");
  } finally {
    await t.finish();
  }
});

test("keyboard: the example, the restore buttons and the exports are reachable", async () => {
  const t = await open();
  try {
    const { page } = t;
    // No result yet, so no skip link: the text box, then "Try an example".
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "source");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "example");
    await nextReport(page, () => page.keyboard.press("Enter"));
    // With a result, the skip link leads the page.
    await page.focus("#source");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "skip");
    // A folded run opens from the keyboard.
    const toggle = page.locator("#article [data-run-toggle]").first();
    await toggle.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-expanded")), "true", "focus stays on the toggle");
    const restore = page.locator("#article .restore").first();
    await restore.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("#article .removed.restored").count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Remove again", "focus stays on the button");
    await page.keyboard.press("Space");
    assert.equal(await page.locator("#article .removed.restored").count(), 0);
    // Every control has a name a screen reader can say.
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("button, textarea, input:not([type=file])")]
        .filter((el) => el.checkVisibility() && !(el.getAttribute("aria-label") || el.textContent.trim() || el.labels?.length))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, []);
  } finally {
    await t.finish();
  }
});

test("entities and facts render as chips and a list, and highlight their spans", async () => {
  const t = await open();
  try {
    const { page } = t;
    // A report as the entity and fact stages will give it, over a small
    // input with a hard-wrapped paragraph, a repeat and an astral character.
    const input = [
      "Harbour Reopens in Port Ellis",
      "By Marta Quinlan",
      "PORT ELLIS (Coastal Wire) - Mayor Tobias Renn reopened the harbour",
      "on Friday. 🚢 Renn thanked the engineers.",
      "",
      "Repairs cost $4.2 million, Renn said.",
      "Repairs cost $4.2 million, Renn said.",
    ].join("\n");
    const cp = (s) => [...input.slice(0, input.indexOf(s))].length;
    const span = (s, from = 0) => {
      const at = input.indexOf(s, from);
      const start = [...input.slice(0, at)].length;
      return { start, end: start + [...s].length };
    };
    const p1 = "PORT ELLIS (Coastal Wire) - Mayor Tobias Renn reopened the harbour on Friday. 🚢 Renn thanked the engineers.";
    const p1Start = cp("PORT ELLIS");
    const p2Start = cp("Repairs");
    const repeatAt = input.lastIndexOf("Repairs");
    const report = {
      schema: 1,
      language: "en",
      title: "Harbour Reopens in Port Ellis",
      byline: "Marta Quinlan",
      source: "Coastal Wire",
      published: null,
      text: `${p1}\n\nRepairs cost $4.2 million, Renn said.`,
      paragraphs: [
        { text: p1, start: p1Start, end: span("engineers.").end },
        { text: "Repairs cost $4.2 million, Renn said.", start: p2Start, end: p2Start + 37 },
      ],
      removed: [
        {
          text: "Repairs cost $4.2 million, Renn said.",
          start: [...input.slice(0, repeatAt)].length,
          end: [...input.slice(0, repeatAt)].length + 37,
          reason: "duplicate",
          duplicate_of: 1,
        },
      ],
      entities: [
        {
          name: "Tobias Renn",
          type: "person",
          count: 3,
          salience: 0.9,
          aliases: ["Renn"],
          mentions: [span("Tobias Renn"), span("Renn thanked"), span("Renn said")].map((m, i) => (i === 0 ? m : { start: m.start, end: m.start + 4 })),
        },
        { name: "Port Ellis", type: "place", count: 2, salience: 0.7, aliases: [], mentions: [span("Port Ellis"), span("PORT ELLIS")] },
        { name: "Friday", type: "date", count: 1, salience: 0.3, aliases: [], mentions: [span("Friday")] },
        { name: "$4.2 million", type: "money", count: 1, salience: 0.2, aliases: [], mentions: [span("$4.2 million")] },
      ],
      facts: [
        { text: "Mayor Tobias Renn reopened the harbour on Friday.", ...span("Mayor Tobias Renn reopened the harbour\non Friday."), entities: ["Tobias Renn", "Friday"] },
        { text: "Renn thanked the engineers.", ...span("Renn thanked the engineers."), entities: ["Tobias Renn"] },
      ],
      warnings: [],
      stats: { input_chars: [...input].length, text_chars: 150, duplicates_removed: 1, boilerplate_removed: 0, elapsed_ms: 0.25 },
    };
    await page.evaluate(
      async ({ report, input }) => {
        const { app } = await import("./main.js");
        app.show(report, input);
      },
      { report, input },
    );
    const groups = await page.locator("#entities .entity-group h4").allTextContents();
    assert.deepEqual(groups, ["People (1)", "Places (1)", "Dates (1)", "Money (1)"]);
    const chip = page.getByRole("button", { name: "Tobias Renn 3 mentions; also Renn" });
    assert.match(await chip.locator(".chip-count").textContent(), /^3/);
    // A click touches only what changes: an unmarked paragraph stays the same node.
    await page.evaluate(() => (document.getElementById("para-1").dataset.tag = "before"));
    await chip.click();
    assert.match(await page.textContent("#status"), /^Highlighted 3 places/);
    assert.equal(await page.getAttribute("#para-1", "data-tag"), "before");
    assert.equal(await chip.getAttribute("aria-pressed"), "true");
    assert.deepEqual(await page.locator("#article mark").allTextContents(), ["Tobias Renn", "Renn", "Renn"]);
    assert.equal(await page.locator("#article .removed mark").count(), 0, "never in removed parts");

    // A mention in the title is marked there.
    await page.getByRole("button", { name: /^Port Ellis/ }).click();
    assert.deepEqual(await page.locator("#title mark").allTextContents(), ["Port Ellis"]);
    assert.deepEqual(await page.locator("#article mark").allTextContents(), ["PORT ELLIS"]);
    assert.equal(await chip.getAttribute("aria-pressed"), "false");

    // A fact marks its source sentence, across the joined line break.
    const facts = page.locator("#facts .fact");
    assert.equal(await facts.count(), 2);
    await facts.first().click();
    assert.deepEqual(await page.locator("#article mark").allTextContents(), ["Mayor Tobias Renn reopened the harbour on Friday."]);
    assert.equal(await facts.first().getAttribute("aria-pressed"), "true");
    // After the astral character, offsets still land right.
    await facts.nth(1).click();
    assert.deepEqual(await page.locator("#article mark").allTextContents(), ["Renn thanked the engineers."]);
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("mark").count(), 0);

    // A restored part's mentions can be marked too.
    await page.locator("#article [data-run-toggle]").first().click();
    await page.locator("#article .restore").first().click();
    await page.getByRole("button", { name: /^\$4\.2 million/ }).click();
    assert.deepEqual(await page.locator("#article mark").allTextContents(), ["$4.2 million"]);
  } finally {
    await t.finish();
  }
});

test("a big paste is cleaned without being put in the text box", async () => {
  const base = readFileSync(join(WWW, "example.txt"), "utf8").split("\n").slice(2, 9);
  let big = "Night Trains Everywhere\n\n";
  for (let i = 0; big.length < 1_500_000; i++) big += `${base.map((line) => `${line} (${i})`).join("\n\n")}\n\n`;
  const t = await open();
  try {
    const { page } = t;
    await nextReport(page, () => paste(page, "#source", big));
    assert.equal(await page.inputValue("#source"), "", "the box stays light");
    assert.match(await page.textContent("#big-note"), /not shown in the box/);
    assert.match(await page.textContent("#stats"), new RegExp(`Characters in${[...big].length.toLocaleString("en")}`));
    // A name selected at once is counted once every part is drawn.
    await page.locator("#entities .chip").first().click();
    await page.waitForFunction(() => /^Highlighted \d{1,3}(,\d{3})* places? in the text\.$/.test(document.getElementById("status").textContent));
    // Typing replaces it.
    await nextReport(page, () => page.fill("#source", readFileSync(join(WWW, "example.txt"), "utf8")));
    assert.equal(await page.isVisible("#big-note"), false);
    assert.match(await page.textContent("#title"), /^Valdoria/);
  } finally {
    await t.finish();
  }
});

test("a long run of removed parts is folded behind a button", async () => {
  const t = await open();
  try {
    const { page } = t;
    const lines = ["A Story", "The only paragraph of the story, long enough to be kept."];
    for (let i = 0; i < 100; i++) lines.push(`- Link number ${i}`);
    const input = lines.join("\n");
    let at = input.indexOf("- Link");
    const removed = lines.slice(2).map((text) => {
      const part = { text, start: at, end: at + text.length, reason: "navigation", rule: "link-list" };
      at += text.length + 1;
      return part;
    });
    const report = {
      schema: 1, language: "en", title: "A Story", byline: null, source: null, published: null,
      text: lines[1], paragraphs: [{ text: lines[1], start: 8, end: 8 + lines[1].length }],
      removed, entities: [], facts: [], warnings: [],
      stats: { input_chars: input.length, text_chars: lines[1].length, duplicates_removed: 0, boilerplate_removed: 100, elapsed_ms: 1 },
    };
    await page.evaluate(async ({ report, input }) => (await import("./main.js")).app.show(report, input), { report, input });
    // Folded: one line for the whole run.
    assert.equal(await page.locator("#article .removed[data-index]").count(), 0);
    assert.equal(await page.locator("#article .run-summary").textContent(), "100 removed: link list 100");
    await page.getByLabel("Show all removed parts").check();
    assert.equal(await page.locator("#article .removed[data-index]").count(), 40);
    const more = page.getByRole("button", { name: "Show 60 more removed parts" });
    await more.click();
    assert.equal(await page.locator("#article .removed[data-index]").count(), 100);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.restore), "40", "focus moves to the first shown part");
    // A run restores at once, and a kind too.
    await page.getByLabel("Show all removed parts").uncheck();
    await page.getByRole("button", { name: /^Restore all 100/ }).click();
    assert.equal(await page.locator("#article .removed.restored").count(), 100);
    assert.match(await page.textContent("#status"), /100 restored/);
    await page.evaluate(async ({ report, input }) => (await import("./main.js")).app.show(report, input), { report, input });
    await page.locator("#by-kind-summary").click();
    await page.getByRole("button", { name: "Restore all link list (100)" }).click();
    assert.equal(await page.locator("#article .removed.restored").count(), 100);
  } finally {
    await t.finish();
  }
});

test("odd inputs: empty plain and HTML pastes, and a binary file, give one 'Nothing to clean' state", async () => {
  const t = await open();
  try {
    const { page } = t;
    const sample = readFileSync(join(WWW, "example.txt"), "utf8");
    await nextReport(page, () => paste(page, "#source", sample));
    assert.equal(await page.getAttribute("#skip", "hidden"), null, "a result: the skip link is there");
    for (const [what, text, html] of [
      ["plain", " \n ", undefined],
      ["HTML", "", "<p> </p><div></div>"],
    ]) {
      await paste(page, "#source", text, html);
      await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Nothing to clean"));
      assert.equal(await page.isHidden("#result"), true, `${what}: no empty card`);
      assert.notEqual(await page.getAttribute("#skip", "hidden"), null, `${what}: no skip link without a result`);
    }
    // A PNG opened as a file: a warning, and no paragraph, name or fact.
    const png = Buffer.alloc(6000);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let i = 8, x = 7; i < png.length; i++) png[i] = x = (x * 1103515245 + 12345) & 0xff;
    await page.setInputFiles("#file", { name: "photo.png", mimeType: "image/png", buffer: png });
    await page.waitForFunction(() => /^Nothing to clean: .*binary/.test(document.getElementById("status").textContent));
    assert.equal(await page.isHidden("#result"), true);
  } finally {
    await t.finish();
  }
});
