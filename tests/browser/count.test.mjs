// count: the article page's beacon script (static/count.js, issue 21): scrolling past most of the text sends one read beacon per page load, the server counts one read however often the page is reloaded, and without JavaScript the view still counts and no beacon goes.

// Playwright's headless Chromium says HeadlessChrome, which the server takes for a robot: a reader's browser
const READER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

export default async function (kit) {
  const { check, assert, context, base, sqlValue, pick, sleep } = kit;
  const slug = pick("a.lang = ''", "length(a.body) DESC");
  assert(slug, "the demo has no public article in English");
  const id = sqlValue("SELECT id FROM article WHERE slug = ?", slug);
  const count = (event) => Number(sqlValue(
    "SELECT COALESCE(SUM(n), 0) FROM analytics_count WHERE article_id = ? AND event = ?", id, event));
  const settled = async (event, want) => { // the writer writes within a second or two
    for (let i = 0; i < 60 && count(event) < want; i++) await sleep(100);
    await sleep(1500);
    return count(event);
  };

  await check("counting: scrolling an article sends one read beacon a load; three loads count one read", async () => {
    const views = count("view");
    const ctx = await context({ userAgent: READER_UA, viewport: { width: 1280, height: 400 } });
    const page = await ctx.newPage();
    const beacons = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/count") beacons.push(r.postData() || "");
    });
    for (let load = 1; load <= 3; load++) {
      await page.goto(`${base}/article/${slug}?load=${load}`);
      assert(await page.locator(`article[data-count="${id}"]`).count() === 1, "the article carries no data-count");
      await sleep(300);
      assert(beacons.length === load - 1, `a beacon went before any scroll (${beacons.length})`);
      for (let y = 0; y < 20; y++) { // a reader scrolls down in steps
        await page.mouse.wheel(0, 400);
        await sleep(50);
      }
      for (let i = 0; i < 50 && beacons.length < load; i++) await sleep(50);
      await page.mouse.wheel(0, -2000); // scrolling on sends no second one
      await sleep(200);
      assert(beacons.length === load, `${beacons.length} beacons after ${load} loads`);
    }
    assert(beacons.every((b) => b === `a=${id}&e=read`), `beacon bodies: ${beacons.join(" | ")}`);
    assert(await settled("read", 1) === 1, `${count("read")} reads counted for three loads`);
    assert(count("view") === views + 3, `${count("view") - views} views counted for three loads`);
    assert((await ctx.cookies()).length === 0, "counting set a cookie");
    await ctx.close();
  });

  await check("counting: without JavaScript the view counts and no beacon goes", async () => {
    const views = count("view"), reads = count("read");
    const ctx = await context({ userAgent: READER_UA, javaScriptEnabled: false });
    const page = await ctx.newPage();
    let beacons = 0;
    page.on("request", (r) => { if (new URL(r.url()).pathname === "/count") beacons++; });
    await page.goto(`${base}/article/${slug}`);
    await page.mouse.wheel(0, 8000);
    await sleep(500);
    assert(beacons === 0, "a beacon went without JavaScript");
    assert(await settled("view", views + 1) === views + 1, "the view was not counted");
    assert(count("read") === reads, "a read was counted without JavaScript");
    await ctx.close();
  });
}
