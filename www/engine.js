// Runs analyses off the main thread: a module worker (worker.js, or in the
// single-file build a blob: worker made from an inline data block), and
// the main thread as a fallback where no worker can start. The newest
// request wins: a busy worker is replaced rather than queued behind.
import { compileWasm, loadAnalyze } from "./wasm.js";

export function createEngine() {
  let worker = null;
  let workerPromise = null;
  let workerFailed = false;
  let pending = null; // { id, resolve, reject }
  let nextId = 1;
  let latest = 0;
  let mainAnalyze = null;

  // A text the first worker analyses a few times before it says it is
  // ready (a worker started again after a superseded paste does not: the
  // person is waiting for it).
  let sample = null;

  function spawn(module) {
    return new Promise((resolve, reject) => {
      let w;
      try {
        // The single-file build carries the worker as a classic script
        // (Chromium starts no blob: module worker from file://).
        const inline = document.getElementById("ac-worker-source");
        w = inline
          ? new Worker(URL.createObjectURL(new Blob([inline.textContent], { type: "text/javascript" })))
          : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
      } catch (e) {
        reject(e);
        return;
      }
      w.onerror = (e) => {
        e.preventDefault();
        reject(new Error(e.message || "the worker did not start"));
      };
      w.onmessage = (event) => {
        if (event.data.type !== "ready") return;
        if (event.data.error) reject(new Error(event.data.error));
        else {
          w.onmessage = onReply;
          w.onerror = onCrash;
          resolve(w);
        }
      };
      w.postMessage({ type: "init", module, sample });
      sample = null;
    });
  }

  function onReply(event) {
    const reply = event.data;
    if (!pending || reply.id !== pending.id) return;
    const { resolve, reject } = pending;
    pending = null;
    if (reply.fatal) restart();
    if (reply.error !== undefined) reject(new Error(reply.error));
    else assemble(reply).then(resolve, reject);
  }

  /** The report from the worker's JSON: one chunk of a long list per task. */
  async function assemble(reply) {
    const report = JSON.parse(reply.json);
    for (const [key, chunks] of Object.entries(reply.chunks ?? {})) {
      const list = [];
      for (let i = 0; i < chunks.length; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 0));
        for (const item of JSON.parse(chunks[i])) list.push(item);
      }
      report[key] = list;
    }
    return report;
  }

  function onCrash(event) {
    event.preventDefault();
    if (pending) {
      pending.reject(new Error(event.message || "the analysis stopped"));
      pending = null;
    }
    restart();
  }

  function restart() {
    worker?.terminate();
    worker = null;
    workerPromise = null;
  }

  function getWorker() {
    if (workerFailed) return Promise.resolve(null);
    workerPromise ??= compileWasm()
      .then(spawn)
      .then((w) => (worker = w))
      .catch(() => {
        workerFailed = true; // e.g. a browser without module workers
        return null;
      });
    return workerPromise;
  }

  function superseded() {
    const error = new Error("superseded by a newer request");
    error.superseded = true;
    return error;
  }

  /** Analyses `input`; resolves to the report, rejects with an Error. */
  async function analyze(input, options) {
    const ticket = ++latest;
    if (pending) {
      // Still busy with an older paste: drop it and its worker.
      pending.reject(superseded());
      pending = null;
      restart();
    }
    const w = await getWorker();
    if (ticket !== latest) throw superseded();
    if (!w) {
      mainAnalyze ??= await loadAnalyze();
      return mainAnalyze(input, options);
    }
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending = { id, resolve, reject };
      w.postMessage({ id, input, options });
    });
  }

  /** Drops the analysis under way, if any (its promise rejects as superseded). */
  function cancel() {
    latest++;
    if (!pending) return;
    pending.reject(superseded());
    pending = null;
    restart();
  }

  return {
    analyze,
    cancel,
    /**
     * Starts the worker now, so that the first paste is quick; with a
     * `text`, the worker analyses it a few times first, so that the first
     * paste runs optimised code.
     */
    warmUp: (text) => {
      if (typeof text === "string") sample = text;
      return getWorker().then(() => undefined);
    },
    get mode() {
      return worker ? "worker" : workerFailed ? "main thread" : "idle";
    },
  };
}
