// redirects: an editor adds a redirect in the back office (after a refused try, without JavaScript), and a
// reader following the old link, with a query, lands on the article.
export default async function (kit) {
  const { check, assert, context, staffPage, base, pick, PHONE } = kit;

  await check("redirects: an editor's new redirect takes a reader from the old link to the article", async () => {
    const slug = pick("1 = 1", "a.id");
    assert(slug, "the demo has no visible article");
    // a long old address, as WordPress makes from a long title
    const old = `/2019/05/${"a-long-old-post-title-".repeat(12)}${Date.now().toString(36)}/`;
    const { ctx, page } = await staffPage("editor", false);
    await page.goto(`${base}/admin`);
    await page.getByRole("link", { name: "Redirects" }).click();
    assert(await page.locator("h1").textContent() === "Redirects", "the list has no heading");
    await page.getByRole("link", { name: "Add a redirect" }).click();
    // an http:// target is refused with the reason, and what was typed stays
    await page.fill("#field-from", `https://old.example.org${old}`);
    await page.fill("#field-to", `http://example.org/article/${slug}`);
    await page.getByRole("button", { name: "Save" }).click();
    assert((await page.locator("#error-to").textContent()).includes("https://"), "an http:// target is not explained");
    assert(await page.inputValue("#field-from") === old, "the refused form lost the old address");
    await page.fill("#field-to", `/article/${slug}`);
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL((u) => u.pathname === "/admin/redirects" && u.search.startsWith("?saved="));
    assert(await page.locator("table.admin-table code", { hasText: old }).count() === 1, "the redirect is not listed");
    await page.setViewportSize(PHONE);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= PHONE.width, `the list is ${wide}px wide on a phone`);

    const reader = await context();
    const view = await reader.newPage();
    const answer = await view.goto(`${base}${old}?utm_source=newsletter`);
    assert(answer.status() === 200, `the old link ends in ${answer.status()}`);
    const landed = new URL(view.url());
    assert(landed.pathname === `/article/${slug}` && landed.search === "?utm_source=newsletter",
      `the old link lands on ${landed.pathname}${landed.search}`);
    assert(await view.locator("article h1, main h1").count() > 0, "the article's page has no heading");
    await reader.close();
    await ctx.close();
  });
}
