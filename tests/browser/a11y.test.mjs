// a11y: axe-core's WCAG 2.1 A and AA rules on the pages issue 16 added or changed, public (phone and desktop)
// and back office; a page passes when axe finds no violation at all.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(createRequire(join(here, "../package.json")).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// The violations on the page now: "rule (impact): target, target" lines. axe is evaluated through the debugger
// protocol, which the pages' Content-Security-Policy (script-src 'self') does not govern.
async function violations(page) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  }, TAGS);
  return found;
}

export default async function (kit) {
  const { check, assert, context, staffPage, base, newest, PHONE } = kit;
  const publicPages = ["/", "/search?q=keytruda", `/article/${newest}`, `/signin?next=/article/${newest}`, "/signup"];
  for (const [label, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", PHONE]]) {
    await check(`accessibility: public pages on a ${label} (axe, WCAG 2.1 AA)`, async () => {
      const ctx = await context({ viewport });
      await ctx.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
      const page = await ctx.newPage();
      const problems = [];
      for (const path of publicPages) {
        await page.goto(`${base}${path}`);
        for (const v of await violations(page)) problems.push(`${path}: ${v}`);
      }
      await ctx.close();
      assert(problems.length === 0, problems.join("; "));
    });
  }
  await check("accessibility: the back office's new pages (axe, WCAG 2.1 AA)", async () => {
    const { ctx, page } = await staffPage("admin");
    const problems = [];
    for (const path of ["/admin", "/admin/articles", "/admin/articles/new", "/admin/front", "/admin/calendar",
      "/admin/synonyms", "/admin/menu", "/admin/sites"]) {
      const r = await page.goto(`${base}${path}`);
      assert(r.status() === 200, `${path}: ${r.status()}`);
      for (const v of await violations(page)) problems.push(`${path}: ${v}`);
    }
    await ctx.close();
    assert(problems.length === 0, problems.join("; "));
  });
}
