// The wasm package gives the same JSON as the native command line, byte
// for byte (after JSON.parse/stringify, which writes `1` for serde's `1.0`,
// and with stats.elapsed_ms set aside), in Node.js and in Chromium.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, WWW, sampleArticles, session } from "./harness.mjs";

const CLI = join(ROOT, "target", "release", "article-cleaner");

function cliJson(path, args = []) {
  const out = execFileSync(CLI, ["--format", "json", ...args, path], { maxBuffer: 256 << 20 });
  return JSON.parse(out.toString("utf8"));
}

function canonical(report) {
  const copy = structuredClone(report);
  copy.stats.elapsed_ms = 0;
  return JSON.stringify(copy);
}

const OPTION_SETS = [
  [[], undefined],
  [["--raw", "--max-facts", "2"], { raw: true, maxFacts: 2 }],
];

test("the native command line is built", () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run cargo build --release`);
});

test("wasm in Node.js gives the CLI's JSON", async () => {
  const glue = await import(join(WWW, "pkg", "article_cleaner.js"));
  glue.initSync({ module: readFileSync(join(WWW, "pkg", "article_cleaner_bg.wasm")) });
  for (const [name, path] of sampleArticles()) {
    const input = readFileSync(path, "utf8");
    for (const [args, options] of OPTION_SETS) {
      const wasm = glue.analyze(input, options);
      assert.equal(canonical(wasm), canonical(cliJson(path, args)), `${name} ${args.join(" ")}`);
      assert.ok(wasm.stats.elapsed_ms >= 0);
    }
  }
});

test("wasm in Chromium (the page's worker) gives the CLI's JSON", async () => {
  const t = await session();
  try {
    const page = await t.open("index.html");
    const loaded = t.watch.requests.length;
    for (const [name, path] of sampleArticles()) {
      const input = readFileSync(path, "utf8");
      for (const [args, options] of OPTION_SETS) {
        const report = await page.evaluate(
          async ({ input, options }) => {
            const { createEngine } = await import("./engine.js");
            return createEngine().analyze(input, options);
          },
          { input, options },
        );
        assert.equal(canonical(report), canonical(cliJson(path, args)), `${name} ${args.join(" ")}`);
      }
    }
    // engine.js was loaded already; a second worker re-fetches its script.
    const after = t.watch.requests.slice(loaded).filter((u) => !u.endsWith("/worker.js") && !u.endsWith("/pkg/article_cleaner.js"));
    assert.deepEqual(after, []);
  } finally {
    await t.finish();
  }
});
