// Loads the WebAssembly module without fetch(): the pages forbid network
// connections (CSP connect-src 'none'), so the wasm bytes come gzipped, as a
// base64 ES module imported only when first needed, and are inflated here
// with the browser's own DecompressionStream.
import { initSync, analyze } from "./pkg/article_cleaner.js";

let compiled = null;

/** The compiled WebAssembly.Module (compiled once, shared with workers). */
export function compileWasm() {
  compiled ??= import("./pkg/article_cleaner_wasm.js")
    .then((m) => gunzip(fromBase64(m.default)))
    .then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

/** Instantiates the module in this thread and returns `analyze`. */
export async function loadAnalyze() {
  initSync({ module: await compileWasm() });
  return analyze;
}

/** Inflates gzip bytes; no network is involved (a Response over a local stream). */
function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
