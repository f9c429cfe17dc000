// preview: the editor's preview is the article (beside the form on a wide screen), the Markdown toolbar, and
// the server-side autosave of drafts.
export default async function (kit) {
  const { check, assert, staffPage, base, sqlValue } = kit;
  const firstValue = async (page, sel) => page.locator(`${sel} option:not([value=''])`).first().getAttribute("value");

  await check("preview: on a wide screen the live preview sits beside the form and shows congress, faculty, trial, sponsors and topics", async () => {
    const { ctx, page } = await staffPage("editor");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/admin/articles/new`);
    const title = `Beside the form ${Date.now()}`;
    await page.fill("#field-title", title);
    await page.selectOption("#field-section", await firstValue(page, "#field-section"));
    const congress = await page.locator("#field-congress option:not([value=''])").first();
    await page.selectOption("#field-congress", await congress.getAttribute("value"));
    await page.selectOption("#field-trial", await firstValue(page, "#field-trial"));
    await page.selectOption("#field-interviewer", await firstValue(page, "#field-interviewer"));
    const sponsor = page.locator("input[name=sponsors]").first();
    await sponsor.check();
    const sponsorName = (await page.locator(`label[for="${await sponsor.getAttribute("id")}"]`).textContent()).trim();
    await page.fill("#field-tags", `Side topic ${Date.now() % 100000}`);
    const frame = page.frameLocator("#live-preview iframe:not(.is-loading)");
    await frame.locator("main h1", { hasText: title }).waitFor({ timeout: 5000 });
    await frame.locator(".sponsors", { hasText: sponsorName }).waitFor({ timeout: 5000 });
    const congressName = (await congress.textContent()).trim();
    assert((await frame.locator(".kicker").textContent()).includes(congressName), "the congress label is missing");
    assert(await frame.locator(".trial-card").count() === 1, "the trial card is missing");
    assert(await frame.locator(".interviewer").count() === 1, "the interviewer is missing");
    assert((await frame.locator(".tags").textContent()).includes("Side topic"), "the topics are missing");
    await page.evaluate(() => window.scrollTo(0, 0));
    const form = await page.locator("form.form-wide").boundingBox();
    const box = await page.locator("#live-preview").boundingBox();
    assert(box.x >= form.x + form.width - 1, `the preview is not beside the form: form ${JSON.stringify(form)}, preview ${JSON.stringify(box)}`);
    assert(box.y < form.y + 200, `the preview starts ${box.y - form.y} px below the form's top`);
    // it stays in view while the long form scrolls
    await page.evaluate(() => window.scrollTo(0, 1200)); // well inside the long form
    const after = await page.locator("#live-preview").boundingBox();
    assert(after.y >= -1 && after.y < 200, `after scrolling the preview is at y=${after.y}`);
    // on a narrow screen it goes below the form
    await page.setViewportSize({ width: 900, height: 900 });
    const f2 = await page.locator("form.form-wide").boundingBox();
    const b2 = await page.locator("#live-preview").boundingBox();
    assert(b2.y >= f2.y + f2.height - 1, "on a narrow screen the preview is not below the form");
    assert(sqlValue("SELECT count(*) FROM article WHERE title = ?", title) === "0", "the preview saved the article");
    await ctx.close();
  });
}
