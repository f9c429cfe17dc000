// synonyms: an editor adds a synonym group in the back office (without JavaScript, after a refused try), a
// reader on a phone searches for the new term from the header and finds the articles of its synonym with it
// highlighted, and the group's deletion takes the widening away at once.
export default async function (kit) {
  const { check, assert, context, staffPage, base, sqlValue, PHONE } = kit;

  await check("synonyms: an editor's new group widens a reader's search at once, and its deletion narrows it", async () => {
    const brand = `zqbrand${Date.now().toString(36)}x`;
    const generic = "immunotherapy"; // in the demo's oncology articles, in none of its groups
    const { ctx, page } = await staffPage("editor", false);
    await page.goto(`${base}/admin/synonyms`);
    assert(await page.locator("h1").textContent() === "Search synonyms", "the list has no heading");
    const before = Number(sqlValue("SELECT count(*) FROM synonym_group WHERE site_id = 1"));
    assert((await page.locator("main").textContent()).includes(`${before} of at most 300 groups`),
      "the list does not say how many groups there are");
    await page.getByRole("link", { name: "Add a group" }).click();
    // one term is refused with a reason, and what was typed stays
    await page.fill("#field-terms", brand);
    await page.getByRole("button", { name: "Save" }).click();
    const error = page.locator("#error-terms");
    assert((await error.textContent()).includes("at least two terms"), "a one-term group is not explained");
    assert(await page.inputValue("#field-terms") === brand, "the refused form lost what was typed");
    await page.fill("#field-terms", `${brand.toUpperCase()} ,  ${generic}`);
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL((u) => u.pathname === "/admin/synonyms" && u.search.startsWith("?saved="));
    const row = page.locator("table.admin-table td:first-child a", { hasText: `${brand.toUpperCase()}, ${generic}` });
    assert(await row.count() === 1, "the new group is not listed, tidied");

    // a reader on a phone, from the header's search box
    const reader = await context({ viewport: PHONE, hasTouch: true, isMobile: true });
    await reader.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
    const view = await reader.newPage();
    await view.goto(`${base}/`);
    await view.fill("#header-q", brand);
    await view.press("#header-q", "Enter");
    await view.waitForURL((u) => u.pathname === "/search");
    const results = view.locator("li.result");
    assert(await results.count() > 0, `${brand} finds nothing though it means ${generic}`);
    assert((await view.locator("li.result mark").first().textContent()).toLowerCase().startsWith("immunotherap"),
      "the synonym that matched is not highlighted");
    assert((await view.locator(".also-searched").textContent()).includes(generic),
      "the page does not say which synonym it searched for");
    const wide = await view.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= PHONE.width, `the results page is ${wide}px wide on a phone`);

    // deleted: the same search finds nothing again
    await row.click();
    await page.getByRole("link", { name: "Delete…" }).click();
    await page.getByRole("button", { name: /Delete/ }).click();
    await page.waitForURL((u) => u.pathname === "/admin/synonyms" && u.search === "?deleted=1");
    assert(sqlValue("SELECT count(*) FROM synonym_group WHERE site_id = 1") === String(before),
      "the group is still stored");
    await view.reload();
    assert(await view.locator("li.result").count() === 0, "the deleted group still widens the search");
    assert(await view.locator(".also-searched").count() === 0, "the page still names the deleted synonym");
    await reader.close();
    await ctx.close();
  });
}
