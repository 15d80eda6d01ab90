// <article-cleaner>: the cleaner as one element for a CMS.
//
//   <script type="module" src="widget.js"></script>
//   <article-cleaner></article-cleaner>                 its own paste box
//   <article-cleaner for="body" title-for="title"></article-cleaner>
//                      cleans the host's <textarea id="body"> (or a
//                      contenteditable) and offers "Replace with cleaned text"
//
// Each analysis fires a `cleaned` CustomEvent (bubbles, composed) whose
// `detail` is the report. Styles live in the shadow root; the host page
// can tune them with --ac-accent, --ac-bg, --ac-text, --ac-muted, --ac-line.
// Pasted content is only ever shown as text.
import { loadAnalyze } from "./wasm.js";
import { reasonLabel, toText } from "./report.js";

const DELAY_MS = 250;

const CSS = `
:host { display: block; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --bg: var(--ac-bg, #fff); --text: var(--ac-text, #1d1d1f); --muted: var(--ac-muted, #5e5e66);
  --line: var(--ac-line, #d5d3cc); --accent: var(--ac-accent, #1f5fbf); --soft: #f1f0ec; color: var(--text); }
@media (prefers-color-scheme: dark) {
  :host { --bg: var(--ac-bg, #1d1d21); --text: var(--ac-text, #ececf0); --muted: var(--ac-muted, #a9a9b3);
    --line: var(--ac-line, #3a3a42); --accent: var(--ac-accent, #7aa7ff); --soft: #26262b; }
}
:host([hidden]) { display: none; }
.box { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 0.9rem; }
.head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.5rem; margin: 0 0 0.4rem; }
.name { font-weight: 700; }
.tag { color: var(--muted); font-size: 0.85em; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
textarea { box-sizing: border-box; width: 100%; min-height: 7rem; resize: vertical; padding: 0.5rem;
  font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.status { margin: 0.4rem 0; color: var(--muted); min-height: 1.45em; }
.actions { display: flex; flex-wrap: wrap; gap: 0.4rem; }
button { font: inherit; padding: 0.35rem 0.75rem; border-radius: 6px; border: 1px solid var(--line);
  background: var(--bg); color: var(--text); cursor: pointer; min-height: 2.1rem; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--bg); font-weight: 600; }
button:disabled { opacity: 0.5; cursor: default; }
button:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #f08c00; outline-offset: 2px; }
details { margin-top: 0.5rem; }
summary { cursor: pointer; color: var(--muted); }
ul { margin: 0.35rem 0 0; padding: 0; list-style: none; max-height: 14rem; overflow: auto; }
li { padding: 0.3rem 0.45rem; background: var(--soft); border-radius: 4px; color: var(--muted); overflow-wrap: anywhere; }
li + li { margin-top: 0.25rem; }
.reason { font-weight: 600; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.03em; margin-right: 0.35rem; }
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

let analyzer = null;
function getAnalyzer() {
  analyzer ??= loadAnalyze();
  return analyzer;
}

export class ArticleCleaner extends HTMLElement {
  static observedAttributes = ["for"];

  #root;
  #ui = {};
  #host = null;
  #report = null;
  #timer = 0;
  #run = 0;
  #undo = null;
  #onHostInput = () => this.#schedule();

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

  connectedCallback() {
    this.#render();
    this.#attach();
  }

  disconnectedCallback() {
    this.#detach();
    clearTimeout(this.#timer);
  }

  attributeChangedCallback() {
    if (!this.isConnected) return;
    this.#detach();
    this.#render();
    this.#attach();
  }

  /** Analyses now; resolves to the report (null when there is no text). */
  async clean() {
    clearTimeout(this.#timer);
    const run = ++this.#run;
    const source = this.#source();
    if (!source.text.trim() && !source.html.trim()) {
      this.#show(null, "");
      return null;
    }
    let report;
    try {
      const analyze = await getAnalyzer();
      report = source.html.trim() ? analyze(source.html, { input: "html" }) : null;
      // No HTML reader yet, or no article in the markup: read the text.
      if (!report || report.paragraphs.length === 0) report = analyze(source.text, { input: source.kind });
    } catch (e) {
      if (run === this.#run) this.#status(`Could not clean: ${e?.message ?? e}`);
      return null;
    }
    if (run !== this.#run) return report;
    this.#show(report);
    this.dispatchEvent(new CustomEvent("cleaned", { detail: report, bubbles: true, composed: true }));
    return report;
  }

  /** Replaces the host field's content with the cleaned text. */
  replace() {
    const host = this.#host;
    const report = this.#report;
    if (!host || !report) return;
    const titleField = this.#titleField();
    const fillTitle = Boolean(titleField && report.title && !titleField.value.trim());
    const body = titleField ? `${report.text}\n` : toText(report);
    const before = { body: readField(host), title: titleField?.value };
    if (fillTitle) {
      titleField.value = report.title.trim();
      titleField.dispatchEvent(new Event("input", { bubbles: true }));
    }
    writeField(host, body);
    this.#undo = before;
    this.#ui.undo.hidden = false;
    this.#status(`Replaced with the cleaned text${fillTitle ? " and filled in the title" : ""}.`);
  }

  #render() {
    const forId = this.getAttribute("for");
    const box = el("div", { class: "box", part: "box" });
    const head = el("p", { class: "head" }, el("span", { class: "name" }, "Article Cleaner"), el("span", { class: "tag" }, "runs on this device; nothing is sent"));
    box.append(head);
    this.#ui = {};
    if (!forId) {
      const id = "ac-input";
      this.#ui.input = el("textarea", { id, part: "input", spellcheck: "false", placeholder: "Paste an article here" });
      box.append(el("label", { for: id }, "Paste an article"), this.#ui.input);
      this.#ui.input.addEventListener("input", () => this.#schedule());
    }
    this.#ui.status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    box.append(this.#ui.status);
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
    this.#ui.removedBox = el("details", { hidden: "" });
    this.#ui.removedSummary = el("summary", {});
    this.#ui.removedList = el("ul", {});
    this.#ui.removedBox.append(this.#ui.removedSummary, this.#ui.removedList);
    box.append(this.#ui.removedBox);
    if (!forId) {
      this.#ui.preview = el("div", { class: "preview", part: "preview", tabindex: "0", role: "region", "aria-label": "Cleaned text" });
      box.append(this.#ui.preview);
    }
    this.#root.replaceChildren(box);
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

  #show(report) {
    this.#report = report;
    const ui = this.#ui;
    if (!report) {
      this.#status("");
      ui.removedBox.hidden = true;
      if (ui.preview) ui.preview.textContent = "";
      if (ui.replace) ui.replace.disabled = true;
      if (ui.copy) ui.copy.disabled = true;
      return;
    }
    const { duplicates_removed: dups, boilerplate_removed: other } = report.stats;
    const kept = report.paragraphs.length;
    this.#status(
      `${kept} paragraph${kept === 1 ? "" : "s"} kept; ${dups} repeated and ${other} other part${other === 1 ? "" : "s"} removed.` +
        (report.warnings.length ? ` Note: ${report.warnings[0]}` : ""),
    );
    ui.removedList.replaceChildren(
      ...report.removed.map((part) => el("li", {}, el("span", { class: "reason" }, reasonLabel(part)), part.text)),
    );
    ui.removedSummary.textContent = `What was removed (${report.removed.length})`;
    ui.removedBox.hidden = report.removed.length === 0;
    if (ui.preview) ui.preview.textContent = toText(report);
    if (ui.replace) ui.replace.disabled = kept === 0 || report.removed.length === 0;
    if (ui.copy) ui.copy.disabled = kept === 0;
  }

  #undoReplace() {
    if (!this.#undo || !this.#host) return;
    writeField(this.#host, this.#undo.body);
    const titleField = this.#titleField();
    if (titleField && this.#undo.title !== undefined && titleField.value !== this.#undo.title) {
      titleField.value = this.#undo.title;
      titleField.dispatchEvent(new Event("input", { bubbles: true }));
    }
    this.#undo = null;
    this.#ui.undo.hidden = true;
    this.#status("Restored the original text.");
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

/** Writes text into a field: as its value, or as <p> nodes in a contenteditable. */
function writeField(node, text) {
  if (isTextField(node)) {
    node.value = text;
  } else {
    const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim());
    node.replaceChildren(...paragraphs.map((p) => el("p", {}, p.trim())));
  }
  node.dispatchEvent(new Event("input", { bubbles: true }));
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

if (!customElements.get("article-cleaner")) customElements.define("article-cleaner", ArticleCleaner);
