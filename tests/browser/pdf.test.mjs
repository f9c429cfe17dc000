// pdf: a reader opens the menu's "What's new", finds the PDF beside a cancer type's print-ready document, and
// gets the typeset document (application/pdf, shown inline); the index offers one beside each month, on a phone too.
export default async function (kit) {
  const { check, assert, context, base, PHONE } = kit;

  await check("pdf: the menu's What's new entry has its PDF beside it, and it is the typeset document", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    const whatsNew = page.locator(".main-nav details", { has: page.locator(":scope > summary", { hasText: "What's new" }) }).first();
    await whatsNew.locator(":scope > summary").click();
    const cancer = whatsNew.locator("details").first();
    await cancer.locator(":scope > summary").click();
    const pdf = cancer.locator("a.menu-pdf");
    assert(await pdf.isVisible(), "no visible PDF link beside the print-ready document");
    const doc = cancer.locator('a[href$="/whats-new"]');
    const [a, b] = [await doc.boundingBox(), await pdf.boundingBox()];
    assert(a && b && Math.abs(a.y - b.y) < a.height && b.x > a.x, "the PDF link is not beside its entry");
    const href = await pdf.getAttribute("href");
    assert(/^\/section\/[a-z0-9-]+\/whats-new\.pdf$/.test(href), `the PDF link leads to ${href}`);
    const answer = await ctx.request.get(`${base}${href}`);
    assert(answer.status() === 200, `the PDF answers ${answer.status()}`);
    assert(answer.headers()["content-type"] === "application/pdf", `the PDF is ${answer.headers()["content-type"]}`);
    assert(answer.headers()["content-disposition"].startsWith("inline; filename="), "the PDF is not shown inline");
    assert((await answer.body()).subarray(0, 5).toString() === "%PDF-", "the PDF's bytes are not a PDF");
    await ctx.close();
  });

  await check("pdf: the What's new index offers a PDF beside each month, and fits a phone", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/section/lung-cancer/whats-new`);
    const months = page.locator(".whatsnew-list li");
    const n = await months.count();
    assert(n > 0, "the index lists no month");
    assert(await page.locator(".whatsnew-list li a.whatsnew-pdf").count() === n, "a month or congress has no PDF beside it");
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= PHONE.width, `the index is ${wide}px wide on a phone`);
    await ctx.close();
  });
}
