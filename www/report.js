// The report, seen by the page: the article as a sequence of kept and
// removed parts, the user's restorations applied, the exports (text,
// Markdown, JSON), and where a span of the input lies in the shown text.
// No DOM here: app.js and widget.js render what these functions return.

/** Code-point offsets (the report's unit) → UTF-16 indices (JavaScript's). */
export class CodePoints {
  constructor(text) {
    this.text = text;
    this.map = null; // built on first use, only when the text has surrogates
  }

  unit(cp) {
    const text = this.text;
    if (this.map === null) {
      if (!/[\uD800-\uDFFF]/.test(text)) this.map = false;
      else {
        const map = [];
        for (let i = 0; i < text.length; i++) {
          map.push(i);
          const c = text.charCodeAt(i);
          if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
            const d = text.charCodeAt(i + 1);
            if (d >= 0xdc00 && d < 0xe000) i++;
          }
        }
        map.push(text.length);
        this.map = Uint32Array.from(map);
      }
    }
    if (this.map === false) return Math.max(0, Math.min(cp, text.length));
    return this.map[Math.max(0, Math.min(cp, this.map.length - 1))];
  }

  slice(start, end) {
    return this.text.slice(this.unit(start), this.unit(end));
  }
}

const REASONS = {
  boilerplate: "Boilerplate",
  navigation: "Navigation",
  "related-links": "Related links",
  comments: "Comments",
  advertisement: "Advertisement",
  markup: "Markup",
};

/** Why a part was removed, in words: "Repeat of paragraph 3", "Boilerplate · legal disclaimer". */
export function reasonLabel(part) {
  if (part.reason === "duplicate") {
    return Number.isInteger(part.duplicate_of)
      ? `Repeat of paragraph ${part.duplicate_of + 1}`
      : "Repeat";
  }
  const reason = REASONS[part.reason] ?? capitalise(String(part.reason).replaceAll("-", " "));
  const rule = part.rule ? String(part.rule).replaceAll("-", " ").toLowerCase() : "";
  const lower = reason.toLowerCase();
  if (!rule || lower.startsWith(rule)) return reason; // "related-links" / "related"
  if (rule.startsWith(lower.split(" ")[0])) return capitalise(rule); // "navigation menu"
  return `${reason} · ${rule}`;
}

/** A short, lower-case name for the kind of a removed part: "repeats", "navigation menu", "legal disclaimer". */
export function kindOf(part) {
  if (part.reason === "duplicate") return "repeats";
  const id = `${part.reason}\u0000${part.rule ?? ""}`;
  let kind = KINDS.get(id);
  if (kind === undefined) {
    const label = reasonLabel(part);
    const at = label.lastIndexOf(" · ");
    kind = (at === -1 ? label : label.slice(at + 3)).toLowerCase();
    KINDS.set(id, kind);
  }
  return kind;
}
const KINDS = new Map();

/**
 * The removed parts in runs: each run is the removed parts between two
 * kept paragraphs, `{ items: [{ index, part }], kinds: [[kind, n]] }`
 * (kinds most frequent first). `items` are layout() items.
 */
export function removedRuns(items) {
  const runs = [];
  let run = null;
  for (const it of items) {
    if (it.kind === "kept") {
      run = null;
      continue;
    }
    if (!run) {
      run = { items: [], kinds: new Map() };
      runs.push(run);
    }
    run.items.push(it);
    const kind = kindOf(it.part);
    run.kinds.set(kind, (run.kinds.get(kind) ?? 0) + 1);
  }
  return runs.map((r) => ({ items: r.items, kinds: [...r.kinds].sort((a, b) => b[1] - a[1]) }));
}

/** "12 removed: menu 9, related links 3" (counts with thousands separators). */
export function runSummary(run) {
  const n = formatCount(run.items.length);
  return `${n} removed: ${run.kinds.map(([kind, k]) => `${kind} ${formatCount(k)}`).join(", ")}`;
}

/** 12345 → "12,345". */
export function formatCount(n) {
  return Number(n).toLocaleString("en");
}

function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The article in input order: kept paragraphs and removed parts, each
 * `{ kind: "kept", index, text, start, end }` or
 * `{ kind: "removed", index, part, text, start, end, restored }`.
 */
export function layout(report, restored = new Set()) {
  const kept = report.paragraphs.map((p, index) => ({ kind: "kept", index, text: p.text, start: p.start, end: p.end }));
  const removed = report.removed.map((part, index) => ({
    kind: "removed",
    index,
    part,
    text: part.text,
    start: part.start,
    end: part.end,
    restored: restored.has(index),
  }));
  // Stable: at equal offsets, kept paragraphs first, then removal order.
  // Both lists normally come in input order: merged in one pass.
  const sorted = (list) => list.every((it, i) => i === 0 || list[i - 1].start <= it.start);
  if (!sorted(kept) || !sorted(removed)) {
    return [...kept, ...removed].sort((a, b) => a.start - b.start || (a.kind === b.kind ? a.index - b.index : a.kind === "kept" ? -1 : 1));
  }
  const items = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < removed.length) {
    if (j >= removed.length || (i < kept.length && kept[i].start <= removed[j].start)) items.push(kept[i++]);
    else items.push(removed[j++]);
  }
  return items;
}

/**
 * The report with the user's restorations applied: restored parts become
 * paragraphs in input order, `duplicate_of` indices follow, the counts
 * are recomputed. Without restorations, the report itself.
 */
export function applyRestorations(report, restored) {
  if (!restored || restored.size === 0) return report;
  const kept = layout(report, restored).filter((it) => it.kind === "kept" || it.restored);
  const newIndex = new Map();
  kept.forEach((it, i) => {
    if (it.kind === "kept") newIndex.set(it.index, i);
  });
  const paragraphs = kept.map((it) => ({ text: it.text, start: it.start, end: it.end }));
  const removed = report.removed
    .filter((_, i) => !restored.has(i))
    .map((part) =>
      part.duplicate_of !== undefined && newIndex.has(part.duplicate_of)
        ? { ...part, duplicate_of: newIndex.get(part.duplicate_of) }
        : part,
    );
  const text = paragraphs.map((p) => p.text).join("\n\n");
  const duplicates = removed.filter((r) => r.reason === "duplicate").length;
  return {
    ...report,
    text,
    paragraphs,
    removed,
    stats: {
      ...report.stats,
      text_chars: [...text].length,
      duplicates_removed: duplicates,
      boilerplate_removed: removed.length - duplicates,
    },
  };
}

/** Plain text: the title, then the body (as the command line's --format text). */
export function toText(report) {
  let out = report.title ? `${report.title.trim()}\n\n` : "";
  out += report.text;
  return out.endsWith("\n") ? out : `${out}\n`;
}

/** Markdown for a person (as the command line's --format markdown). */
export function toMarkdown(report) {
  let out = "";
  if (report.title) out += `# ${report.title.trim()}\n\n`;
  const line = [];
  if (report.byline) line.push(`By ${report.byline}`);
  if (report.source) line.push(report.source);
  if (report.published) line.push(report.published);
  if (line.length) out += `*${line.join(" · ")}*\n\n`;
  for (const p of report.paragraphs) out += `${p.text}\n\n`;
  if (report.facts.length) {
    out += "## Facts\n\n";
    for (const f of report.facts) out += `- ${f.text}\n`;
    out += "\n";
  }
  if (report.entities.length) {
    out += "## Entities\n\n";
    for (const e of report.entities) {
      const aliases = e.aliases.length ? ` (also ${e.aliases.join(", ")})` : "";
      out += `- **${e.name}**${aliases} — ${e.type}, ${e.count}×\n`;
    }
    out += "\n";
  }
  return `${out.trimEnd()}\n`;
}

/** The report as JSON, indented for reading. */
export function toJson(report) {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A file name from the title: "storm-closes-harbour". */
export function fileStem(report) {
  const stem = (report.title ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return stem || "article";
}

/**
 * Where the input span [start, end) (code points) shows in a segment's
 * text: a segment is a paragraph `{ text, start, end }` whose text may
 * differ a little from the input (wrapped lines joined, a dateline
 * dropped). Returns `{ from, to }` in UTF-16 units of `segment.text`, or
 * null when the span is not in it. `input` is the CodePoints of the input.
 */
export function locate(segment, start, end, input) {
  const a = Math.max(start, segment.start);
  const b = Math.min(end, segment.end);
  if (a >= b) return null;
  const surface = input.slice(a, b).replace(/\s+/g, " ").trim();
  if (!surface) return null;
  const text = segment.text;
  // Expected position: the same distance from the segment's start.
  const guess = new CodePoints(text).unit(a - segment.start);
  let best = null;
  const consider = (from, to) => {
    if (best === null || Math.abs(from - guess) < Math.abs(best.from - guess)) best = { from, to };
  };
  for (let i = text.indexOf(surface); i !== -1; i = text.indexOf(surface, i + 1)) {
    consider(i, i + surface.length);
  }
  if (best === null) {
    const words = surface.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp(words.join("\\s+"), "g");
    for (const m of text.matchAll(pattern)) consider(m.index, m.index + m[0].length);
  }
  return best;
}

/**
 * Highlights for spans of the input over the shown segments:
 * `Map(segmentKey → [{ from, to }])`, plus `header` hits in the title or
 * byline for spans in no segment (mentions there). `whole` marks a
 * segment entirely when a span overlaps it but cannot be placed (facts).
 */
export function highlights(spans, segments, input /* CodePoints */, header = {}, { whole = false } = {}) {
  const bySegment = new Map();
  const inHeader = { title: [], byline: [] };
  const add = (map, key, range) => {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(range);
  };
  for (const { start, end } of spans) {
    let placed = false;
    for (const seg of segments) {
      if (seg.end <= start || seg.start >= end) continue;
      const range = locate(seg, start, end, input);
      if (range) add(bySegment, seg.key, range);
      else if (whole) add(bySegment, seg.key, { from: 0, to: seg.text.length });
      placed = placed || range !== null || whole;
    }
    if (placed) continue;
    const surface = input.slice(start, end).replace(/\s+/g, " ").trim();
    for (const field of ["title", "byline"]) {
      const text = header[field];
      const at = surface && text ? text.indexOf(surface) : -1;
      if (at !== -1) {
        inHeader[field].push({ from: at, to: at + surface.length });
        break;
      }
    }
  }
  return { bySegment, inHeader };
}

/** Sorted, merged, clipped ranges. */
export function mergeRanges(ranges, length) {
  const sorted = ranges
    .map((r) => ({ from: Math.max(0, r.from), to: Math.min(length, r.to) }))
    .filter((r) => r.from < r.to)
    .sort((x, y) => x.from - y.from);
  const out = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

export const ENTITY_TYPES = [
  ["person", "People"],
  ["organization", "Organisations"],
  ["place", "Places"],
  ["group", "Groups"],
  ["other", "Events, works, products"],
  ["date", "Dates"],
  ["money", "Money"],
  ["percent", "Percentages"],
  ["quantity", "Quantities"],
];

/** Entities grouped by type, in ENTITY_TYPES order (unknown types last). */
export function groupEntities(entities) {
  const groups = new Map(ENTITY_TYPES.map(([type, label]) => [type, { type, label, items: [] }]));
  entities.forEach((entity, index) => {
    if (!groups.has(entity.type)) {
      groups.set(entity.type, { type: entity.type, label: capitalise(entity.type), items: [] });
    }
    groups.get(entity.type).items.push({ entity, index });
  });
  return [...groups.values()].filter((g) => g.items.length > 0);
}
