// The page: takes a paste, a dropped file or the example, has it analysed
// (engine.js), and renders the report. Everything pasted reaches the DOM
// through textContent and nodes created here, never as markup.
import { createEngine } from "./engine.js";
import example from "./pkg/example.js";
import { textOfHtml } from "./html-text.js";
import {
  CodePoints,
  applyRestorations,
  fileStem,
  groupEntities,
  formatCount,
  highlights,
  kindOf,
  layout,
  mergeRanges,
  reasonLabel,
  removedRuns,
  runSummary,
  toJson,
  toMarkdown,
  toText,
} from "./report.js";

const TYPING_DELAY_MS = 150;
// Larger pastes and files are cleaned but not put in the text box: a
// textarea holding megabytes makes every later change of the page slow.
const BIG_INPUT = 1_000_000;
const RENDER_BATCH = 300; // article items rendered per task
const RUN_FOLD = 60; // a run of removed parts longer than this is folded…
const RUN_SHOWN = 40; // …after this many
const BUSY_NOTE_DELAY_MS = 200;
const NO_MARKS = { bySegment: new Map(), inHeader: { title: [], byline: [] } };

const EXPORTS = {
  text: { render: toText, ext: "txt", mime: "text/plain", name: "text" },
  markdown: { render: toMarkdown, ext: "md", mime: "text/markdown", name: "Markdown" },
  json: { render: toJson, ext: "json", mime: "application/json", name: "JSON" },
};

/** Starts the page; returns a handle (`show`, `analyzeNow`) for tests. */
export function start(engine = createEngine()) {
  const $ = (id) => document.getElementById(id);
  const ui = {
    source: $("source"),
    dropzone: $("dropzone"),
    dropOverlay: $("drop-overlay"),
    file: $("file"),
    status: $("status"),
    bigNote: $("big-note"),
    richNote: $("rich-note"),
    richNoteText: $("rich-note-text"),
    richToggle: $("rich-toggle"),
    result: $("result"),
    title: $("title"),
    meta: $("meta"),
    warnings: $("warnings"),
    article: $("article"),
    showRemoved: $("show-removed"),
    byKind: $("by-kind"),
    byKindSummary: $("by-kind-summary"),
    byKindList: $("by-kind-list"),
    jump: $("jump"),
    skip: $("skip"),
    facts: $("facts"),
    factsEmpty: $("facts-empty"),
    entities: $("entities"),
    entitiesEmpty: $("entities-empty"),
    stats: $("stats"),
  };

  const state = {
    input: "", // exactly what was analysed
    points: null, // CodePoints of input
    report: null,
    restored: new Set(),
    active: null, // { kind: "entity" | "fact", index }
    marks: NO_MARKS, // the highlights of `active`
    openRuns: new Set(), // keys of the runs of removed parts opened by hand
    drawn: Promise.resolve(true), // resolves once the article is drawn
    // A rich-text paste: its HTML, the plain text it put in the box, and
    // whether the HTML is what gets analysed.
    rich: null, // { html, text, useHtml, failed }
    big: null, // { text, what }: a big input kept out of the text box
    kind: "auto", // input kind hint from a dropped file's name
    request: 0,
    timer: 0,
    renderToken: 0,
  };

  // A copy saved with "Save page as…" holds the last rendering: start clean.
  delete document.documentElement.dataset.ready;
  ui.result.hidden = true;
  ui.skip.hidden = true;
  ui.richNote.hidden = true;
  ui.bigNote.hidden = true;
  ui.dropOverlay.hidden = true;
  for (const el of [ui.article, ui.facts, ui.entities, ui.stats, ui.warnings]) el.replaceChildren();
  setStatus("");
  // The single-file build is the offline file itself: served, it offers
  // itself for download; opened from disk, it has nothing to offer.
  if (document.getElementById("ac-worker-source")) {
    const offer = $("offline-offer");
    if (location.protocol === "http:" || location.protocol === "https:") {
      offer.querySelector("a").setAttribute("href", location.href.split("#")[0]);
      offer.querySelector("a").setAttribute("download", "article-cleaner.html");
    } else offer.hidden = true;
  }

  // ---- input ---------------------------------------------------------

  ui.source.addEventListener("paste", (event) => {
    const data = event.clipboardData;
    if (!data) return;
    const html = data.types.includes("text/html") ? data.getData("text/html") : "";
    const plain = data.getData("text/plain");
    const whole = ui.source.selectionStart === 0 && ui.source.selectionEnd === ui.source.value.length;
    if (whole && (plain.length > BIG_INPUT || html.length > BIG_INPUT)) {
      event.preventDefault();
      const text = plain.trim() ? plain : textOfHtml(html);
      state.rich = html.trim() ? { html, text, useHtml: true, failed: false } : null;
      setBig(text, "paste");
      return;
    }
    if (html.trim() && whole) {
      state.rich = { html, text: null, useHtml: true, failed: false };
      if (!plain.trim()) {
        // Only HTML on the clipboard: show its text (read as a string, never as markup).
        event.preventDefault();
        ui.source.value = textOfHtml(html);
        state.rich.text = ui.source.value;
        schedule(0);
      }
    } else {
      state.rich = null;
    }
    state.kind = "auto";
  });

  ui.source.addEventListener("input", () => {
    if (state.big) setBig(null);
    if (state.rich) {
      if (state.rich.text === null) state.rich.text = ui.source.value;
      else if (state.rich.text !== ui.source.value) state.rich = null; // edited by hand
    }
    if (state.kind !== "auto" && ui.source.value === "") state.kind = "auto";
    schedule(state.rich ? 0 : TYPING_DELAY_MS);
  });

  $("example").addEventListener("click", () => {
    setSource(example, "text");
    ui.source.focus();
  });
  $("clear").addEventListener("click", () => {
    setSource("", "auto");
    ui.source.focus();
  });
  $("open-file").addEventListener("click", () => ui.file.click());
  ui.file.addEventListener("change", () => {
    if (ui.file.files?.[0]) openFile(ui.file.files[0]);
    ui.file.value = "";
  });

  // Dropping a file anywhere on the page cleans it; the browser must not
  // navigate to it.
  let dragDepth = 0;
  document.addEventListener("dragenter", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth++;
    ui.dropOverlay.hidden = false;
  });
  document.addEventListener("dragleave", (e) => {
    if (!hasFiles(e)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) ui.dropOverlay.hidden = true;
  });
  document.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("drop", (e) => {
    dragDepth = 0;
    ui.dropOverlay.hidden = true;
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    openFile(file);
  });

  ui.richToggle.addEventListener("click", () => {
    if (!state.rich) return;
    state.rich.useHtml = !state.rich.useHtml;
    state.rich.failed = false;
    schedule(0);
  });

  let opened = ""; // "Opened story.html.", kept before the next summary

  async function openFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text;
    let note = "";
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("utf-8").decode(bytes);
      note = " It is not valid UTF-8: unreadable bytes were replaced by �.";
    }
    const kind = /\.html?$/i.test(file.name) || file.type === "text/html" ? "html" : /\.te?xt$/i.test(file.name) ? "text" : "auto";
    if (kind === "html") {
      // The box shows the page's text; the cleaner reads its HTML.
      const shown = textOfHtml(text);
      setSource(shown, "text");
      state.rich = { html: text, text: shown, useHtml: true, failed: false, file: true };
    } else setSource(text, kind);
    opened = `Opened ${file.name}.${note}`;
    setStatus(opened);
  }

  function setSource(text, kind) {
    state.rich = null;
    state.kind = kind;
    if (text.length > BIG_INPUT) setBig(text, "file");
    else {
      setBig(null);
      ui.source.value = text;
    }
    schedule(0);
  }

  /** Keeps a big input out of the text box (null: back to the box). */
  function setBig(text, what) {
    if (text === null) {
      state.big = null;
      ui.bigNote.hidden = true;
      return;
    }
    state.big = { text, what };
    ui.source.value = "";
    ui.bigNote.hidden = false;
    ui.bigNote.textContent = `Cleaning the ${what === "file" ? "file" : "pasted text"} (${formatCount(text.length)} characters). It is not shown in the box, to keep the page quick; typing or pasting in the box replaces it.`;
    schedule(0);
  }

  // ---- analysis ------------------------------------------------------

  function schedule(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(analyzeNow, delay);
  }

  async function analyzeNow() {
    clearTimeout(state.timer);
    const rich = state.rich;
    const useHtml = Boolean(rich && rich.useHtml && !rich.failed);
    const plain = state.big ? state.big.text : ui.source.value;
    const input = useHtml ? rich.html : plain;
    const options = { input: useHtml ? "html" : state.kind };
    const request = ++state.request;
    if (input.trim() === "") {
      nothingToClean(null);
      updateRichNote(null);
      return;
    }
    const busy = setTimeout(() => {
      if (request === state.request) setStatus(`Cleaning ${formatCount(input.length)} characters…`);
    }, BUSY_NOTE_DELAY_MS);
    let report;
    try {
      report = await engine.analyze(input, options);
    } catch (e) {
      clearTimeout(busy);
      if (e?.superseded || request !== state.request) return;
      setStatus(`The analysis failed: ${e?.message ?? e}`);
      return;
    }
    clearTimeout(busy);
    if (request !== state.request) return;
    if (useHtml && report.paragraphs.length === 0 && (rich.text ?? "").trim() !== "") {
      // The HTML gave no article (or cannot be read yet): use the plain text.
      rich.failed = true;
      rich.failedWhy = report.warnings[0] ?? "it holds no article text";
      return analyzeNow();
    }
    if (report.paragraphs.length === 0 && report.removed.length === 0 && !report.title) {
      nothingToClean(report);
      updateRichNote(null);
      return;
    }
    show(report, input);
    updateRichNote(rich);
  }

  /** One state for every input with no article text (empty, blank, binary): no result, a status line. */
  function nothingToClean(report) {
    state.report = null;
    ui.result.hidden = true;
    ui.skip.hidden = true;
    const why = report?.warnings?.[0];
    setStatus(`Nothing to clean${why ? `: ${why}` : "."}`);
    opened = "";
  }

  function updateRichNote(rich) {
    if (!rich) {
      ui.richNote.hidden = true;
      return;
    }
    ui.richNote.hidden = false;
    if (rich.failed) {
      ui.richNoteText.textContent = `The rich-text (HTML) version of your paste gave no article (${rich.failedWhy}), so the plain text is shown.`;
      ui.richToggle.textContent = "Try the HTML again";
    } else if (rich.useHtml) {
      ui.richNoteText.textContent = rich.file ? "Reading the file's HTML; the box shows its text." : "Reading the rich-text (HTML) version of your paste.";
      ui.richToggle.textContent = "Use the plain text instead";
    } else {
      ui.richNoteText.textContent = "Reading the plain-text version of your paste.";
      ui.richToggle.textContent = "Use the rich text (HTML) instead";
    }
  }

  // ---- rendering -----------------------------------------------------

  /** Renders a report of `input` (also used by tests with a made-up report). */
  function show(report, input) {
    state.report = report;
    state.input = input;
    state.points = new CodePoints(input);
    state.restored = new Set();
    state.active = null;
    state.marks = NO_MARKS;
    state.openRuns = new Set();
    ui.result.hidden = false;
    ui.skip.hidden = false;
    // How many reports have been shown: lets tests wait for the next one.
    ui.result.dataset.shown = String(Number(ui.result.dataset.shown ?? 0) + 1);
    renderHead();
    renderWarnings();
    renderArticle();
    renderFacts();
    renderEntities();
    renderStats();
    renderJump();
    setStatus(`${opened ? `${opened} ` : ""}${summary()}`);
    opened = "";
  }

  function summary() {
    const r = state.report;
    const edited = applyRestorations(r, state.restored);
    const parts = [`${formatCount(edited.paragraphs.length)} paragraph${edited.paragraphs.length === 1 ? "" : "s"} kept`];
    parts.push(`${formatCount(edited.stats.duplicates_removed)} repeated`);
    parts.push(`${formatCount(edited.stats.boilerplate_removed)} other part${edited.stats.boilerplate_removed === 1 ? "" : "s"} removed`);
    if (state.restored.size) parts.push(`${formatCount(state.restored.size)} restored`);
    return `Cleaned in ${formatMs(r.stats.elapsed_ms)}: ${parts.join(", ")}.`;
  }

  function renderHead() {
    const r = state.report;
    const marks = state.marks.inHeader;
    fillWithMarks(ui.title, r.title ?? "", marks.title);
    ui.title.classList.toggle("missing", !r.title);
    if (!r.title) ui.title.textContent = "No title found";
    const bits = [];
    if (r.byline) bits.push(["By ", r.byline, marks.byline]);
    if (r.source) bits.push(["", r.source, []]);
    if (r.published) bits.push(["", r.published, []]);
    ui.meta.replaceChildren();
    bits.forEach(([prefix, text, ranges], i) => {
      if (i > 0) ui.meta.append(" · ");
      const span = document.createElement("span");
      fillWithMarks(span, text, ranges);
      ui.meta.append(prefix, span);
    });
    ui.meta.hidden = bits.length === 0;
  }

  function renderWarnings() {
    const list = state.report.warnings;
    ui.warnings.replaceChildren(...list.map((w) => el("li", {}, w)));
    ui.warnings.hidden = list.length === 0;
  }

  function shownSegments() {
    return layout(state.report, state.restored)
      .filter((it) => it.kind === "kept" || it.restored)
      .map((it) => ({ key: key(it), text: it.text, start: it.start, end: it.end }));
  }

  function activeHighlights() {
    const r = state.report;
    const a = state.active;
    const none = NO_MARKS;
    if (!a) return none;
    const header = { title: r.title, byline: r.byline };
    if (a.kind === "entity") {
      const entity = r.entities[a.index];
      return entity ? highlights(entity.mentions, shownSegments(), state.points, header) : none;
    }
    const fact = r.facts[a.index];
    return fact ? highlights([fact], shownSegments(), state.points, header, { whole: true }) : none;
  }

  // The article is rendered in batches, so that a huge paste (thousands
  // of paragraphs) never blocks the page. Each run of removed parts is
  // folded into one line ("12 removed: navigation menu 9, repeats 3"),
  // unless opened or "Show all removed parts" is on; a long open run is
  // folded again behind a "show more" button.
  function renderArticle() {
    const token = ++state.renderToken;
    const items = layout(state.report, state.restored);
    ui.article.replaceChildren();
    renderKinds();
    if (!items.length) {
      ui.article.append(el("p", { class: "empty" }, "Nothing to show: the input holds no article text."));
      state.drawn = Promise.resolve(true);
      return;
    }
    const blocks = [];
    for (const it of items) {
      if (it.kind === "kept") blocks.push(it);
      else if (blocks.length && blocks[blocks.length - 1].kind === "run") blocks[blocks.length - 1].items.push(it);
      else blocks.push({ kind: "run", key: `run-${it.index}`, items: [it] });
    }
    let next = 0;
    state.drawn = new Promise((resolve) => {
      const batch = () => {
        if (token !== state.renderToken) return resolve(false); // a newer rendering took over
        const fragment = document.createDocumentFragment();
        for (let budget = RENDER_BATCH; next < blocks.length && budget > 0; next++) {
          const block = blocks[next];
          if (block.kind === "kept") {
            fragment.append(paragraph(block));
            budget--;
          } else {
            const node = runNode(block);
            fragment.append(node);
            budget -= node.classList.contains("folded") ? 1 : Math.min(block.items.length, RUN_FOLD);
          }
        }
        ui.article.append(fragment);
        if (next < blocks.length) setTimeout(batch, 0);
        else resolve(true);
      };
      batch();
    });
  }

  function paragraph(it) {
    const p = el("p", { class: "para", id: `para-${it.index}` });
    p.append(el("span", { class: "pnum", "aria-hidden": "true" }, String(it.index + 1)));
    const body = el("span", { class: "ptext" });
    fillWithMarks(body, it.text, state.marks.bySegment.get(key(it)) ?? []);
    p.append(body);
    return p;
  }

  /** A run of removed parts: one folded line, or its rows. */
  function runNode(block) {
    const run = { ...removedRuns(block.items)[0], key: block.key };
    const hasRestored = block.items.some((it) => it.restored);
    const open = ui.showRemoved.checked || state.openRuns.has(block.key) || hasRestored;
    const box = el("div", { class: open ? "removed-run" : "removed-run folded", "data-run": block.key });
    const n = block.items.length;
    const line = () => {
      const restoreAll = el(
        "button",
        { type: "button", class: "link", "data-run-restore": block.key, "aria-label": `Restore all ${formatCount(n)} (${runSummary(run)})` },
        `Restore all ${formatCount(n)}`,
      );
      const toggle = el(
        "button",
        { type: "button", class: "link", "data-run-toggle": block.key, "aria-expanded": String(open), "aria-label": `${open ? "Hide" : "Show"} ${runSummary(run)}` },
        open ? "Hide" : "Show",
      );
      const actions = el("span", { class: "run-actions" }, toggle);
      if (block.items.some((it) => !it.restored)) actions.append(restoreAll);
      return el("div", { class: "run-line" }, el("span", { class: "run-summary" }, runSummary(run)), actions);
    };
    if (!open) {
      box.append(line());
      return box;
    }
    if (!ui.showRemoved.checked) box.append(line());
    let shown = 0;
    let folded = null; // { items, more }
    for (let i = 0; i < n; i++) {
      const it = block.items[i];
      if (shown >= RUN_SHOWN && !it.restored && (folded || n - i > RUN_FOLD - RUN_SHOWN)) {
        if (!folded) {
          folded = { items: [], more: el("button", { type: "button", class: "show-more" }) };
          const holder = el("div", { class: "removed fold" }, folded.more);
          const f = folded;
          folded.more.addEventListener("click", () => {
            const rows = f.items.map((x) => removedRow(x, []));
            holder.replaceWith(...rows);
            rows[0]?.querySelector("button")?.focus();
          });
          box.append(holder);
        }
        folded.items.push(it);
        continue;
      }
      box.append(removedRow(it, state.marks.bySegment.get(key(it)) ?? []));
      shown++;
    }
    if (folded) folded.more.textContent = `Show ${formatCount(folded.items.length)} more removed part${folded.items.length === 1 ? "" : "s"}`;
    return box;
  }

  /** Replaces the run `runKey` in place (the rest of the article is untouched). */
  function redrawRun(runKey) {
    const old = ui.article.querySelector(`[data-run="${runKey}"]`);
    if (!old) return null;
    const first = Number(runKey.slice(4));
    const items = layout(state.report, state.restored);
    let at = items.findIndex((it) => it.kind === "removed" && it.index === first);
    const runItems = [];
    for (; at >= 0 && at < items.length && items[at].kind === "removed"; at++) runItems.push(items[at]);
    const node = runNode({ kind: "run", key: runKey, items: runItems });
    old.replaceWith(node);
    return node;
  }

  /** The kinds of removed parts, each restorable at once. */
  function renderKinds() {
    const counts = new Map();
    state.report.removed.forEach((part, index) => {
      if (state.restored.has(index)) return;
      const kind = kindOf(part);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    });
    const kinds = [...counts].sort((a, b) => b[1] - a[1]);
    const left = kinds.reduce((sum, [, n]) => sum + n, 0);
    ui.byKind.hidden = left === 0;
    ui.byKindSummary.textContent = `${formatCount(left)} part${left === 1 ? "" : "s"} removed: restore by kind`;
    ui.byKindList.replaceChildren(
      ...kinds.map(([kind, n]) =>
        el("li", {}, el("button", { type: "button", class: "link", "data-kind-restore": kind }, `Restore all ${kind} (${formatCount(n)})`)),
      ),
    );
  }

  /** On narrow screens, links from the top of the result to the facts and names. */
  function renderJump() {
    const r = state.report;
    ui.jump.replaceChildren(
      el("a", { href: "#facts-heading" }, `Facts (${formatCount(r.facts.length)})`),
      " · ",
      el("a", { href: "#entities-heading" }, `Names (${formatCount(r.entities.length)})`),
    );
  }

  function removedRow(it, ranges) {
    const label = reasonLabel(it.part);
    const row = el("div", {
      class: `removed${it.restored ? " restored" : ""}`,
      "data-reason": it.part.reason,
      "data-index": String(it.index),
    });
    const text = el("p", { class: "removed-text" });
    if (it.restored) fillWithMarks(text, it.text, ranges);
    else text.textContent = it.text;
    const button = el(
      "button",
      {
        type: "button",
        class: "restore",
        "data-restore": String(it.index),
        "aria-label": `${it.restored ? "Remove again" : "Restore"}: ${label}, “${shorten(it.text, 60)}”`,
      },
      it.restored ? "Remove again" : "Restore",
    );
    const head = el("div", { class: "removed-head" }, el("span", { class: "reason" }, it.restored ? `Restored · ${label}` : label), button);
    row.append(head, text);
    return row;
  }

  function renderFacts() {
    const facts = state.report.facts;
    ui.facts.replaceChildren(
      ...facts.map((fact, index) => {
        const button = el("button", { type: "button", class: "fact", "data-fact": String(index), "aria-pressed": "false" }, fact.text);
        return el("li", {}, button);
      }),
    );
    ui.factsEmpty.hidden = facts.length > 0;
  }

  function renderEntities() {
    const groups = groupEntities(state.report.entities);
    ui.entities.replaceChildren(
      ...groups.map((group) => {
        const id = `entities-${group.type}`;
        const section = el("div", { class: "entity-group", role: "group", "aria-labelledby": id });
        section.append(el("h4", { id }, `${group.label} `, el("span", { class: "group-count" }, `(${formatCount(group.items.length)})`)));
        const chips = el("div", { class: "chips" });
        for (const { entity, index } of group.items) {
          // The accessible name is the visible text ("Tobias Renn 3"), said in full.
          const chip = el(
            "button",
            {
              type: "button",
              class: `chip type-${group.type}`,
              "data-entity": String(index),
              "aria-pressed": "false",
              title: entity.aliases.length ? `Also: ${entity.aliases.join(", ")}` : "",
            },
            el("span", { class: "chip-name" }, entity.name),
            el(
              "span",
              { class: "chip-count" },
              formatCount(entity.count),
              el("span", { class: "visually-hidden" }, ` mention${entity.count === 1 ? "" : "s"}${entity.aliases.length ? `; also ${entity.aliases.join(", ")}` : ""}`),
            ),
          );
          chips.append(chip);
        }
        section.append(chips);
        return section;
      }),
    );
    ui.entitiesEmpty.hidden = groups.length > 0;
  }

  function renderStats() {
    const r = applyRestorations(state.report, state.restored);
    const rows = [
      ["Analysis time", formatMs(r.stats.elapsed_ms)],
      ["Characters in", formatCount(r.stats.input_chars)],
      ["Characters kept", formatCount(r.stats.text_chars)],
      ["Repeats removed", formatCount(r.stats.duplicates_removed)],
      ["Other parts removed", formatCount(r.stats.boilerplate_removed)],
      ["Language", r.language],
      ["Ran in", engine.mode === "worker" ? "a background worker" : "the page"],
    ];
    ui.stats.replaceChildren(...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  }

  function pressed() {
    for (const chip of ui.entities.querySelectorAll("[data-entity]")) {
      chip.setAttribute("aria-pressed", String(state.active?.kind === "entity" && state.active.index === Number(chip.dataset.entity)));
    }
    for (const fact of ui.facts.querySelectorAll("[data-fact]")) {
      fact.setAttribute("aria-pressed", String(state.active?.kind === "fact" && state.active.index === Number(fact.dataset.fact)));
    }
  }

  // ---- interactions on the result ------------------------------------

  ui.article.addEventListener("click", (e) => {
    const toggle = e.target.closest("[data-run-toggle]");
    if (toggle) {
      const runKey = toggle.dataset.runToggle;
      if (toggle.getAttribute("aria-expanded") === "true") state.openRuns.delete(runKey);
      else state.openRuns.add(runKey);
      redrawRun(runKey)?.querySelector("[data-run-toggle]")?.focus();
      return;
    }
    const restoreAll = e.target.closest("[data-run-restore]");
    if (restoreAll) {
      const runKey = restoreAll.dataset.runRestore;
      const box = restoreAll.closest("[data-run]");
      for (const row of box.querySelectorAll("[data-index]")) state.restored.add(Number(row.dataset.index));
      // Folded rows are not drawn: take the run's parts from the layout.
      const first = Number(runKey.slice(4));
      const items = layout(state.report, state.restored);
      for (let at = items.findIndex((it) => it.kind === "removed" && it.index === first); at >= 0 && at < items.length && items[at].kind === "removed"; at++) {
        state.restored.add(items[at].index);
      }
      state.openRuns.add(runKey);
      afterRestore(() => redrawRun(runKey)?.querySelector("[data-run-toggle]")?.focus());
      return;
    }
    const button = e.target.closest("[data-restore]");
    if (!button) return;
    const index = Number(button.dataset.restore);
    if (state.restored.has(index)) state.restored.delete(index);
    else state.restored.add(index);
    afterRestore(() => {
      // Only this row changes: the page keeps its scroll and focus.
      const part = state.report.removed[index];
      const it = { kind: "removed", index, part, text: part.text, restored: state.restored.has(index) };
      button.closest(".removed").replaceWith(removedRow(it, state.marks.bySegment.get(key(it)) ?? []));
      ui.article.querySelector(`[data-restore="${index}"]`)?.focus();
    });
  });

  // A disclosure button, not <details>: in Chromium a <details> on the page
  // makes every edit of a big text box crawl.
  ui.byKindSummary.addEventListener("click", () => {
    const open = ui.byKindList.hidden;
    ui.byKindList.hidden = !open;
    ui.byKindSummary.setAttribute("aria-expanded", String(open));
  });

  ui.byKindList.addEventListener("click", (e) => {
    const button = e.target.closest("[data-kind-restore]");
    if (!button) return;
    const kind = button.dataset.kindRestore;
    state.report.removed.forEach((part, index) => {
      if (kindOf(part) === kind) state.restored.add(index);
    });
    afterRestore(() => renderArticle());
    ui.byKindSummary.focus();
  });

  /** After restorations: the highlights may now reach restored parts; the counts change. */
  function afterRestore(redraw) {
    if (state.active) {
      state.marks = activeHighlights();
      renderHead();
      renderArticle();
    } else redraw();
    renderKinds();
    renderStats();
    setStatus(summary());
  }

  ui.showRemoved.addEventListener("change", () => {
    state.openRuns.clear();
    renderArticle();
  });

  /** Marks the new selection: only the segments whose marks change are redrawn. */
  async function toggleActive(kind, index) {
    const same = state.active?.kind === kind && state.active.index === index;
    const active = same ? null : { kind, index };
    state.active = active;
    const before = state.marks.bySegment;
    state.marks = activeHighlights();
    renderHead();
    for (const k of new Set([...before.keys(), ...state.marks.bySegment.keys()])) remark(k);
    pressed();
    // Parts still being drawn take their marks when drawn: count and scroll once all are.
    await state.drawn;
    if (state.active !== active) return;
    const first = ui.result.querySelector("mark");
    if (first) first.scrollIntoView({ block: "center", behavior: prefersReducedMotion() ? "auto" : "smooth" });
    if (active) {
      const n = ui.result.querySelectorAll("mark").length;
      setStatus(n ? `Highlighted ${formatCount(n)} place${n === 1 ? "" : "s"} in the text.` : "Not found in the shown text.");
    } else setStatus(summary());
  }

  /** Redraws the marks of one shown segment ("k3": paragraph 3, "r7": restored part 7), if drawn. */
  function remark(segmentKey) {
    const index = Number(segmentKey.slice(1));
    const kept = segmentKey[0] === "k";
    const node = kept
      ? ui.article.querySelector(`#para-${index} .ptext`)
      : ui.article.querySelector(`.removed.restored[data-index="${index}"] .removed-text`);
    if (!node) return;
    const text = kept ? state.report.paragraphs[index]?.text : state.report.removed[index]?.text;
    fillWithMarks(node, text ?? "", state.marks.bySegment.get(segmentKey) ?? []);
  }

  ui.entities.addEventListener("click", (e) => {
    const chip = e.target.closest("[data-entity]");
    if (chip) toggleActive("entity", Number(chip.dataset.entity));
  });
  ui.facts.addEventListener("click", (e) => {
    const fact = e.target.closest("[data-fact]");
    if (fact) toggleActive("fact", Number(fact.dataset.fact));
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && state.active) toggleActive(state.active.kind, state.active.index);
  });

  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", () => copy(button.dataset.copy));
  }
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => download(button.dataset.download));
  }

  function exported(format) {
    return EXPORTS[format].render(applyRestorations(state.report, state.restored));
  }

  async function copy(format) {
    if (!state.report) return;
    const text = exported(format);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (e.g. some file:// pages): the old way.
      const area = el("textarea", { class: "visually-hidden", "aria-hidden": "true" });
      area.value = text;
      document.body.append(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      if (!ok) {
        setStatus("Copying was refused by the browser; use Download instead.");
        return;
      }
    }
    setStatus(`Copied as ${EXPORTS[format].name}.`);
  }

  function download(format) {
    if (!state.report) return;
    const spec = EXPORTS[format];
    const blob = new Blob([exported(format)], { type: `${spec.mime};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: `${fileStem(state.report)}.${spec.ext}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Saved ${a.download}.`);
  }

  function setStatus(text) {
    ui.status.textContent = text;
  }

  // Start the worker now, warmed up on the example, so the first paste is
  // quick; the page is ready (for people and tests) once it answers.
  engine
    .warmUp(example)
    .catch(() => undefined)
    .then(() => {
      document.documentElement.dataset.ready = "true";
      if (ui.source.value.trim()) schedule(0); // text restored by the browser
    });

  return { show, analyzeNow, state };
}

// ---- helpers -----------------------------------------------------------

function key(item) {
  return item.kind === "kept" ? `k${item.index}` : `r${item.index}`;
}

/** Creates an element; attributes are set as attributes, children as text or nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== "" && value !== undefined && value !== null) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** Fills `node` with `text`, wrapping the given UTF-16 ranges in <mark>. */
function fillWithMarks(node, text, ranges) {
  node.replaceChildren();
  let at = 0;
  for (const r of mergeRanges(ranges ?? [], text.length)) {
    if (r.from > at) node.append(text.slice(at, r.from));
    node.append(el("mark", {}, text.slice(r.from, r.to)));
    at = r.to;
  }
  if (at < text.length) node.append(text.slice(at));
}

function hasFiles(event) {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

function shorten(text, n) {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

function formatMs(ms) {
  if (!Number.isFinite(ms)) return "–";
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function prefersReducedMotion() {
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}
