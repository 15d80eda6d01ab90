// The text of an HTML fragment, for a paste that has only text/html on the
// clipboard. Plain string work on purpose: no DOM parser, so the markup is
// never turned into elements (nothing to run, load, or report to the CSP).
// One block per line; linear in the input, no recursion.

const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
  "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
  "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
]);
// Elements whose content is not text a reader sees.
const SKIP = new Set(["head", "iframe", "math", "noscript", "object", "script", "style", "svg", "template", "textarea", "title"]);

const ENTITIES = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—",
  hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»",
  copy: "©", reg: "®", trade: "™", euro: "€", pound: "£", yen: "¥", cent: "¢", deg: "°",
  middot: "·", bull: "•", times: "×", shy: "",
};

// Spelled so that this file can sit inside an inline <script> (single-file build).
const COMMENT_OPEN = "\x3C!--";

export function decodeEntities(text) {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, name) => {
    if (name[0] !== "#") return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : "\uFFFD";
  });
}

export function textOfHtml(html) {
  let out = "";
  let skipping = null; // name of the element whose content is skipped
  let i = 0;
  const text = (s) => {
    if (!skipping) out += decodeEntities(s).replace(/\s+/g, " ");
  };
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith(COMMENT_OPEN, lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    const gt = tag ? html.indexOf(">", lt) : -1;
    if (!tag || gt === -1) {
      text("<"); // a "<" that starts no tag is text
      i = lt + 1;
      continue;
    }
    const closing = tag[1] === "/";
    const name = tag[2].toLowerCase();
    if (skipping) {
      if (closing && name === skipping) skipping = null;
    } else if (!closing && SKIP.has(name) && html[gt - 1] !== "/") {
      skipping = name;
    } else if (BLOCKS.has(name)) {
      out += "\n";
    }
    i = gt + 1;
  }
  return out
    .replace(/ *\n */g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}
