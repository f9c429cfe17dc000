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

  await toolbar(kit);
  await autosave(kit);
}

export async function toolbar(kit) {
  const { check, assert, staffPage, base, sqlValue, root } = kit;
  const { execFileSync } = await import("node:child_process");
  const { join } = await import("node:path");
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");

  await check("toolbar: buttons and Ctrl+B/I/K write Markdown, the picker inserts a library image the preview shows", async () => {
    const { ctx, page } = await staffPage("editor");
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    // an image in the library, uploaded as an editor does
    const file = join(mkdtempSync(join(tmpdir(), "plenary-toolbar-")), "chart.png");
    execFileSync("/usr/bin/python3", ["-c", "import sys;from PIL import Image;Image.new('RGB',(400,300),(20,90,160)).save(sys.argv[1])", file]);
    const alt = `Toolbar chart ${Date.now()}`;
    await page.goto(`${base}/admin/media`);
    await page.setInputFiles("#field-file", file);
    await page.fill("#field-alt", alt);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.waitForURL((u) => /^\/admin\/media\/\d+$/.test(u.pathname), { timeout: 20000 });

    await page.goto(`${base}/admin/articles/new`);
    const bar = page.getByRole("toolbar", { name: "Format the body" });
    assert(await bar.isVisible(), "no toolbar");
    for (const name of ["Heading", "Subheading", "Bold", "Italic", "Link", "Bulleted list", "Numbered list", "Quote", "Image from the library"])
      assert(await bar.getByRole("button", { name, exact: true }).count() === 1, `no "${name}" button`);
    const body = page.locator("#field-body");
    const value = () => body.inputValue();
    const select = (from, to) => body.evaluate((el, [a, b]) => el.setSelectionRange(a, b), [from, to]);

    await body.fill("alpha beta");
    await select(0, 5);
    await page.keyboard.press("Control+b");
    assert(await value() === "**alpha** beta", `Ctrl+B gave ${JSON.stringify(await value())}`);
    await page.keyboard.press("Control+b");
    assert(await value() === "alpha beta", `Ctrl+B again gave ${JSON.stringify(await value())}`);
    await select(6, 10);
    await page.keyboard.press("Control+i");
    assert(await value() === "alpha _beta_", `Ctrl+I gave ${JSON.stringify(await value())}`);
    await select(0, 5);
    await page.keyboard.press("Control+k");
    assert(await value() === "[alpha](https://) _beta_", `Ctrl+K gave ${JSON.stringify(await value())}`);
    await page.keyboard.type("https://example.org/a");
    assert(await value() === "[alpha](https://example.org/a) _beta_", "the link's address was not selected to type over");

    await body.fill("one\ntwo\nthree");
    await select(0, 7);
    await bar.getByRole("button", { name: "Bulleted list" }).click();
    assert(await value() === "- one\n- two\nthree", `bulleted list gave ${JSON.stringify(await value())}`);
    await bar.getByRole("button", { name: "Numbered list" }).click();
    assert(await value() === "1. one\n2. two\nthree", `numbered list gave ${JSON.stringify(await value())}`);
    await select(await value().then((v) => v.length) - 2, await value().then((v) => v.length) - 2);
    await bar.getByRole("button", { name: "Quote" }).click();
    assert((await value()).endsWith("\n> three"), `quote gave ${JSON.stringify(await value())}`);
    await select(0, 0);
    await bar.getByRole("button", { name: "Heading", exact: true }).click();
    assert((await value()).startsWith("## one\n2. two"), `heading gave ${JSON.stringify(await value())}`);

    // the picker: an image of the library as Markdown, in its own paragraph, shown by the preview
    await page.fill("#field-title", `Toolbar ${Date.now()}`);
    await page.selectOption("#field-section", await page.locator("#field-section option:not([value=''])").first().getAttribute("value"));
    await body.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
    await bar.getByRole("button", { name: "Image from the library" }).click();
    const dialog = page.getByRole("dialog", { name: "Insert an image from the library" });
    assert(await dialog.isVisible(), "the picker did not open");
    await dialog.getByRole("button", { name: alt }).click();
    assert(!(await dialog.isVisible()), "the picker stayed open");
    const md = (await value()).split("\n\n").pop();
    assert(new RegExp(`^!\\[${alt}\\]\\(/media/[0-9a-f]{32}-\\d+\\.png\\)$`).test(md), `the picker inserted ${JSON.stringify(md)}`);
    const frame = page.frameLocator("#live-preview iframe:not(.is-loading)");
    await frame.locator(`.article-body img[alt="${alt}"]`).waitFor({ timeout: 5000 });
    const loaded = await frame.locator(`.article-body img[alt="${alt}"]`).evaluate((img) => img.complete && img.naturalWidth > 0);
    assert(loaded, "the image in the preview did not load");
    assert(problems.length === 0, `errors in the page: ${problems[0]}`);
    await ctx.close();
  });

  await check("toolbar: without JavaScript the body is a plain textarea, no toolbar", async () => {
    const { ctx, page } = await staffPage("editor", false);
    await page.goto(`${base}/admin/articles/new`);
    assert(await page.locator(".md-toolbar").count() === 1 && !(await page.locator(".md-toolbar").isVisible()), "a toolbar shows without JavaScript");
    assert(await page.locator("#field-body").isVisible(), "no body field");
    await ctx.close();
  });
  void sqlValue; void root;
}

export async function autosave(kit) {
  const { check, assert, staffPage, base, sqlValue } = kit;

  await check("autosave: typing is kept on the server; after the tab closes the editor offers to restore it", async () => {
    const { ctx, page } = await staffPage("editor");
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(`${base}/admin/articles/new`);
    const title = `Autosaved ${Date.now()}`;
    await page.fill("#field-title", title);
    await page.selectOption("#field-section", await page.locator("#field-section option:not([value=''])").first().getAttribute("value"));
    await page.locator("#field-body").click();
    const typedFrom = Date.now();
    await page.keyboard.type("First words of the draft.", { delay: 20 });
    await page.locator("#autosave-status", { hasText: "Autosaved at" }).waitFor({ timeout: 6000 });
    assert(Date.now() - typedFrom < 6000, "the autosave came late");
    // more words, and the tab is closed at once: the closing tab sends them
    await page.keyboard.type(" Last words before the crash.", { delay: 10 });
    await page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 500));
    assert(sqlValue("SELECT count(*) FROM article WHERE title = ?", title) === "0", "the autosave saved an article");
    const again = await ctx.newPage();
    await again.goto(`${base}/admin/articles/new`);
    const restore = again.getByRole("link", { name: /^Restore the autosaved version from \d\d:\d\d UTC$/ });
    assert(await restore.isVisible(), "no offer to restore the autosave");
    await restore.click();
    await again.waitForURL((u) => u.searchParams.get("autosave") === "restore");
    assert((await again.inputValue("#field-title")) === title, "the restored title differs");
    const body = await again.inputValue("#field-body");
    assert(body === "First words of the draft. Last words before the crash.", `the restored body is ${JSON.stringify(body)}`);
    // a real save drops it
    await again.getByRole("button", { name: "Save", exact: true }).click();
    await again.waitForURL((u) => /^\/admin\/articles\/\d+$/.test(u.pathname));
    await again.goto(`${base}/admin/articles/new`);
    assert(await again.locator(".autosave-offer").count() === 0, "the autosave is offered after the save");
    assert(problems.length === 0, `errors in the page: ${problems[0]}`);
    await ctx.close();
  });

  await check("autosave: without JavaScript nothing is autosaved", async () => {
    const { ctx, page } = await staffPage("editor", false);
    await page.goto(`${base}/admin/articles/new`);
    const title = `No-script autosave ${Date.now()}`;
    await page.fill("#field-title", title);
    await page.fill("#field-body", "Typed without scripts.");
    await new Promise((r) => setTimeout(r, 2500));
    assert(!(await page.locator("#autosave-status").isVisible()), "an autosave status shows without JavaScript");
    assert(sqlValue("SELECT count(*) FROM article_autosave WHERE fields LIKE ?", `%${encodeURIComponent(title).replace(/%20/g, "+")}%`) === "0", "something was autosaved");
    await ctx.close();
  });
}
