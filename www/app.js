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
  highlights,
  layout,
  mergeRanges,
  reasonLabel,
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
    setSource(text, kind);
    setStatus(`Opened ${file.name}.${note}`);
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
      state.report = null;
      ui.result.hidden = true;
      updateRichNote(null);
      setStatus("");
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
    show(report, input);
    updateRichNote(rich);
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
      ui.richNoteText.textContent = "Reading the rich-text (HTML) version of your paste.";
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
    ui.result.hidden = false;
    // How many reports have been shown: lets tests wait for the next one.
    ui.result.dataset.shown = String(Number(ui.result.dataset.shown ?? 0) + 1);
    renderHead();
    renderWarnings();
    renderArticle();
    renderFacts();
    renderEntities();
    renderStats();
    setStatus(summary());
  }

  function summary() {
    const r = state.report;
    const edited = applyRestorations(r, state.restored);
    const parts = [`${edited.paragraphs.length} paragraph${edited.paragraphs.length === 1 ? "" : "s"} kept`];
    parts.push(`${edited.stats.duplicates_removed} repeated`);
    parts.push(`${edited.stats.boilerplate_removed} other part${edited.stats.boilerplate_removed === 1 ? "" : "s"} removed`);
    if (state.restored.size) parts.push(`${state.restored.size} restored`);
    return `Cleaned in ${formatMs(r.stats.elapsed_ms)}: ${parts.join(", ")}.`;
  }

  function renderHead() {
    const r = state.report;
    const marks = activeHighlights().inHeader;
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
    const none = { bySegment: new Map(), inHeader: { title: [], byline: [] } };
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
  // of paragraphs) never blocks the page; a long run of removed parts is
  // folded behind a "show more" button.
  function renderArticle() {
    const token = ++state.renderToken;
    const marks = activeHighlights().bySegment;
    const items = layout(state.report, state.restored);
    ui.article.replaceChildren();
    ui.article.classList.toggle("hide-removed", !ui.showRemoved.checked);
    if (!items.length) {
      ui.article.append(el("p", { class: "empty" }, "Nothing to show: the input holds no article text."));
      return;
    }
    let next = 0;
    let run = null; // { box, shown, folded: [], more }
    const batch = () => {
      if (token !== state.renderToken) return; // a newer rendering took over
      const stop = Math.min(items.length, next + RENDER_BATCH);
      const fragment = document.createDocumentFragment();
      for (; next < stop; next++) {
        const it = items[next];
        if (it.kind === "kept") {
          const p = el("p", { class: "para", id: `para-${it.index}` });
          p.append(el("span", { class: "pnum", "aria-hidden": "true" }, String(it.index + 1)));
          const body = el("span", { class: "ptext" });
          fillWithMarks(body, it.text, marks.get(key(it)) ?? []);
          p.append(body);
          fragment.append(p);
          run = null;
          continue;
        }
        // Removed parts in a row share one box; each keeps its own button.
        if (!run) {
          run = { box: el("div", { class: "removed-run" }), shown: 0, folded: [], more: null };
          fragment.append(run.box);
        }
        if (run.shown >= RUN_SHOWN && !it.restored && (run.folded.length > 0 || remainingInRun(items, next) > RUN_FOLD - RUN_SHOWN)) {
          fold(run, it);
          continue;
        }
        run.box.append(removedRow(it, marks.get(key(it)) ?? []));
        run.shown++;
      }
      ui.article.append(fragment);
      if (next < items.length) setTimeout(batch, 0);
    };
    batch();
  }

  function remainingInRun(items, from) {
    let n = 0;
    while (from + n < items.length && items[from + n].kind === "removed" && n <= RUN_FOLD) n++;
    return n;
  }

  function fold(run, it) {
    run.folded.push(it);
    if (!run.more) {
      run.more = el("button", { type: "button", class: "show-more" });
      run.more.addEventListener("click", () => unfold(run));
      run.box.append(el("div", { class: "removed fold" }, run.more));
    }
    const n = run.folded.length;
    run.more.textContent = `Show ${formatCount(n)} more removed part${n === 1 ? "" : "s"}`;
  }

  function unfold(run) {
    const holder = run.more.parentElement;
    const rows = run.folded.map((it) => removedRow(it, []));
    run.folded = [];
    holder.replaceWith(...rows);
    rows[0]?.querySelector("button")?.focus();
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
        section.append(el("h4", { id }, `${group.label} `, el("span", { class: "group-count" }, `(${group.items.length})`)));
        const chips = el("div", { class: "chips" });
        for (const { entity, index } of group.items) {
          const mentions = entity.count === 1 ? "1 mention" : `${entity.count} mentions`;
          const aliases = entity.aliases.length ? `; also ${entity.aliases.join(", ")}` : "";
          const chip = el(
            "button",
            {
              type: "button",
              class: `chip type-${group.type}`,
              "data-entity": String(index),
              "aria-pressed": "false",
              "aria-label": `${entity.name}, ${mentions}${aliases}`,
              title: entity.aliases.length ? `Also: ${entity.aliases.join(", ")}` : "",
            },
            el("span", { class: "chip-name" }, entity.name),
            el("span", { class: "chip-count", "aria-hidden": "true" }, String(entity.count)),
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

  function refresh({ keepStatus = false } = {}) {
    renderHead();
    renderArticle();
    renderStats();
    for (const chip of ui.entities.querySelectorAll("[data-entity]")) {
      chip.setAttribute("aria-pressed", String(state.active?.kind === "entity" && state.active.index === Number(chip.dataset.entity)));
    }
    for (const fact of ui.facts.querySelectorAll("[data-fact]")) {
      fact.setAttribute("aria-pressed", String(state.active?.kind === "fact" && state.active.index === Number(fact.dataset.fact)));
    }
    if (!keepStatus) setStatus(summary());
  }

  // ---- interactions on the result ------------------------------------

  ui.article.addEventListener("click", (e) => {
    const button = e.target.closest("[data-restore]");
    if (!button) return;
    const index = Number(button.dataset.restore);
    if (state.restored.has(index)) state.restored.delete(index);
    else state.restored.add(index);
    if (state.active) refresh(); // the highlights may now reach it
    else {
      // Only this row changes: the page keeps its scroll and focus.
      const part = state.report.removed[index];
      const row = removedRow({ kind: "removed", index, part, text: part.text, restored: state.restored.has(index) }, []);
      button.closest(".removed").replaceWith(row);
      renderStats();
      setStatus(summary());
    }
    ui.article.querySelector(`[data-restore="${index}"]`)?.focus();
  });

  ui.showRemoved.addEventListener("change", () => {
    ui.article.classList.toggle("hide-removed", !ui.showRemoved.checked);
  });

  function toggleActive(kind, index) {
    const same = state.active?.kind === kind && state.active.index === index;
    state.active = same ? null : { kind, index };
    refresh({ keepStatus: true });
    const first = ui.result.querySelector("mark");
    if (first) first.scrollIntoView({ block: "center", behavior: prefersReducedMotion() ? "auto" : "smooth" });
    if (state.active) {
      const n = ui.result.querySelectorAll("mark").length;
      setStatus(n ? `Highlighted ${n} place${n === 1 ? "" : "s"} in the text.` : "Not found in the shown text.");
    }
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
    if (e.key === "Escape" && state.active) {
      state.active = null;
      refresh();
    }
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

function formatCount(n) {
  return Number(n).toLocaleString("en");
}

function prefersReducedMotion() {
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}
