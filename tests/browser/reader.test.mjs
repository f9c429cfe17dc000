// Browser tests of the reader's part of issue 16: back to the article after signing in or up, staff on the back office, cards' images, logo and favicon, the phone's first screen, menus, print.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DESKTOP = { width: 1280, height: 900 };

export default async function (kit) {
  const { check, assert, context, staffPage, base, db, outbox, sqlValue, pickGated, PHONE, newest, sleep, mailText } = kit;
  // a write to the demo database (the server notices it through its change log)
  const sqlRun = (sql, ...params) => execFileSync("/usr/bin/python3", ["-c",
    "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute(sys.argv[2], sys.argv[3:])\nc.commit()",
    db, sql, ...params.map(String)], { encoding: "utf8" });
  const mailTo = async (to) => {
    for (let i = 0; i < 100; i++) {
      const files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")).sort().reverse() : [];
      for (const f of files) {
        const text = readFileSync(join(outbox, f), "utf8");
        if (text.toLowerCase().includes(`to: ${to}`)) return mailText(join(outbox, f));
      }
      await sleep(100);
    }
    throw new Error(`no mail to ${to}`);
  };
  // an attribute the page's script sets when the element's "toggle" event comes (a task after the click)
  const attrSoon = async (locator, name, value) => {
    for (let i = 0; i < 50; i++) {
      if (await locator.getAttribute(name) === value) return true;
      await sleep(20);
    }
    return false;
  };
  const members = pickGated("members");
  assert(members, "the demo has no members' article");
  const [slug, sentence] = members;
  const article = `/article/${slug}`;
  const password = "a reader's long pass phrase 77";
  const email = `reader-${Date.now()}@example.org`;

  // ---- 1. back to the article -----------------------------------------------------------------------------
  await check("reader: signing up from a gate, confirming by mail and signing in ends on the article (desktop)", async () => {
    const ctx = await context({ viewport: DESKTOP });
    await ctx.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
    const page = await ctx.newPage();
    await page.goto(base + article);
    await page.locator(".gate").getByRole("link", { name: "Sign up" }).click();
    await page.waitForURL((u) => u.pathname === "/signup" && u.searchParams.get("next") === article);
    await page.fill("#field-email", email);
    await page.fill("#field-password", password);
    await page.fill("#field-name", "Dr Back Again");
    await page.selectOption("#field-profession", "not_hcp");
    await page.check("#field-privacy");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((u) => u.pathname === "/signup/sent");
    const link = (await mailTo(email)).match(/https?:\/\/\S+?(\/verify\?token=[A-Za-z0-9_-]+&next=\S+)/);
    assert(link, "the confirmation link does not carry the article");
    await page.goto(base + link[1]);
    await page.waitForURL((u) => u.pathname === "/signin" && u.searchParams.get("next") === article);
    assert(await page.locator(".notice").isVisible(), "no notice that the address is confirmed");
    await page.fill("#field-email", email);
    await page.fill("#field-password", password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => u.pathname === article);
    assert((await page.locator(".article-body").textContent()).includes(sentence), "back on the article, but its body is not shown");
    assert(await page.locator("a", { hasText: "Back office" }).count() === 0, "a reader is shown the back office link");
    await ctx.close();
  });

  await check("reader: signing in from a gate on a phone comes back to the article; next=//elsewhere is ignored", async () => {
    const ctx = await context({ viewport: PHONE, hasTouch: true, isMobile: true });
    await ctx.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
    const page = await ctx.newPage();
    await page.goto(base + article);
    await page.locator(".gate").getByRole("link", { name: "Sign in" }).tap();
    await page.waitForURL((u) => u.pathname === "/signin");
    await page.fill("#field-email", email);
    await page.fill("#field-password", password);
    await page.getByRole("button", { name: "Sign in", exact: true }).tap();
    await page.waitForURL((u) => u.pathname === article);
    assert(await page.locator(".article-body").isVisible(), "the body is not shown after signing in");
    // an attacker's link: signed in, /signin?next=//evil goes to the account, not away
    await page.goto(`${base}/signin?next=${encodeURIComponent("//evil.example/x")}`);
    assert(new URL(page.url()).host === new URL(base).host && new URL(page.url()).pathname === "/account",
      `next=//evil.example led to ${page.url()}`);
    await ctx.close();
  });

  await check("reader: staff land on the back office and every public page links to it", async () => {
    const { ctx, page } = await staffPage("contributor");
    assert(new URL(page.url()).pathname.startsWith("/admin"), `a contributor landed on ${page.url()}`);
    for (const path of ["/", article, "/congresses"]) {
      await page.goto(base + path);
      const link = page.locator(".account-bar").getByRole("link", { name: "Back office" });
      assert(await link.isVisible(), `no Back office link on ${path}`);
    }
    await page.locator(".account-bar").getByRole("link", { name: "Back office" }).click();
    await page.waitForURL((u) => u.pathname.startsWith("/admin"));
    await ctx.close();
  });

  // ---- 2. pictures ----------------------------------------------------------------------------------------
  const tmp = mkdtempSync(join(tmpdir(), "plenary-reader-"));
  const picture = (name, w, h, color) => {
    execFileSync("/usr/bin/python3", ["-c",
      "import sys\nfrom PIL import Image\nw, h = int(sys.argv[2]), int(sys.argv[3])\n" +
      "im = Image.new('RGB', (w, h), sys.argv[4])\nim.paste('white', (0, 0, w // 3, h))\nim.save(sys.argv[1])",
      join(tmp, name), w, h, color]);
    return join(tmp, name);
  };
  let imageId = "", logoId = "";
  try {
    await check("reader: an editor's upload becomes the featured image of cards: lazy, sized, nothing moves (desktop and phone)", async () => {
      const { ctx, page } = await staffPage("editor");
      const upload = async (file, alt) => {
        await page.goto(`${base}/admin/media`);
        await page.setInputFiles("#field-file", file);
        await page.fill("#field-alt", alt);
        await page.getByRole("button", { name: "Upload", exact: true }).click();
        await page.waitForURL((u) => /^\/admin\/media\/\d+$/.test(u.pathname), { timeout: 30000 });
        return new URL(page.url()).pathname.split("/").pop();
      };
      imageId = await upload(picture("card.png", 1200, 700, "#2a6f97"), "Waterfall plot of tumour response");
      logoId = await upload(picture("logo.png", 480, 160, "#8c1c5a"), "Plenary logo");
      await ctx.close();
      sqlRun("UPDATE article SET image_id = ? WHERE slug = ?", imageId, newest);
      sqlRun("UPDATE site SET logo_id = ?, favicon_id = ? WHERE is_default = 1", logoId, logoId);
      for (const viewport of [DESKTOP, PHONE]) {
        const reader = await context({ viewport });
        await reader.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
        const p = await reader.newPage();
        await p.goto(`${base}/`);
        const img = p.locator(`.card:has(a[href="/article/${newest}"]) img.card-image`).first();
        assert(await img.count() === 1, "the newest article's card has no image");
        assert(await img.getAttribute("loading") === "lazy", "the card image is not lazy");
        assert(await img.getAttribute("alt") === "Waterfall plot of tumour response", "the alt text is not the library's");
        assert((await img.getAttribute("srcset")).split(",").length === 4, `srcset ${await img.getAttribute("srcset")}`);
        const before = await img.boundingBox();
        assert(before && before.height > 50, `the image takes no room before it loads: ${JSON.stringify(before)}`);
        await img.scrollIntoViewIfNeeded();
        await p.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle(), { timeout: 10000 });
        const after = await img.boundingBox();
        assert(Math.abs(after.height - before.height) < 1 && Math.abs(after.width - before.width) < 1,
          `the image changed size when it loaded: ${before.width}x${before.height} then ${after.width}x${after.height}`);
        assert(after.x >= 0 && after.x + after.width <= viewport.width + 0.5, "the image is wider than the screen");
        // the logo in the header, the favicon in the head
        const logo = p.locator(".site-header img.brand-logo");
        assert(await logo.isVisible(), "no logo in the header");
        await p.waitForFunction((el) => el.complete && el.naturalWidth > 0, await logo.elementHandle(), { timeout: 10000 });
        const box = await logo.boundingBox();
        assert(Math.abs(box.width / box.height - 3) < 0.1, `the logo is drawn ${box.width}x${box.height}, not 3:1`);
        const icon = await p.locator('link[rel="icon"]').getAttribute("href");
        assert(icon && (await p.request.get(base + icon)).ok(), `the favicon ${icon} does not load`);
        await reader.close();
      }
    });
  } finally {
    sqlRun("UPDATE article SET image_id = NULL WHERE slug = ?", newest);
    sqlRun("UPDATE site SET logo_id = NULL, favicon_id = NULL WHERE is_default = 1");
    rmSync(tmp, { recursive: true, force: true });
  }

  // ---- 3. the phone ---------------------------------------------------------------------------------------
  await check("reader: on a phone the first screen shows content and the consent banner takes at most a quarter of it", async () => {
    const ctx = await context({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    for (const path of ["/", `/article/${newest}`, "/search?q=pembrolizumab"]) {
      await page.goto(base + path);
      const banner = await page.locator(".consent").boundingBox();
      assert(banner, `no consent banner on ${path}`);
      assert(banner.height <= PHONE.height / 4 + 0.5, `${path}: the banner is ${banner.height}px high, more than a quarter of ${PHONE.height}`);
      for (const name of ["Accept", "Reject"]) {
        const b = await page.locator(".consent").getByRole("button", { name, exact: true }).boundingBox();
        assert(b && b.y >= banner.y && b.y + b.height <= PHONE.height, `${path}: the ${name} button is not on the screen`);
      }
      // content above the banner: the page's heading, and on the home page the first card's title too
      const first = path === "/" ? ".card-title" : path.startsWith("/search") ? ".result .card-title" : "main h1";
      const c = await page.locator(first).first().boundingBox();
      assert(c && c.y + 10 < banner.y, `${path}: ${first} starts at ${c && c.y}px, under the banner at ${banner.y}px`);
    }
    await ctx.close();
  });

  await check("reader: search filters come before the results, folded on a phone, beside them and open on a desktop", async () => {
    const ctx = await context({ viewport: PHONE, hasTouch: true, isMobile: true });
    await ctx.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
    const page = await ctx.newPage();
    await page.goto(`${base}/search?q=pembrolizumab`);
    const filters = page.locator("details.search-filters");
    assert(await filters.count() === 1, "the filters are not in a <details>");
    assert(!(await filters.evaluate((d) => d.open)), "the filters are open on a phone");
    assert(await filters.evaluate((d) => !!(d.compareDocumentPosition(document.querySelector(".results")) & Node.DOCUMENT_POSITION_FOLLOWING)),
      "the filters come after the results");
    const summary = filters.locator(":scope > summary");
    assert((await summary.boundingBox()).y < (await page.locator(".results").boundingBox()).y, "the filters are drawn below the results");
    assert(await summary.getAttribute("aria-expanded") === "false", "the filters' summary does not say it is closed");
    await summary.tap();
    assert(await filters.evaluate((d) => d.open), "a tap does not open the filters");
    assert(await attrSoon(summary, "aria-expanded", "true"), "the filters' summary does not say it is open");
    assert(await filters.locator(".facet a").first().isVisible(), "no filter link shown once open");
    await ctx.close();
    const wide = await context({ viewport: DESKTOP });
    await wide.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
    const p = await wide.newPage();
    await p.goto(`${base}/search?q=pembrolizumab`);
    assert(await p.locator("details.search-filters").evaluate((d) => d.open), "the filters are folded on a desktop");
    const f = await p.locator("aside.facets").boundingBox(), r = await p.locator(".results").boundingBox();
    assert(f.x > r.x + r.width - 1 && Math.abs(f.y - r.y) < 80, `the filters are not beside the results: ${JSON.stringify([f, r])}`);
    await wide.close();
  });

  for (const [label, viewport, phone] of [["desktop", DESKTOP, false], ["phone", PHONE, true]]) {
    await check(`reader: menus show that they open and close with Escape or a tap outside (${label})`, async () => {
      const ctx = await context(phone ? { viewport, hasTouch: true, isMobile: true } : { viewport });
      await ctx.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
      const page = await ctx.newPage();
      await page.goto(`${base}/`);
      const menu = page.locator(".main-nav details", { has: page.locator(":scope > summary", { hasText: "Congresses" }) }).first();
      const summary = menu.locator(":scope > summary");
      const caret = () => summary.evaluate((s) => { const a = getComputedStyle(s, "::after"); return [a.content, a.transform]; });
      const [content, closedTurn] = await caret();
      assert(content && content !== "none", "the summary has no caret");
      assert(await summary.getAttribute("aria-expanded") === "false", `aria-expanded is ${await summary.getAttribute("aria-expanded")} while closed`);
      const open = async () => {
        if (phone) await summary.tap(); else await summary.click();
        assert(await menu.evaluate((d) => d.open), "the menu did not open");
        assert(await attrSoon(summary, "aria-expanded", "true"), "aria-expanded is not true while open");
      };
      await open();
      assert((await caret())[1] !== closedTurn, "the caret does not turn when the menu opens");
      await page.keyboard.press("Escape");
      assert(!(await menu.evaluate((d) => d.open)), "Escape did not close the menu");
      assert(await attrSoon(summary, "aria-expanded", "false"), "aria-expanded stays true after Escape");
      assert(await summary.evaluate((s) => document.activeElement === s), "the focus did not go back to the menu's summary");
      await open();
      const h = page.locator("main h2").first();
      if (phone) await h.tap(); else await h.click();
      assert(!(await menu.evaluate((d) => d.open)), "a tap outside did not close the menu");
      assert(await attrSoon(summary, "aria-expanded", "false"), "aria-expanded stays true after a tap outside");
      await ctx.close();
    });
  }

  // ---- 4. print -------------------------------------------------------------------------------------------
  await check("reader: an article prints as a clean document with its references and their links written out", async () => {
    const withRefs = sqlValue("SELECT a.slug FROM article a JOIN site s ON s.id = a.site_id WHERE s.is_default = 1 " +
      "AND a.audience = 'public' AND a.status = 'published' AND a.published_at <= strftime('%s','now') " +
      "AND EXISTS (SELECT 1 FROM reference r WHERE r.article_id = a.id AND r.url <> '') ORDER BY a.id LIMIT 1");
    assert(withRefs, "the demo has no public article with a reference link");
    const ctx = await context({ viewport: DESKTOP });
    const page = await ctx.newPage(); // no consent choice: the banner is there, and must not print
    await page.goto(`${base}/article/${withRefs}`);
    assert(await page.locator(".consent").isVisible() && await page.locator(".site-header").isVisible(), "screen: header or banner missing");
    await page.emulateMedia({ media: "print" });
    for (const gone of [".site-header", ".site-footer", ".consent", ".main-nav", ".breadcrumbs", ".share", ".related", "form"]) {
      const n = await page.locator(gone).count();
      for (let i = 0; i < n; i++) assert(!(await page.locator(gone).nth(i).isVisible()), `${gone} is printed`);
    }
    assert(await page.locator("main h1").isVisible() && await page.locator(".article-body").isVisible(), "the article's text is not printed");
    const refs = page.locator(".references a[href^='http']");
    assert(await refs.count() > 0 && await page.locator(".references").isVisible(), "the references are not printed");
    for (let i = 0; i < await refs.count(); i++) {
      const a = refs.nth(i);
      const shown = (await a.textContent()) + await a.evaluate((el) => getComputedStyle(el, "::after").content.replace(/^"|"$/g, ""));
      assert(shown.includes(await a.getAttribute("href")), `reference link ${await a.getAttribute("href")} is not written out`);
    }
    const bodyLinks = page.locator(".article-body a[href^='http']");
    if (await bodyLinks.count()) {
      const after = await bodyLinks.first().evaluate((el) => getComputedStyle(el, "::after").content);
      assert(after.includes(await bodyLinks.first().getAttribute("href")), "an outside link in the text is not written out");
    }
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert(/Georgia|serif/i.test(font), `the print font is ${font}`);
    const pdf = await page.pdf({ format: "A4" });
    assert(pdf.length > 1000, "no PDF was printed");
    await ctx.close();
  });
}
