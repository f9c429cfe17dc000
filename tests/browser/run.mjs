// Browser tests: real Chromium (Debian's) driven by playwright-core through the flows a reader clicks.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const require = createRequire(join(here, "../package.json"));
const { chromium } = require("playwright-core");

const bin = resolve(root, process.env.PLENARY_BIN || (existsSync(join(root, "build/plenary")) ? "build/plenary" : "plenary"));
let passed = 0, failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message.split("\n")[0]}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const freePort = () => new Promise((res) => {
  const s = createServer();
  s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => res(p)); });
});

const dir = mkdtempSync(join(tmpdir(), "plenary-browser-"));
execFileSync(bin, ["demo", join(dir, "demo.db")], { stdio: "ignore" });
const port = await freePort();
const server = spawn(bin, ["serve", "--db", join(dir, "demo.db"), "--listen", `127.0.0.1:${port}`, "--threads", "2"],
  { stdio: ["ignore", "ignore", "inherit"], cwd: root });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 50; i++) {
  try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

try {
  for (const js of [true, false]) {
    for (const choice of ["Reject", "Accept"]) {
      await check(`consent banner: ${choice} ${js ? "with" : "without"} JavaScript`, async () => {
        const ctx = await browser.newContext({ javaScriptEnabled: js });
        const page = await ctx.newPage();
        await page.goto(`${base}/congresses`);
        assert(await page.locator(".consent").isVisible(), "banner not shown on first visit");
        assert((await ctx.cookies()).length === 0, "a cookie was set before any choice");
        await page.locator(".consent").getByRole("button", { name: choice }).click();
        await page.waitForLoadState();
        assert(new URL(page.url()).pathname === "/congresses", `returned to ${page.url()}`);
        assert(await page.locator(".consent").count() === 0, "banner still shown after the choice");
        const c = (await ctx.cookies()).find((k) => k.name === "plenary_consent");
        assert(c && c.value === (choice === "Accept" ? "accepted" : "rejected"), "consent cookie not remembered");
        await ctx.close();
      });
    }
  }

  await check("keyboard: the first Tab reaches the skip link, which moves to main", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base + "/");
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => document.activeElement.textContent);
    assert(text.includes("Skip to main content"), `first focus is "${text}"`);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert(outline !== "none", "focused skip link has no outline");
    await page.keyboard.press("Enter");
    const id = await page.evaluate(() => document.activeElement.id);
    assert(id === "main", `focus after Enter is on #${id}`);
    await ctx.close();
  });

  await check("keyboard: the Congresses submenu opens with Enter and leads to a congress hub", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base + "/");
    const summary = page.locator(".main-nav summary", { hasText: "Congresses" });
    await summary.focus();
    await page.keyboard.press("Enter");
    const year = page.locator(".main-nav summary", { hasText: "2024" });
    await year.focus();
    await page.keyboard.press("Enter");
    const link = page.locator(".main-nav a", { hasText: "SABCS 2024" });
    assert(await link.isVisible(), "congress link not visible after opening the submenus");
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/congress\/sabcs-2024$/);
    assert((await page.locator("h1").textContent()).includes("SABCS 2024"), "hub heading");
    await page.locator(".cards .card-title a").first().click();
    await page.waitForURL(/\/article\//);
    assert(await page.locator(".article h1").isVisible(), "article heading");
    await ctx.close();
  });

  await check("phone: submenu opens by tap, stays on screen, and pages do not scroll sideways", async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    for (const path of ["/", "/article/adjuvant-atezolizumab-in-stage-ii-iii-tnbc-what-alexandra-impassion030-tells-us"]) {
      await page.goto(base + path);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(wide <= 375, `${path} is ${wide}px wide`);
    }
    await page.goto(base + "/");
    await page.locator(".main-nav summary", { hasText: "Congresses" }).tap();
    const link = page.locator(".main-nav a", { hasText: "Congresses: overview" });
    assert(await link.isVisible(), "overview link hidden after tap");
    const box = await link.boundingBox();
    assert(box && box.x >= 0 && box.x + box.width <= 375, `link outside the screen: ${JSON.stringify(box)}`);
    await ctx.close();
  });

  await check("contact form: errors shown with status 422, then a thank-you once filled in", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base + "/contact");
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Send message" }).click(),
    ]);
    assert(resp.status() === 422, `status ${resp.status()}`);
    await page.waitForLoadState();
    assert(await page.locator(".error-summary").isVisible(), "no error summary");
    assert((await page.locator(".field-error").count()) === 5, "not one message per field");
    await page.fill("#field-name", "Dr Ana Lima");
    await page.fill("#field-email", "ana.lima@example.org");
    await page.selectOption("#field-topic", "editorial");
    await page.fill("#field-message", "A question about the ALEXANDRA interview, please.");
    await page.check("#field-agree");
    await page.getByRole("button", { name: "Send message" }).click();
    await page.waitForURL(/\/contact\?sent=1$/);
    assert((await page.locator(".notice").textContent()).includes("Thank you"), "no thank-you notice");
    await ctx.close();
  });

  await check("video: embedded only after accepting, a plain link before", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const path = "/article/adjuvant-atezolizumab-in-stage-ii-iii-tnbc-what-alexandra-impassion030-tells-us";
    const thirdParty = [];
    page.on("request", (r) => { if (!r.url().startsWith(base)) thirdParty.push(r.url()); });
    await page.goto(base + path);
    assert(await page.locator(".video iframe").count() === 0, "iframe before consent");
    assert(thirdParty.length === 0, `requests to other hosts before consent: ${thirdParty[0]}`);
    await page.locator(".consent").getByRole("button", { name: "Accept" }).click();
    await page.waitForLoadState();
    const src = await page.locator(".video iframe").getAttribute("src");
    assert(src && src.startsWith("https://www.youtube-nocookie.com/embed/"), `iframe src ${src}`);
    await ctx.close();
  });
} finally {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
