// The analysis worker: keeps a 10 MB paste from freezing the page. It gets
// the compiled WebAssembly.Module (and a sample text) from the page, then
// answers { id, input, options } with { id, json, chunks } (the report,
// its long lists apart) or
// { id, error, fatal }.
import { initSync, analyze } from "./pkg/article_cleaner.js";

// Analyses of the sample before the worker says it is ready. The first
// call builds the entity model and word lists and runs the browser's
// baseline code; a few calls get the hot functions to its optimising
// compiler. A person's first paste then takes milliseconds, not a tenth of
// a second (BENCHMARKS.md).
const WARM_UP_CALLS = 5;

let ready = false;

const CHUNKED = ["paragraphs", "removed"]; // the lists that grow with the input
const CHUNK = 2000; // items per JSON chunk

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "init") {
    try {
      initSync({ module: message.module });
      if (typeof message.sample === "string") {
        for (let k = 0; k < WARM_UP_CALLS; k++) analyze(message.sample, { input: "text" });
      }
      ready = true;
      self.postMessage({ type: "ready" });
    } catch (e) {
      self.postMessage({ type: "ready", error: String(e?.message ?? e) });
    }
    return;
  }
  if (!ready) {
    self.postMessage({ id: message.id, error: "the analyser is not ready", fatal: true });
    return;
  }
  try {
    // As JSON text, the long lists in chunks: strings are cheap to copy,
    // and the page parses one chunk per task, so that a report with tens
    // of thousands of parts never holds its main thread for long.
    const report = analyze(message.input, message.options);
    const chunks = {};
    for (const key of CHUNKED) {
      const list = report[key];
      chunks[key] = [];
      for (let i = 0; i < list.length; i += CHUNK) chunks[key].push(JSON.stringify(list.slice(i, i + CHUNK)));
      report[key] = [];
    }
    self.postMessage({ id: message.id, json: JSON.stringify(report), chunks });
  } catch (e) {
    // A trap leaves the instance unusable: the page then starts a new worker.
    const fatal = e instanceof WebAssembly.RuntimeError;
    self.postMessage({ id: message.id, error: String(e?.message ?? e), fatal });
  }
};
