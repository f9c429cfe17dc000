// desk.test.mjs: the editors' desk in Chromium: the date-time field, the calendar (desktop and phone), bulk
// archive with checkboxes, and the warning when someone else has the article open.
export default async function (kit) {
  const { check, assert, staffPage, base, sqlValue, PHONE } = kit;

  // a new article through the editor, as an editor clicks it; returns its id
  async function newArticle(page, title, status, when) {
    await page.goto(`${base}/admin/articles/new`);
    await page.fill("#field-title", title);
    await page.selectOption("#field-section", await page.locator("#field-section option:not([value=''])").first().getAttribute("value"));
    await page.selectOption("#field-status", status);
    if (when) await page.fill("#field-published", when);
    await Promise.all([page.waitForURL(/\/admin\/articles\/\d+\?saved=1$/), page.getByRole("button", { name: "Save", exact: true }).click()]);
    return Number(new URL(page.url()).pathname.split("/").pop());
  }

  await check("desk: the publication time is a date-time field, stored in UTC, on the calendar's day", async () => {
    const { ctx, page } = await staffPage("editor");
    assert(await page.evaluate(() => true), "no page");
    await page.goto(`${base}/admin/articles/new`);
    assert((await page.locator("#field-published").getAttribute("type")) === "datetime-local", "the field is not datetime-local");
    const label = await page.locator('label[for="field-published"]').textContent();
    assert(label.includes("UTC"), `the label does not name the zone: ${label}`);
    const title = `Calendar brief ${Date.now()}`;
    const id = await newArticle(page, title, "scheduled", "2031-06-14T09:30");
    const stored = sqlValue("SELECT published_at FROM article WHERE id = ?", id);
    assert(stored === String(Date.UTC(2031, 5, 14, 9, 30) / 1000), `stored ${stored}`);
    assert((await page.inputValue("#field-published")) === "2031-06-14T09:30", "the field does not show the time back");
    await page.goto(`${base}/admin/calendar?month=2031-06`);
    const day = page.locator('td[data-date="2031-06-14"]');
    assert((await day.textContent()).includes("09:30 UTC"), "the time with its zone is not on the day");
    await Promise.all([page.waitForURL(`${base}/admin/articles/${id}`), day.getByRole("link", { name: title }).click()]);
    await ctx.close();
  });

  await check("desk: the calendar fits a phone's width", async () => {
    const { ctx, page } = await staffPage("editor");
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/admin/calendar?month=2031-06`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= PHONE.width, `the page is ${wide} px wide on a ${PHONE.width} px phone`);
    await ctx.close();
  });

  for (const js of [true, false]) {
    await check(`desk: bulk archive with checkboxes reports each row ${js ? "with" : "without"} JavaScript`, async () => {
      const { ctx, page } = await staffPage("editor", js);
      const stamp = Date.now();
      const a = await newArticle(page, `Bulk one ${stamp}`, "draft");
      const b = await newArticle(page, `Bulk two ${stamp}`, "draft");
      await page.goto(`${base}/admin/articles?q=${stamp}`);
      await page.check(`#tick-${a}`);
      await page.check(`#tick-${b}`);
      await page.selectOption("#bulk-action", "archive");
      await Promise.all([page.waitForURL(`${base}/admin/articles/bulk`), page.getByRole("button", { name: "Apply" }).click()]);
      const rows = await page.locator("main tbody tr, tbody tr").allTextContents();
      assert(rows.length === 2 && rows.every((r) => r.includes("Archived.")), `rows: ${JSON.stringify(rows)}`);
      for (const id of [a, b]) assert(sqlValue("SELECT status FROM article WHERE id = ?", id) === "archived", `article ${id} not archived`);
      await ctx.close();
    });
  }

  await check("desk: an editor opening an article someone else has open is warned, the list says who, the first one's page learns it", async () => {
    const first = await staffPage("editor");
    const second = await staffPage("editor");
    const problems = [];
    first.page.on("pageerror", (e) => problems.push(String(e)));
    const id = await newArticle(first.page, `Shared ${Date.now()}`, "draft");
    await first.page.clock.install(); // the script's 30 s timer, run forward below
    await first.page.goto(`${base}/admin/articles/${id}`);
    assert(await first.page.locator(".presence").count() === 0, "a presence box while no one else has it open");
    await second.page.goto(`${base}/admin/articles/${id}`);
    const notice = await second.page.locator(".notice").textContent();
    assert(notice.includes("editor Browser has this article open in the editor too"), `notice: ${notice}`);
    await second.page.goto(`${base}/admin/articles`);
    const row = second.page.locator("tr", { has: second.page.locator(`a[href="/admin/articles/${id}"]`) });
    assert((await row.locator(".editing").textContent()).includes("Being edited by editor Browser"), "the list does not say who");
    await second.page.goto(`${base}/admin/articles/${id}`);
    // the first editor's script refreshes its mark and shows the second one without reloading
    await first.page.clock.fastForward(31_000);
    await first.page.locator(".presence", { hasText: "has this article open in the editor too" }).waitFor({ timeout: 5000 });
    assert(problems.length === 0, `errors: ${problems[0]}`);
    await first.ctx.close();
    await second.ctx.close();
  });
}
