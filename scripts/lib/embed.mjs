// Writes a file as an ES module whose default export is its content: a
// string for text; base64 for anything else, or base64 of its gzip
// (gzip-base64: the page inflates it with the browser's DecompressionStream,
// and the base64 of compressed bytes costs far less once the page is served
// gzipped than the base64 of the raw wasm). The gzip is written by Zopfli,
// whose deflate streams are about 5 % smaller than zlib's at level 9 and
// inflate the same way (a few seconds more of build time). The pages forbid
// fetch() (CSP connect-src 'none'), so data they need arrives as a module.
//   node scripts/lib/embed.mjs text|base64|gzip-base64 INPUT OUTPUT.js
import { readFileSync, writeFileSync } from "node:fs";
import { gzipAsync } from "@gfx/zopfli";

const [mode, input, output] = process.argv.slice(2);
if (!["text", "base64", "gzip-base64"].includes(mode) || !input || !output) {
  console.error("usage: embed.mjs text|base64|gzip-base64 INPUT OUTPUT.js");
  process.exit(2);
}
const bytes = readFileSync(input);
const value =
  mode === "text"
    ? bytes.toString("utf8")
    : mode === "base64"
      ? bytes.toString("base64")
      : Buffer.from(await gzipAsync(bytes, { numiterations: 5 })).toString("base64");
// JSON.stringify gives a valid JS string literal; "<" is escaped so the
// module can also be inlined into an HTML <script> as is.
const literal = JSON.stringify(value).replaceAll("<", "\\u003c");
writeFileSync(output, `// Generated from ${input.split("/").pop()} by scripts/lib/embed.mjs.\nexport default ${literal};\n`);
