// Where the benchmark scripts find their documents.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The benchmark data beside the repository (may be absent). */
export const evalDir = path.join(root, "..", "shared", "eval");

/** The files of `dir` whose names end in `ext`, sorted; none if `dir` is absent. */
export const listDir = (dir, ext) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(ext))
        .sort()
        .map((f) => path.join(dir, f))
    : [];
