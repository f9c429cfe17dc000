// i18n: the site read in French on a phone (issue 20): a reader whose browser prefers French is offered the French page in French, never sent there; the French page, its menu and its links stay in French; "No, thank you" is remembered.
export default async function (kit) {
  const { check, assert, context, base, PHONE } = kit;

  await check("languages: a phone that prefers French is offered the French page, and reads the site in French", async () => {
    const ctx = await context({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "fr-BE" });
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/`);
      assert(await page.evaluate(() => document.documentElement.lang) === "en", "the home page moved away from English by itself");
      const offer = page.locator(".language-offer");
      await offer.waitFor();
      assert(await offer.getAttribute("lang") === "fr", "the offer is not marked as French");
      const text = (await offer.textContent()).trim();
      assert(text.includes("Cette page existe aussi en français."), `the offer reads "${text}"`);
      // the offer links to the site's own address (canonical, as hreflang does), which is not this test
      // server's: the same path is opened here
      const href = await offer.getByRole("link", { name: "La lire en français" }).getAttribute("href");
      assert(new URL(href).pathname === "/fr/", `the offer leads to ${href}`);
      await page.goto(`${base}/fr/`);
      assert(await page.evaluate(() => document.documentElement.lang) === "fr", "the French page is not lang=fr");
      assert(await page.locator(".language-offer").count() === 0, "the French page offers French again");
      assert(await page.getByRole("searchbox").getAttribute("placeholder") === "Rechercher", "the search box is not French");
      const current = page.locator('.language-switcher a[aria-current="true"]');
      assert((await current.locator(".lang-name").textContent()).trim() === "Français", "the switcher does not show French as current");
      // every link of the page that stays on the site stays in French (files apart)
      const hrefs = await page.$$eval("a[href^='/'], form[action^='/']", (els) => els.map((e) => e.getAttribute("href") || e.getAttribute("action")));
      const strays = hrefs.filter((h) => !h.startsWith("/fr/") && !h.startsWith("/static/") && !h.startsWith("/media/") && !h.startsWith("//"));
      assert(hrefs.length > 10 && strays.length === 0, `links that leave French: ${strays.slice(0, 5).join(", ")}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      assert(!wide, "the French home scrolls sideways on a phone");
      // a page further in keeps the language
      const next = page.locator("main a[href^='/fr/article/']").first();
      const to = await next.getAttribute("href");
      await next.click();
      await page.waitForURL((u) => u.pathname === to);
      assert(await page.evaluate(() => document.documentElement.lang) === "fr", `${to}, reached from French, is not French`);
    } finally {
      await ctx.close();
    }
  });

  await check("languages: \"No, thank you\" to the Dutch offer is remembered, and nothing is offered to an English reader", async () => {
    const ctx = await context({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "nl-BE" });
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/congresses`);
      const offer = page.locator(".language-offer");
      await offer.waitFor();
      assert((await offer.textContent()).includes("Deze pagina bestaat ook in het Nederlands."), "the offer is not in Dutch");
      const link = await offer.getByRole("link").getAttribute("href");
      assert(new URL(link).pathname === "/nl/congresses", `the offer leads to ${link}`);
      await offer.getByRole("button", { name: "No, thank you" }).click();
      assert(await page.locator(".language-offer").count() === 0, "the offer stays after No, thank you");
      await page.reload();
      await page.waitForLoadState("load");
      assert(await page.locator(".language-offer").count() === 0, "the offer came back after No, thank you");
    } finally {
      await ctx.close();
    }
    const en = await context({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "en-GB" });
    try {
      const page = await en.newPage();
      await page.goto(`${base}/`);
      await page.waitForLoadState("load");
      assert(await page.locator(".language-offer").count() === 0, "an English reader is offered another language");
    } finally {
      await en.close();
    }
  });

  await check("languages: a translated interview on a phone: its switcher offers its own translations, each in its language", async () => {
    const ctx = await context({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "fr-BE" });
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/fr/section/gu-cancer?page=2`);
      const card = page.locator("main a[href^='/fr/article/enfortumab-vedotine']").first();
      assert(await card.count() === 1, "the French list does not show the French interview");
      await card.click();
      await page.waitForURL((u) => u.pathname.startsWith("/fr/article/enfortumab-vedotine"));
      assert(await page.evaluate(() => document.documentElement.lang) === "fr", "the French interview is not lang=fr");
      const h1 = (await page.locator("h1").textContent()).trim();
      assert(h1.startsWith("Enfortumab védotine"), `the title reads "${h1}"`);
      const links = page.locator(".language-switcher a");
      assert(await links.count() === 3, "the switcher does not offer the three translations");
      const nl = await page.locator('.language-switcher a[hreflang="nl"]').getAttribute("href");
      const path = new URL(nl).pathname;
      assert(path.startsWith("/nl/article/enfortumab-vedotin-pembrolizumab-nieuwe"), `Dutch leads to ${path}`);
      await page.goto(`${base}${path}`);
      assert(await page.evaluate(() => document.documentElement.lang) === "nl", "the Dutch interview is not lang=nl");
      assert((await page.locator("h1").textContent()).includes("eerstelijnsstandaard"), "the Dutch title is not Dutch");
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      assert(!wide, "the Dutch interview scrolls sideways on a phone");
      // an interview without a French translation is read in English inside the French interface
      await page.goto(`${base}/fr/`);
      const foreign = page.locator("main .card h3[lang='en'] a").first();
      await foreign.click();
      await page.waitForLoadState("load");
      assert(await page.evaluate(() => document.documentElement.lang) === "fr", "the interface left French");
      assert(await page.locator("h1").getAttribute("lang") === "en", "the English title is not marked lang=en");
      assert(await page.locator(".language-switcher").count() === 0, "an article in one language offers a switcher");
    } finally {
      await ctx.close();
    }
  });
}
