// Joins the page's ES modules into one script, for the single-file page and
// the one-file widget. Not a general bundler: it understands the plain
// module style of www/ and of wasm-bindgen's glue (relative imports at the
// top, `export function/const/class`, `export { a, b as c }`, literal
// `import("./x.js")`) and fails loudly on anything else.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

const STATIC_IMPORT = /^import\s+(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}\s*)?(?:\*\s+as\s+([\w$]+)\s*)?from\s*(["'])(\.{1,2}\/[^"']+)\4;?[ \t]*$/gm;
const BARE_IMPORT = /^import\s*(["'])(\.{1,2}\/[^"']+)\1;?[ \t]*$/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*(["'])(\.{1,2}\/[^"']+)\1\s*\)/g;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?[ \t]*$/gm;
const EXPORT_DEFAULT = /^export\s+default\s+/gm;

/**
 * Bundles `entry` and everything it imports. `external` maps a module
 * path (absolute) to a specifier that dynamic imports keep (the module is
 * then not inlined). With `classic`, the result is a classic script
 * (strict mode, `import.meta.url` read from `self.location`): Chromium
 * starts no blob: module worker from a file:// page. Returns the text.
 */
export function bundle(entry, { external = {}, classic = false } = {}) {
  const order = [];
  const seen = new Map(); // path → variable name
  const visiting = new Set();

  function visit(path) {
    if (seen.has(path)) return;
    if (visiting.has(path)) throw new Error(`import cycle through ${path}`);
    visiting.add(path);
    const source = readFileSync(path, "utf8");
    const deps = [];
    for (const m of source.matchAll(STATIC_IMPORT)) deps.push(m[5]);
    for (const m of source.matchAll(BARE_IMPORT)) deps.push(m[2]);
    for (const m of source.matchAll(DYNAMIC_IMPORT)) deps.push(m[2]);
    for (const spec of deps) {
      const dep = resolve(dirname(path), spec);
      if (!(dep in external)) visit(dep);
    }
    visiting.delete(path);
    seen.set(path, `__module${seen.size}`);
    order.push({ path, source });
  }

  visit(resolve(entry));
  const root = dirname(resolve(entry));
  const parts = [];
  for (const { path, source } of order) {
    const name = seen.get(path);
    const target = (spec) => resolve(dirname(path), spec);
    const exports = [];
    let code = source
      .replace(STATIC_IMPORT, (_, def, named, star, _q, spec) => {
        const from = seen.get(target(spec));
        if (!from) throw new Error(`${path}: cannot inline ${spec}`);
        const lines = [];
        if (def) lines.push(`const ${def} = ${from}.default;`);
        if (named && named.trim()) {
          const names = named
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
            .map((s) => s.replace(/\s+as\s+/, ": "));
          lines.push(`const { ${names.join(", ")} } = ${from};`);
        }
        if (star) lines.push(`const ${star} = ${from};`);
        return lines.join(" ");
      })
      .replace(BARE_IMPORT, "")
      .replace(DYNAMIC_IMPORT, (_, _q, spec) => {
        const dep = target(spec);
        if (dep in external) return `import(${JSON.stringify(external[dep])})`;
        return `Promise.resolve(${seen.get(dep)})`;
      })
      .replace(EXPORT_DECL, (_, kind, id) => {
        exports.push([id, id]);
        return `${kind} ${id}`;
      })
      .replace(EXPORT_LIST, (_, list) => {
        for (const item of list.split(",").map((s) => s.trim()).filter(Boolean)) {
          const [local, exported = local] = item.split(/\s+as\s+/);
          exports.push([exported, local]);
        }
        return "";
      })
      .replace(EXPORT_DEFAULT, () => {
        exports.push(["default", "__default"]);
        return "const __default = ";
      });
    if (classic) {
      if (Object.keys(external).length) throw new Error("a classic script cannot import");
      code = code.replaceAll("import.meta.url", "self.location.href");
    }
    const leftover = code.match(/^\s*(import|export)\b(?!\s*\()(?!\.meta)/m);
    if (leftover) throw new Error(`${relative(root, path)}: a statement the bundler does not understand: ${leftover[0]}…`);
    const object = exports.map(([exported, local]) => (exported === local ? local : `${JSON.stringify(exported)}: ${local}`));
    parts.push(`// ---- ${relative(root, path)}\nconst ${name} = (() => {\n${code.trim()}\nreturn { ${object.join(", ")} };\n})();`);
  }
  const prologue = classic ? '"use strict";\n' : "";
  return `${prologue}${parts.join("\n\n")}\n`;
}

/** Checks that `text` can sit inside an HTML <script> element as is. */
export function assertInlineSafe(text, what) {
  // Only these end a script or start the "escaped" states of the HTML parser.
  const bad = text.match(/<\/script|<!--/i);
  if (bad) throw new Error(`${what} contains ${bad[0]}, which would end or confuse an inline <script>`);
  return text;
}
