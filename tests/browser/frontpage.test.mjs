// Browser tests of the front page an editor controls (issue 16): menu entries picked from what exists or refused by
// name, the highlighted congress, featured articles and their order, all without JavaScript too.
export default async function (kit) {
  const { check, assert, staffPage, base, sqlValue } = kit;

  const homeOf = async (ctx) => {
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    return page;
  };
  const cardSlugs = async (page, titleId) =>
    page.locator(`section:has(h2#${titleId}) .card-title a`).evaluateAll((as) =>
      as.map((a) => a.getAttribute("href").replace("/article/", "")));

  await check("front page: the editor picks the highlighted congress and the home page follows at once", async () => {
    const { ctx, page } = await staffPage("editor");
    await page.goto(`${base}/admin/front`);
    const sabcs = sqlValue("SELECT id FROM congress WHERE slug = 'sabcs-2023'");
    await page.selectOption("#field-congress", sabcs);
    await page.getByRole("button", { name: "Save the highlight" }).click();
    await page.locator(".notice", { hasText: "The highlight is saved" }).waitFor();
    const home = await homeOf(ctx);
    const h = (await home.locator("#highlight-title").textContent()).trim();
    assert(h === "Highlights from SABCS 2023", `the home page highlights "${h}"`);
    await page.selectOption("#field-congress", "0");
    await page.getByRole("button", { name: "Save the highlight" }).click();
    await page.locator(".notice", { hasText: "The highlight is saved" }).waitFor();
    await home.reload();
    const auto = (await home.locator("#highlight-title").textContent()).trim();
    assert(auto !== "Highlights from SABCS 2023", "Automatic did not come back");
    await ctx.close();
  });

  await check("front page without JavaScript: feature two articles, swap them with Up, no card twice, remove", async () => {
    const { ctx, page } = await staffPage("editor", false);
    await page.goto(`${base}/admin/front`);
    const first = await page.locator("#field-article option:not([value=''])").nth(5).getAttribute("value");
    await page.selectOption("#field-article", first);
    await page.check('input[name="place"][value="featured"]');
    await page.getByRole("button", { name: "Add to the front page" }).click();
    await page.locator(".notice", { hasText: "on the front page" }).waitFor();
    const secondSlug = sqlValue("SELECT slug FROM article WHERE site_id = 1 AND status = 'published' " +
      "AND id <> ? ORDER BY published_at ASC LIMIT 1", first);
    await page.fill("#field-address", `${base}/article/${secondSlug}`);
    await page.check('input[name="place"][value="featured"]');
    await page.getByRole("button", { name: "Add to the front page" }).click();
    await page.locator(".notice", { hasText: "on the front page" }).waitFor();
    const firstSlug = sqlValue("SELECT slug FROM article WHERE id = ?", first);
    const home = await homeOf(ctx);
    let featured = await cardSlugs(home, "featured-title");
    assert(featured.join() === [firstSlug, secondSlug].join(), `featured shows ${featured.join()}`);
    const all = await home.locator(".card-title a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert(new Set(all).size === all.length, "an article shows twice on the home page");
    const secondId = sqlValue("SELECT id FROM article WHERE slug = ?", secondSlug);
    await page.locator(`#front-${secondId}`).getByRole("button", { name: /up$/ }).click();
    await page.locator(".notice", { hasText: "Moved" }).waitFor();
    await home.reload();
    featured = await cardSlugs(home, "featured-title");
    assert(featured.join() === [secondSlug, firstSlug].join(), `after Up, featured shows ${featured.join()}`);
    for (const id of [first, secondId]) {
      await page.locator(`#front-${id}`).getByRole("button", { name: /Remove/ }).click();
      await page.locator(".notice", { hasText: "off the front page" }).waitFor();
    }
    await home.reload();
    assert(await home.locator("#featured-title").count() === 0, "the featured block stays after removing all");
    await ctx.close();
  });

  await check("menu: an entry picked from the grouped list shows in the public menu; a typed dead path is refused by name", async () => {
    const { ctx, page } = await staffPage("editor");
    await page.goto(`${base}/admin/menu/new`);
    const groups = await page.locator("#field-pick optgroup").evaluateAll((gs) => gs.map((g) => g.label));
    assert(groups.includes("Congresses") && groups.includes("Sections") && groups.includes("Trials"),
      `groups: ${groups.join(", ")}`);
    const label = `Picked ${Date.now()}`;
    await page.fill("#field-label", label);
    await page.fill("#field-url", "/congress/esmo-2O25");
    await page.getByRole("button", { name: "Save" }).click();
    const error = (await page.locator("#error-url").textContent()).trim();
    assert(error.includes("no congress esmo-2O25"), `the error says "${error}"`);
    assert(await page.inputValue("#field-url") === "/congress/esmo-2O25", "the typed link was lost");
    assert(await page.inputValue("#field-label") === label, "the label was lost");
    await page.fill("#field-url", "");
    await page.selectOption("#field-pick", "/congress/asco-2025");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL((u) => u.pathname === "/admin/menu");
    const home = await homeOf(ctx);
    const href = await home.locator(".main-nav a", { hasText: label }).getAttribute("href");
    assert(href === "/congress/asco-2025", `the public menu links ${href}`);
    const id = sqlValue("SELECT id FROM menu_item WHERE label = ?", label);
    await page.goto(`${base}/admin/menu/${id}/delete`);
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL((u) => u.search.includes("deleted"));
    await ctx.close();
  });
}
