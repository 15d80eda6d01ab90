// compromise's names on an NER split, as predictions for the shared scorer:
//
//   node bench/ner-compromise.mjs DATA_DIR > pred.jsonl
//   python3 ../shared/eval/score_ner.py DATA_DIR pred.jsonl [--types PER,LOC,ORG]
//
// DATA_DIR holds gold.jsonl and the texts (../shared/eval/ner/dev or an
// extra corpus's split). compromise's people, places and organizations are
// PER, LOC and ORG; it has no MISC. Offsets are turned from JavaScript
// string units into code points, as the scorer counts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nlp from "compromise";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node bench/ner-compromise.mjs DATA_DIR");
  process.exit(2);
}
const lines = readFileSync(join(dir, "gold.jsonl"), "utf8").split("\n").filter((l) => l.trim());
for (const line of lines) {
  const gold = JSON.parse(line);
  const text = readFileSync(join(dir, gold.file), "utf8");
  // Code point index of every UTF-16 index.
  const cp = new Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    cp[i] = n;
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  cp[text.length] = n;
  const doc = nlp(text);
  const entities = [];
  for (const [type, view] of [["PER", doc.people()], ["LOC", doc.places()], ["ORG", doc.organizations()]]) {
    for (const m of view.json({ offset: true })) {
      const o = m.offset || (m.terms && m.terms[0] && m.terms[0].offset);
      if (!o) continue;
      const start = o.start;
      const end = o.start + o.length;
      if (start >= 0 && end <= text.length && start < end) {
        entities.push({ start: cp[start], end: cp[end], type });
      }
    }
  }
  process.stdout.write(JSON.stringify({ id: gold.id, entities }) + "\n");
}
