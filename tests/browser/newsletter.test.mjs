// newsletter: an editor (without JavaScript) writes a newsletter, finds a verified-HCP article by a title search
// and picks it with a recent public one, orders them, and previews the mail as each level of reader: the gated
// body only for a verified HCP, its teaser and link for an anonymous subscriber.
export default async function (kit) {
  const { check, assert, staffPage, base, sqlValue, pickGated } = kit;

  await check("newsletter: an editor composes, picks by search, orders and previews per reader level", async () => {
    const gated = pickGated("verified_hcp");
    assert(gated, "the demo has no verified-HCP article with a sentence to look for");
    const [slug, sentence] = gated;
    const title = sqlValue("SELECT title FROM article WHERE slug = ?", slug);
    const gatedId = sqlValue("SELECT id FROM article WHERE slug = ?", slug);
    const subject = `Browser weekly ${Date.now().toString(36)}`;
    const { ctx, page } = await staffPage("editor", false);
    await page.goto(`${base}/admin/newsletters`);
    assert(await page.locator("h1").textContent() === "Newsletters", "the list has no heading");
    await page.getByRole("link", { name: "Write a newsletter" }).click();
    await page.waitForURL((u) => u.pathname === "/admin/newsletters/new");

    // a refused save keeps what was typed and says which field to fix
    await page.fill("#field-intro", "Kept *intro*");
    await page.getByRole("button", { name: "Save" }).click();
    assert((await page.locator("#error-subject").textContent()).includes("subject"), "an empty subject is not explained");
    assert(await page.inputValue("#field-intro") === "Kept *intro*", "the refused form lost the introduction");

    // the search finds the gated article by words of its title
    await page.goto(`${base}/admin/newsletters/new`);
    const words = title.split(/\s+/).filter((w) => /^[A-Za-z0-9]{3,}$/.test(w)).slice(0, 2).join(" ");
    await page.fill("#field-q", words);
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((u) => u.searchParams.get("q") === words);
    await page.check(`#pick-${gatedId}`);
    await page.fill("#field-subject", subject);
    await page.fill("#field-intro", "This week **at the congress**.");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL((u) => /^\/admin\/newsletters\/\d+$/.test(u.pathname) && u.search === "?done=saved");
    const id = page.url().match(/newsletters\/(\d+)/)[1];

    // a recent public article added first: place 1, the gated one 2
    const firstPublic = page.locator("input[name=article]:not(:checked)").first();
    const publicId = await firstPublic.getAttribute("value");
    await firstPublic.check();
    await page.fill(`input[name=place_${publicId}]`, "1");
    await page.fill(`input[name=place_${gatedId}]`, "2");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL((u) => u.search === "?done=saved");
    const order = sqlValue("SELECT group_concat(article_id) FROM (SELECT article_id FROM newsletter_article " +
      "WHERE newsletter_id = ? ORDER BY position)", id);
    assert(order === `${publicId},${gatedId}`, `the order saved is ${order}`);

    // the preview: anonymous first (the default), then a verified HCP
    const preview = page.locator("#newsletter-preview");
    assert((await preview.locator("strong").first().textContent()) === "at the congress", "the intro's Markdown is not rendered");
    let text = await preview.textContent();
    assert(text.includes(title), "the gated article's title is not in the anonymous preview");
    assert(!text.includes(sentence), "the anonymous preview shows the gated body");
    assert(text.includes("verified healthcare professionals"), "the anonymous preview does not say who may read it");
    await page.selectOption("#field-level", "verified");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL((u) => u.searchParams.get("level") === "verified");
    text = await page.locator("#newsletter-preview").textContent();
    assert(text.includes(sentence), "the verified-HCP preview lacks the gated body");
    const titles = await page.locator("#newsletter-preview h2").allTextContents();
    assert(titles.length === 2 && titles[1].trim() === title, `the preview's order is ${titles.join(" | ")}`);

    // the list shows it as a draft
    await page.goto(`${base}/admin/newsletters`);
    const row = page.locator("table.admin-table tr", { hasText: subject });
    assert(await row.count() === 1 && (await row.locator("td").nth(1).textContent()) === "Draft",
      "the list does not show the new draft");
    await ctx.close();
  });
}
