// Loads the WebAssembly module without fetch(): the pages forbid network
// connections (CSP connect-src 'none'), so the wasm bytes come as a
// base64 ES module, imported only when first needed.
import { initSync, analyze } from "./pkg/article_cleaner.js";

let compiled = null;

/** The compiled WebAssembly.Module (compiled once, shared with workers). */
export function compileWasm() {
  compiled ??= import("./pkg/article_cleaner_wasm.js").then((m) =>
    WebAssembly.compile(fromBase64(m.default)),
  );
  return compiled;
}

/** Instantiates the module in this thread and returns `analyze`. */
export async function loadAnalyze() {
  initSync({ module: await compileWasm() });
  return analyze;
}

function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
