// The mock CMS of embed.html: fills the body with a sample wire story and
// logs the widget's `cleaned` events. Not part of the widget.
import example from "./pkg/example.js";

const log = document.getElementById("log");
document.addEventListener("cleaned", (event) => {
  const r = event.detail;
  const who = event.target.id ? `#${event.target.id}` : `for="${event.target.getAttribute("for")}"`;
  const item = document.createElement("li");
  item.textContent = `cleaned (${who}): ${r.paragraphs.length} paragraphs, ${r.stats.duplicates_removed} repeats and ${r.stats.boilerplate_removed} other parts removed, ${r.stats.elapsed_ms} ms`;
  log.prepend(item);
  while (log.children.length > 6) log.lastElementChild.remove();
});

document.getElementById("load-sample").addEventListener("click", () => {
  const body = document.getElementById("body");
  body.value = example;
  body.dispatchEvent(new Event("input", { bubbles: true }));
});
