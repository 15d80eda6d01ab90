// <article-cleaner>: the cleaner as one element for a CMS.
//
//   <script type="module" src="widget.js"></script>
//   <article-cleaner></article-cleaner>                 its own paste box
//   <article-cleaner for="body" title-for="title"></article-cleaner>
//                      cleans the host's <textarea id="body"> (or a
//                      contenteditable) and offers "Replace with cleaned text"
//   theme="auto|light|dark"   auto (default): the host page's colour scheme
//
// The analysis runs in a Web Worker (engine.js, as on the page): the host
// page never waits for it. A newer text cancels an analysis under way.
// Each analysis fires a `cleaned` CustomEvent (bubbles, composed) whose
// `detail` is the report. Everything lives in a shadow root whose styles
// reset what the host page passes down, so host CSS cannot restyle it and
// its CSS cannot leak; the host page can tune the colours with --ac-accent,
// --ac-bg, --ac-text, --ac-muted, --ac-line. Pasted content is only ever
// shown as text.
import { createEngine } from "./engine.js";
import { formatCount, layout, reasonLabel, removedRuns, runSummary, toText } from "./report.js";

const DELAY_MS = 250;
const BIG_INPUT = 200_000; // from this size on, a progress bar while cleaning
const DRAW_BATCH = 200; // rows drawn per task
const PREVIEW_CHARS = 20_000; // the preview shows this much of a long result
const PARTS_SHOWN = 200; // parts of a run shown at a time
const GROUP_BATCH = 5_000; // parts grouped into runs per task
const CHARS_PER_MS = 2_000; // a rough analysis speed, for the progress bar

const CSS = `
:host { display: block; contain: content; }
:host([hidden]) { display: none; }
.box { all: initial; display: block; box-sizing: border-box;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: start;
  --bg: var(--ac-bg, #fff); --text: var(--ac-text, #1d1d1f); --muted: var(--ac-muted, #55555d);
  --line: var(--ac-line, #8f8d86); --accent: var(--ac-accent, #1f5fbf); --on-accent: #fff; --soft: #f1f0ec;
  --focus: #b35c00;
  color: var(--text); background: var(--bg); color-scheme: light;
  border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 0.9rem; }
.box.dark { --bg: var(--ac-bg, #1d1d21); --text: var(--ac-text, #ececf0); --muted: var(--ac-muted, #b4b4be);
  --line: var(--ac-line, #6a6a74); --accent: var(--ac-accent, #8db4ff); --on-accent: #0d1422; --soft: #26262b;
  --focus: #ffb347; color-scheme: dark; }
.box * { box-sizing: border-box; }
p { margin: 0; }
.head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.5rem; margin: 0 0 0.4rem; }
.name { font-weight: 700; }
.tag { color: var(--muted); font-size: 0.85em; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
textarea { display: block; width: 100%; min-height: 7rem; resize: vertical; padding: 0.5rem; margin: 0;
  font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.status { margin: 0.4rem 0; color: var(--muted); min-height: 1.45em; }
progress { display: block; width: 100%; height: 0.5rem; margin: 0.2rem 0 0.4rem; accent-color: var(--accent); }
progress[hidden] { display: none; }
.actions { display: flex; flex-wrap: wrap; gap: 0.4rem; }
button { font: inherit; margin: 0; padding: 0.35rem 0.75rem; border-radius: 6px; border: 1px solid var(--line);
  background: var(--bg); color: var(--text); cursor: pointer; min-height: 2.1rem; text-transform: none; letter-spacing: normal; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent); font-weight: 600; }
button.small { padding: 0.1rem 0.5rem; min-height: 1.75rem; font-size: 0.9em; }
button:disabled { cursor: default; background: var(--soft); border-color: var(--line); color: var(--muted); }
button[hidden] { display: none; }
button:focus-visible, textarea:focus-visible, .preview:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.removed { margin-top: 0.5rem; }
.removed[hidden], ul[hidden] { display: none; }
button.disclosure { border: 0; background: none; padding: 0.2rem 0; min-height: 1.75rem; }
button.disclosure::before { content: "▸" / ""; display: inline-block; width: 1em; }
button.disclosure[aria-expanded="true"]::before { content: "▾" / ""; }
ul { margin: 0.35rem 0 0; padding: 0; list-style: none; max-height: 16rem; overflow: auto; }
li { padding: 0.3rem 0.45rem; background: var(--soft); border-radius: 4px; color: var(--text); overflow-wrap: anywhere; }
li + li { margin-top: 0.25rem; }
.run-line { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.25rem 0.5rem; }
ul.parts { max-height: none; overflow: visible; margin: 0.3rem 0 0 0.5rem; }
ul.parts li { background: var(--bg); }
.reason { font-weight: 600; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.03em; margin-right: 0.35rem; color: var(--muted); }
.preview { margin-top: 0.5rem; padding: 0.5rem 0.65rem; border: 1px solid var(--line); border-radius: 6px;
  max-height: 18rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.preview:empty { display: none; }
`;

let sheet = null;
function styles() {
  // A constructed stylesheet: no inline <style>, so a strict host CSP holds.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

export class ArticleCleaner extends HTMLElement {
  static observedAttributes = ["for", "theme"];

  #root;
  #ui = {};
  #host = null;
  #report = null;
  #timer = 0;
  #run = 0;
  #undo = null;
  #writing = false;
  #engine = null;
  #draw = 0; // bumps to stop the batches of an older drawing
  #scheme = null;
  #onHostInput = (event) => {
    // The body changed (by hand, or by the editor): the widget's Undo no
    // longer knows what to restore, and a running analysis is stale.
    if (!this.#writing && this.#undo) this.#dropUndo();
    this.#engine?.cancel();
    // A paste or a drop is cleaned at once, once the browser has drawn
    // it (a big paste's own layout is long enough); typing waits for a pause.
    if (/^insertFrom(Paste|Drop)/.test(event?.inputType ?? "")) {
      clearTimeout(this.#timer);
      const run = this.#run;
      requestAnimationFrame(() => {
        if (run === this.#run) this.#schedule(0);
      });
    } else this.#schedule();
  };
  #onSchemeChange = () => this.#applyTheme();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.adoptedStyleSheets = [styles()];
  }

  /** The last report, or null. */
  get report() {
    return this.#report;
  }

  /** The cleaned article as plain text (title first), or "". */
  get cleanedText() {
    return this.#report ? toText(this.#report) : "";
  }

  /** Where analyses run: "worker", "main thread" or "idle". */
  get engineMode() {
    return this.#engine?.mode ?? "idle";
  }

  connectedCallback() {
    this.#engine ??= createEngine();
    // Its worker starts now: the widget's files all load with the page.
    this.#engine.warmUp().catch(() => undefined);
    this.#scheme ??= window.matchMedia?.("(prefers-color-scheme: dark)") ?? null;
    this.#scheme?.addEventListener?.("change", this.#onSchemeChange);
    this.#render();
    this.#attach();
  }

  disconnectedCallback() {
    this.#detach();
    clearTimeout(this.#timer);
    this.#engine?.cancel();
    this.#scheme?.removeEventListener?.("change", this.#onSchemeChange);
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    if (name === "theme") {
      this.#applyTheme();
      return;
    }
    this.#detach();
    this.#render();
    this.#attach();
  }

  /** Analyses now; resolves to the report (null when there is no text or a newer text took over). */
  async clean() {
    clearTimeout(this.#timer);
    this.#engine ??= createEngine();
    const run = ++this.#run;
    const source = this.#source();
    if (!source.text.trim() && !source.html.trim()) {
      this.#engine.cancel();
      this.#show(null);
      return null;
    }
    const size = Math.max(source.text.length, source.html.length);
    const progress = size >= BIG_INPUT ? this.#progress(run, size) : null;
    let report;
    try {
      report = source.html.trim() ? await this.#engine.analyze(source.html, { input: "html" }) : null;
      // No article in the markup: read the text.
      if (run === this.#run && (!report || report.paragraphs.length === 0)) {
        report = await this.#engine.analyze(source.text, { input: source.kind });
      }
    } catch (e) {
      if (!e?.superseded && run === this.#run) this.#status(`Could not clean: ${e?.message ?? e}`);
      return null;
    } finally {
      progress?.stop();
    }
    if (run !== this.#run) return null;
    this.#show(report);
    this.dispatchEvent(new CustomEvent("cleaned", { detail: report, bubbles: true, composed: true }));
    return report;
  }

  /** Replaces the host field's content with the cleaned text, through the browser's editing (its undo works). */
  replace() {
    const host = this.#host;
    const report = this.#report;
    if (!host || !report) return;
    const titleField = this.#titleField();
    const fillTitle = Boolean(titleField && report.title && !titleField.value.trim());
    const body = titleField ? `${report.text}\n` : toText(report);
    const before = { body: readField(host), title: titleField?.value };
    // The title first: the body is then the last edit, the one Ctrl+Z in it undoes.
    if (fillTitle) this.#write(titleField, report.title.trim());
    this.#write(host, body);
    this.#undo = before;
    this.#ui.undo.hidden = false;
    this.#ui.undo.focus();
    this.#status(`Replaced with the cleaned text${fillTitle ? " and filled in the title" : ""}.`);
  }

  #render() {
    const forId = this.getAttribute("for");
    const box = el("div", { class: "box", part: "box" });
    const head = el("p", { class: "head" }, el("span", { class: "name" }, "Article Cleaner"), el("span", { class: "tag" }, "runs on this device; nothing is sent"));
    box.append(head);
    this.#ui = { box };
    if (!forId) {
      const id = "ac-input";
      this.#ui.input = el("textarea", { id, part: "input", spellcheck: "false", placeholder: "Paste an article here" });
      box.append(el("label", { for: id }, "Paste an article"), this.#ui.input);
      this.#ui.input.addEventListener("input", () => {
        this.#engine.cancel();
        this.#schedule();
      });
    }
    this.#ui.status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    this.#ui.progress = el("progress", { hidden: "", "aria-label": "Cleaning" });
    box.append(this.#ui.status, this.#ui.progress);
    const actions = el("div", { class: "actions" });
    if (forId) {
      this.#ui.clean = el("button", { type: "button" }, "Clean again");
      this.#ui.replace = el("button", { type: "button", class: "primary", disabled: "" }, "Replace with cleaned text");
      this.#ui.undo = el("button", { type: "button", hidden: "" }, "Undo");
      this.#ui.clean.addEventListener("click", () => this.clean());
      this.#ui.replace.addEventListener("click", () => this.replace());
      this.#ui.undo.addEventListener("click", () => this.#undoReplace());
      actions.append(this.#ui.replace, this.#ui.clean, this.#ui.undo);
    } else {
      this.#ui.copy = el("button", { type: "button", class: "primary", disabled: "" }, "Copy cleaned text");
      this.#ui.copy.addEventListener("click", () => this.#copy());
      actions.append(this.#ui.copy);
    }
    box.append(actions);
    // A disclosure button, not <details>: in Chromium a <details> on the
    // page makes every edit of a big host textarea crawl (a 2 MB paste took
    // a minute instead of seconds).
    this.#ui.removedBox = el("div", { class: "removed", hidden: "" });
    this.#ui.removedSummary = el("button", { type: "button", class: "disclosure", "aria-expanded": "false", "aria-controls": "ac-removed-list" });
    this.#ui.removedList = el("ul", { class: "runs", id: "ac-removed-list", hidden: "" });
    this.#ui.removedBox.append(this.#ui.removedSummary, this.#ui.removedList);
    // The list is drawn when opened, a batch at a time.
    this.#ui.removedSummary.addEventListener("click", () => {
      const open = this.#ui.removedList.hidden;
      this.#ui.removedList.hidden = !open;
      this.#ui.removedSummary.setAttribute("aria-expanded", String(open));
      if (open && !this.#ui.removedList.hasChildNodes()) this.#drawRuns();
    });
    box.append(this.#ui.removedBox);
    if (!forId) {
      this.#ui.preview = el("div", { class: "preview", part: "preview", tabindex: "0", role: "region", "aria-label": "Cleaned text" });
      box.append(this.#ui.preview);
    }
    this.#root.replaceChildren(box);
    this.#applyTheme();
  }

  /** light or dark: the attribute, else the colour the host paints around the widget. */
  #applyTheme() {
    const box = this.#ui.box;
    if (!box) return;
    const theme = (this.getAttribute("theme") ?? "auto").toLowerCase();
    const dark = theme === "dark" || (theme !== "light" && hostLooksDark(this));
    box.classList.toggle("dark", dark);
  }

  #attach() {
    const forId = this.getAttribute("for");
    if (!forId) return;
    this.#host = document.getElementById(forId);
    if (!this.#host) {
      this.#status(`No field with id "${forId}" on this page.`);
      return;
    }
    this.#host.addEventListener("input", this.#onHostInput);
    this.#schedule(0);
  }

  #detach() {
    this.#host?.removeEventListener("input", this.#onHostInput);
    this.#host = null;
  }

  #schedule(delay = DELAY_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.clean(), delay);
  }

  #source() {
    if (!this.#host) return { text: this.#ui.input?.value ?? "", html: "", kind: "auto" };
    if (isTextField(this.#host)) return { text: this.#host.value, html: "", kind: "auto" };
    // A contenteditable: its markup, and its text as a fallback.
    return { text: this.#host.innerText ?? this.#host.textContent ?? "", html: this.#host.innerHTML, kind: "text" };
  }

  #titleField() {
    const id = this.getAttribute("title-for");
    const field = id ? document.getElementById(id) : null;
    return field && isTextField(field) ? field : null;
  }

  /** A progress bar and a ticking status while a big input is cleaned. */
  #progress(run, size) {
    const ui = this.#ui;
    const started = performance.now();
    const say = () => {
      if (run !== this.#run) return;
      const seconds = (performance.now() - started) / 1000;
      this.#status(`Cleaning ${formatCount(size)} characters…${seconds >= 1 ? ` ${seconds.toFixed(0)} s` : ""}`);
      ui.progress.value = Math.min(0.95, (seconds * 1000) / expected);
    };
    // A determinate bar moved once a second (an indeterminate one animates
    // every frame, and each frame repaints the host's big field).
    const expected = Math.max(500, size / CHARS_PER_MS);
    ui.progress.max = 1;
    ui.progress.value = 0;
    ui.progress.hidden = false;
    say();
    const ticker = setInterval(say, 1000);
    return {
      stop: () => {
        clearInterval(ticker);
        if (run === this.#run) ui.progress.hidden = true;
      },
    };
  }

  #show(report) {
    this.#report = report;
    this.#applyTheme();
    const ui = this.#ui;
    this.#draw++;
    ui.progress.hidden = true;
    ui.removedList.replaceChildren();
    if (!report) {
      this.#status("Nothing to clean.");
      ui.removedBox.hidden = true;
      if (ui.preview) ui.preview.textContent = "";
      if (ui.replace) ui.replace.disabled = true;
      if (ui.copy) ui.copy.disabled = true;
      return;
    }
    const { duplicates_removed: dups, boilerplate_removed: other } = report.stats;
    const kept = report.paragraphs.length;
    this.#status(
      `${formatCount(kept)} paragraph${kept === 1 ? "" : "s"} kept; ${formatCount(dups)} repeated and ${formatCount(other)} other part${other === 1 ? "" : "s"} removed.` +
        (report.warnings.length ? ` Note: ${report.warnings[0]}` : ""),
    );
    ui.removedSummary.textContent = `What was removed (${formatCount(report.removed.length)})`;
    ui.removedBox.hidden = report.removed.length === 0;
    if (!ui.removedList.hidden) this.#drawRuns();
    if (ui.preview) {
      const text = toText(report);
      ui.preview.textContent =
        text.length > PREVIEW_CHARS
          ? `${text.slice(0, PREVIEW_CHARS)}…\n\n(The first ${formatCount(PREVIEW_CHARS)} of ${formatCount(text.length)} characters; Copy takes all.)`
          : text;
    }
    if (ui.replace) ui.replace.disabled = kept === 0 || report.removed.length === 0;
    if (ui.copy) ui.copy.disabled = kept === 0;
  }

  /** The removed parts, one line per run between kept paragraphs: grouped, then drawn, a batch per task. */
  #drawRuns() {
    const report = this.#report;
    if (!report) return;
    const token = ++this.#draw;
    const list = this.#ui.removedList;
    list.replaceChildren();
    const items = layout(report);
    const runs = [];
    let at = 0;
    const group = () => {
      if (token !== this.#draw) return;
      // The items of the runs, GROUP_BATCH at a time, cut at a kept paragraph.
      let stop = Math.min(items.length, at + GROUP_BATCH);
      while (stop < items.length && items[stop - 1].kind === "removed" && items[stop].kind === "removed") stop++;
      runs.push(...removedRuns(items.slice(at, stop)));
      at = stop;
      if (at < items.length) setTimeout(group, 0);
      else draw();
    };
    let next = 0;
    const draw = () => {
      if (token !== this.#draw) return;
      const stop = Math.min(runs.length, next + DRAW_BATCH);
      const fragment = document.createDocumentFragment();
      for (; next < stop; next++) fragment.append(this.#runRow(runs[next]));
      list.append(fragment);
      if (next < runs.length) setTimeout(draw, 0);
    };
    group();
  }

  #runRow(run) {
    const row = el("li", {});
    if (run.items.length === 1) {
      const it = run.items[0];
      row.append(el("span", { class: "reason" }, reasonLabel(it.part)), it.text);
      return row;
    }
    const show = el("button", { type: "button", class: "small", "aria-expanded": "false" }, "Show");
    const parts = el("ul", { class: "parts", hidden: "" });
    show.addEventListener("click", () => {
      const open = parts.hidden;
      parts.hidden = !open;
      show.setAttribute("aria-expanded", String(open));
      show.textContent = open ? "Hide" : "Show";
      if (open && !parts.hasChildNodes()) this.#drawParts(run, parts);
    });
    row.append(el("div", { class: "run-line" }, el("span", {}, runSummary(run)), show), parts);
    return row;
  }

  /** The parts of a run, a batch at a time; past PARTS_SHOWN, behind a "Show more" button. */
  #drawParts(run, list, from = 0) {
    const token = this.#draw;
    const end = Math.min(run.items.length, from + PARTS_SHOWN);
    let next = from;
    const batch = () => {
      if (token !== this.#draw) return;
      const stop = Math.min(end, next + DRAW_BATCH);
      const fragment = document.createDocumentFragment();
      for (; next < stop; next++) {
        const it = run.items[next];
        fragment.append(el("li", {}, el("span", { class: "reason" }, reasonLabel(it.part)), it.text));
      }
      if (next === end && end < run.items.length) {
        const left = run.items.length - end;
        const more = el("button", { type: "button", class: "small" }, `Show ${formatCount(Math.min(left, PARTS_SHOWN))} more of ${formatCount(left)}`);
        more.addEventListener("click", () => {
          more.parentElement.remove();
          this.#drawParts(run, list, end);
        });
        fragment.append(el("li", {}, more));
      }
      list.append(fragment);
      if (next < end) setTimeout(batch, 0);
    };
    batch();
  }

  #undoReplace() {
    if (!this.#undo || !this.#host) return;
    const titleField = this.#titleField();
    if (titleField && this.#undo.title !== undefined && titleField.value !== this.#undo.title) {
      this.#write(titleField, this.#undo.title);
    }
    this.#write(this.#host, this.#undo.body);
    this.#dropUndo();
    this.#status("Restored the original text.");
  }

  #dropUndo() {
    this.#undo = null;
    if (this.#ui.undo) this.#ui.undo.hidden = true;
  }

  /** Writes through the browser's editing path, so that the field's own undo (Ctrl+Z) works. */
  #write(node, text) {
    this.#writing = true;
    try {
      writeField(node, text);
    } finally {
      this.#writing = false;
    }
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(this.cleanedText);
      this.#status("Copied the cleaned text.");
    } catch {
      this.#status("The browser refused to copy; select the text below instead.");
    }
  }

  #status(text) {
    if (this.#ui.status) this.#ui.status.textContent = text;
  }
}

function isTextField(node) {
  return node instanceof HTMLTextAreaElement || node instanceof HTMLInputElement;
}

function readField(node) {
  return isTextField(node) ? node.value : node.innerText;
}

/**
 * Writes text into a field. A textarea or input: selected and typed over
 * with execCommand("insertText"), the editing path its undo history
 * records (falling back to setting its value). A contenteditable: <p>
 * nodes. Either way the field fires `input`.
 */
function writeField(node, text) {
  if (isTextField(node)) {
    node.focus();
    node.select();
    let typed = false;
    try {
      typed = document.execCommand("insertText", false, text) && node.value === text;
    } catch {
      typed = false;
    }
    if (typed) return; // the browser fired `input` itself
    node.value = text;
  } else {
    const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim());
    node.replaceChildren(...paragraphs.map((p) => el("p", {}, p.trim())));
  }
  node.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Whether the page paints a dark colour behind `node` (its nearest opaque background, else the canvas). */
function hostLooksDark(node) {
  for (let n = node; n; n = n.parentElement ?? n.getRootNode?.().host ?? null) {
    const rgb = parseRgb(getComputedStyle(n).backgroundColor);
    if (rgb && rgb[3] >= 0.5) return luminance(rgb) < 0.18;
  }
  // Nothing painted: the canvas, dark only when the page opts in to a dark scheme.
  const scheme = getComputedStyle(document.documentElement).colorScheme ?? "";
  if (!/\bdark\b/.test(scheme)) return false;
  if (!/\blight\b/.test(scheme)) return true;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
}

function parseRgb(text) {
  const m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text ?? "");
  if (!m) return null;
  let alpha = m[4] === undefined ? 1 : parseFloat(m[4]);
  if (m[4]?.endsWith("%")) alpha /= 100;
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

function luminance([r, g, b]) {
  const lin = (c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

if (!customElements.get("article-cleaner")) customElements.define("article-cleaner", ArticleCleaner);
