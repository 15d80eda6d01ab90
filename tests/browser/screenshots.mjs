// Screenshots of the page with the seed pasted, for a person to look at:
// light, dark and phone width, in target/screenshots/.
//   node tests/browser/screenshots.mjs
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, nextReport, paste, seedOrSample, session } from "./harness.mjs";

const out = join(ROOT, "target", "screenshots");
mkdirSync(out, { recursive: true });
const t = await session();
try {
  const page = await t.open("index.html");
  const seed = seedOrSample();
  await nextReport(page, () => paste(page, "#source", seed.text));
  await page.evaluate(() => document.getElementById("source").setSelectionRange(0, 0));
  await page.evaluate(() => (document.getElementById("source").scrollTop = 0));
  const shots = [
    ["light", { width: 1280, height: 900 }, "light"],
    ["dark", { width: 1280, height: 900 }, "dark"],
    ["phone", { width: 390, height: 844 }, "light"],
    ["phone-dark", { width: 390, height: 844 }, "dark"],
  ];
  for (const [name, size, scheme] of shots) {
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => document.activeElement?.blur());
    const path = join(out, `page-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(path);
  }
  // The phone page is long: one screen at a time, at the places that matter.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "light" });
  for (const [name, selector] of [["top", "body"], ["article", "#result"], ["removed", ".removed-run"], ["side", ".side"]]) {
    await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: "start" }));
    const path = join(out, `phone-${name}.png`);
    await page.screenshot({ path });
    console.log(path);
  }
} finally {
  await t.finish();
}
