#!/usr/bin/env node
// Checks that a speed change changed no output: two builds of the command
// line (say, `main` and a branch) analyse every document of the dev sets of
// ../shared/eval and the sample articles and pages of tests/, and their
// reports must be byte-identical but for `elapsed_ms`. With `--pkg DIR`, the
// WebAssembly package in DIR (default www/pkg) is held to the first build's
// reports too.
//
//   node bench/same-reports.mjs OLD_CLI NEW_CLI [--pkg DIR]
//
// To get the CLI of an earlier commit:
//
//   git worktree add ../old main && (cd ../old && cargo build --release)
//   node bench/same-reports.mjs ../old/target/release/article-cleaner \
//     target/release/article-cleaner --pkg www/pkg

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { evalDir, listDir, root } from "./files.mjs";

const args = process.argv.slice(2);
const at = args.indexOf("--pkg");
const pkgDir = at >= 0 ? path.resolve(args[at + 1] ?? path.join(root, "www", "pkg")) : null;
const [oldCli, newCli] = args.filter((a, i) => !a.startsWith("--") && (at < 0 || i !== at + 1));
if (!oldCli || !newCli) {
  console.error("usage: node bench/same-reports.mjs OLD_CLI NEW_CLI [--pkg DIR]");
  process.exit(2);
}


// Each document with the options it is read with: as the benchmarks read it.
const docs = [
  ...listDir(path.join(evalDir, "dedup", "dev"), ".txt").map((f) => [f, "text"]),
  ...listDir(path.join(evalDir, "extraction", "dev"), ".txt").map((f) => [f, "text"]),
  ...listDir(path.join(evalDir, "extraction", "dev"), ".html").map((f) => [f, "html"]),
  ...listDir(path.join(evalDir, "facts", "dev"), ".txt").map((f) => [f, "text"]),
  ...listDir(path.join(evalDir, "ner", "dev"), ".txt").map((f) => [f, "raw"]),
  ...fs
    .readdirSync(path.join(root, "tests", "articles"))
    .sort()
    .map((d) => path.join(root, "tests", "articles", d, "input.txt"))
    .filter((f) => fs.existsSync(f))
    .map((f) => [f, "auto"]),
  ...listDir(path.join(root, "tests", "pages"), ".html").map((f) => [f, "html"]),
];

const cliArgs = (kind) => (kind === "raw" ? ["--raw", "--input", "text"] : ["--input", kind]);
const jsOptions = (kind) => (kind === "raw" ? { input: "text", raw: true } : { input: kind });
/// A report with its timing zeroed, as canonical JSON.
const canonical = (report) => JSON.stringify({ ...report, stats: { ...report.stats, elapsed_ms: 0 } });

function run(cli, file, kind) {
  const r = spawnSync(cli, ["--format", "json", ...cliArgs(kind), file], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cli} failed on ${file}: ${r.stderr}`);
  return canonical(JSON.parse(r.stdout));
}

let analyze = null;
if (pkgDir) {
  const mod = await import(pathToFileURL(path.join(pkgDir, "article_cleaner.js")).href);
  mod.initSync({ module: fs.readFileSync(path.join(pkgDir, "article_cleaner_bg.wasm")) });
  analyze = mod.analyze;
}

let differ = 0;
for (const [file, kind] of docs) {
  const want = run(oldCli, file, kind);
  const got = { cli: run(newCli, file, kind) };
  if (analyze) got.wasm = canonical(analyze(fs.readFileSync(file, "utf8"), jsOptions(kind)));
  for (const [which, report] of Object.entries(got)) {
    if (report !== want) {
      differ += 1;
      if (differ <= 10) console.log(`differs (${which}): ${path.relative(root, file)}`);
    }
  }
}
const what = analyze ? "the new command line and the wasm package" : "the new command line";
console.log(`${docs.length} documents: ${differ === 0 ? "every report the same" : `${differ} reports differ`} (${what} against the old command line)`);
process.exit(differ === 0 ? 0 : 1);
