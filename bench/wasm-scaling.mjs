// Big pastes in WebAssembly: does the time stay linear in the size?
//
//   node bench/wasm-scaling.mjs [--pkg www/pkg]
//
// Each row is one paste analysed in a fresh Node.js process (the wasm
// memory only grows, so sizes must not share a process), after three warm-up
// analyses of a small article. Two kinds of paste:
//   distinct   articles one after another (the dev sets of ../shared/eval,
//              or the sample articles of tests/ when it is absent);
//   repeated   the 1 MB paste of distinct articles, then its paragraphs
//              again and again: at 10 MB, nine copies of every paragraph,
//              each a removed part of the report.
// Prints a Markdown table: size, wall time, processor time of the process
// during the call (less sensitive to a busy host), removed parts, ratios;
// "the crossing" is the call's time minus the analysis's own elapsed_ms
// (serialising the report and building the JavaScript objects).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { evalDir, listDir, root } from "./files.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const pkgDir = path.resolve(option("--pkg", path.join(root, "www", "pkg")));
const read = (file) => fs.readFileSync(file, "utf8");

function pool() {
  const ext = path.join(evalDir, "extraction", "dev");
  if (fs.existsSync(ext)) {
    const facts = listDir(path.join(evalDir, "facts", "dev"), ".txt").map(read);
    return [...listDir(ext, ".txt").map(read), ...facts];
  }
  return fs
    .readdirSync(path.join(root, "tests", "articles"))
    .sort()
    .map((d) => path.join(root, "tests", "articles", d, "input.txt"))
    .filter((f) => fs.existsSync(f))
    .map(read);
}

function distinct(bytes) {
  const docs = pool();
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes && docs.length > 0; i++) {
    const doc = docs[i % docs.length];
    parts.push(doc, "\n\n");
    size += Buffer.byteLength(doc) + 2;
  }
  return parts.join("");
}

function repeated(bytes) {
  const unit = distinct(1_000_000);
  const parts = [];
  let size = 0;
  while (size < bytes) {
    parts.push(unit);
    size += Buffer.byteLength(unit);
  }
  return parts.join("").slice(0, bytes);
}

if (args.includes("--child")) {
  const [kind, bytes] = [option("--kind", "distinct"), Number(option("--bytes", "1000000"))];
  const mod = await import(pathToFileURL(path.join(pkgDir, "article_cleaner.js")).href);
  mod.initSync({ module: fs.readFileSync(path.join(pkgDir, "article_cleaner_bg.wasm")) });
  const warm = read(path.join(root, "tests", "articles", "harbour-storm", "input.txt"));
  for (let i = 0; i < 3; i++) mod.analyze(warm, { input: "text" });
  const text = kind === "repeated" ? repeated(bytes) : distinct(bytes);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = mod.analyze(text, { input: "text" });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(JSON.stringify({ kind, mb: Buffer.byteLength(text) / 1e6, ms, cpuMs, removed: report.removed.length, analysisMs: report.stats.elapsed_ms }));
  process.exit(0);
}

if (!fs.existsSync(path.join(pkgDir, "article_cleaner_bg.wasm"))) {
  console.error(`no wasm package in ${pkgDir}: run scripts/build-wasm first`);
  process.exit(1);
}
const self = fileURLToPath(import.meta.url);
const rows = [];
for (const kind of ["distinct", "repeated"]) {
  for (const bytes of [1_000_000, 10_000_000]) {
    const out = spawnSync(process.execPath, [self, "--child", "--pkg", pkgDir, "--kind", kind, "--bytes", String(bytes)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (out.status !== 0) throw new Error(`${kind} ${bytes}: ${out.stderr}`);
    rows.push(JSON.parse(out.stdout.trim().split("\n").pop()));
  }
}
console.log("| paste | size | time | of which the crossing into JS | processor time | removed parts | time vs 1 MB | processor time vs 1 MB |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const base = rows.find((b) => b.kind === r.kind);
  console.log(
    `| ${r.kind} | ${r.mb.toFixed(1)} MB | ${r.ms.toFixed(0)} ms | ${(r.ms - r.analysisMs).toFixed(0)} ms | ${r.cpuMs.toFixed(0)} ms | ${r.removed.toLocaleString("en")} | ` +
      `${(r.ms / base.ms).toFixed(1)}× | ${(r.cpuMs / base.cpuMs).toFixed(1)}× |`,
  );
}
