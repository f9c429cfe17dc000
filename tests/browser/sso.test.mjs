// One sign-in for the sister sites in Chromium: a server of its own whose sites are onco.example.org (default),
// derm.example.org and heme-news.eu, all mapped to 127.0.0.1 by --host-resolver-rules.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const freePort = () => new Promise((res, rej) => {
  const s = createServer();
  s.on("error", rej);
  s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => res(p)); });
});

export default async function (kit) {
  const { check, assert, sleep, bin, root } = kit;
  const dir = mkdtempSync(join(tmpdir(), "plenary-sso-"));
  const db = join(dir, "demo.db");
  let server = null, browser = null;
  try {
    execFileSync(bin, ["demo", db], { stdio: ["ignore", "ignore", "pipe"] });
    execFileSync("/usr/bin/python3", ["-c",
      "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n" +
      "for i, h in ((1, 'onco.example.org'), (2, 'derm.example.org'), (3, 'heme-news.eu')):\n" +
      "    c.execute('UPDATE site SET host = ? WHERE id = ?', (h, i))\nc.commit()", db]);
    const port = await freePort();
    const config = join(dir, "plenary.ini");
    writeFileSync(config, `[plenary]\npublic_url = http://:${port}\noutbox = ${join(dir, "outbox")}\n` +
      `media_dir = ${join(dir, "media")}\n`);
    server = spawn(bin, ["serve", "--config", config, "--db", db, "--listen", `127.0.0.1:${port}`, "--threads", "2"],
      { stdio: ["ignore", "ignore", "ignore"], cwd: root });
    let up = false;
    for (let i = 0; i < 100 && !up; i++) {
      try { up = (await fetch(`http://127.0.0.1:${port}/healthz`)).ok; } catch { await sleep(100); }
    }
    assert(up, "the sso server did not start");
    const { chromium } = createRequire(join(here, "../package.json"))("playwright-core");
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium", headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--host-resolver-rules=MAP onco.example.org 127.0.0.1, MAP derm.example.org 127.0.0.1, " +
        "MAP heme-news.eu 127.0.0.1",
        // Sec-Fetch-* (which the handshake waits for) go only to secure origins: HTTPS in production
        `--unsafely-treat-insecure-origin-as-secure=http://onco.example.org:${port},http://derm.example.org:${port},` +
        `http://heme-news.eu:${port}`],
    });
    const at = (host, path = "/") => `http://${host}:${port}${path}`;
    const signedIn = async (page) => (await page.locator(".account-name").count()) > 0;
    const email = `sso-${Date.now()}@example.net`;
    const made = execFileSync(bin, ["user", "add", email, "--role", "reader", "--name", "Sso Browser", "--db", db,
      "--generate"], { encoding: "utf8", cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const password = made.match(/^password \(shown once\): (\S+)$/m)[1];

    for (const js of [true, false]) {
      await check(`sso: signed in on oncology, signed in on dermatology and hematology, signed out of all (${js ? "with" : "without"} JavaScript)`, async () => {
        const ctx = await browser.newContext({ javaScriptEnabled: js });
        ctx.setDefaultTimeout(10_000);
        const page = await ctx.newPage();
        await page.goto(at("onco.example.org"));
        await page.locator(".consent").getByRole("button", { name: "Reject", exact: true }).click();
        await page.waitForLoadState();
        await page.goto(at("onco.example.org", "/signin"));
        await page.fill("#field-email", email);
        await page.fill("#field-password", password);
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
        await page.waitForURL((u) => u.pathname !== "/signin");
        const cookies = await ctx.cookies();
        const shared = cookies.find((c) => c.name === "plenary_shared_session");
        assert(shared && shared.domain === ".example.org", `session cookie on ${shared && shared.domain}`);
        await page.goto(at("derm.example.org", "/search"));
        assert(await signedIn(page), "not signed in on derm.example.org");
        assert(await page.locator(".consent").count() === 0, "derm.example.org asks for consent again");
        const hops = [];
        page.on("request", (r) => { if (r.isNavigationRequest()) hops.push(new URL(r.url()).host); });
        await page.goto(at("heme-news.eu", "/search?q=myeloma"));
        assert(new URL(page.url()).host === `heme-news.eu:${port}` && new URL(page.url()).search === "?q=myeloma",
          `ended on ${page.url()}`);
        assert(hops.length === 4, `the handshake took ${hops.length} navigations: ${hops.join(" ")}`);
        assert(await signedIn(page), "not signed in on heme-news.eu after the handshake");
        assert(await page.locator(".consent").count() === 0, "heme-news.eu asks for consent again");
        await page.goto(at("heme-news.eu", "/account"));
        await page.getByRole("button", { name: "Sign out" }).first().click();
        await page.waitForLoadState();
        for (const host of ["heme-news.eu", "onco.example.org", "derm.example.org"]) {
          await page.goto(at(host));
          assert(!(await signedIn(page)), `still signed in on ${host} after signing out on heme-news.eu`);
        }
        await ctx.close();
      });
    }

    await check("sso: signing in on hematology signs in on the default site's form and comes back signed in", async () => {
      const ctx = await browser.newContext();
      ctx.setDefaultTimeout(10_000);
      const page = await ctx.newPage();
      await page.goto(at("heme-news.eu", "/trials"));
      await page.goto(at("heme-news.eu", "/signin?return=/trials"));
      assert(new URL(page.url()).host === `onco.example.org:${port}`, `the form is on ${page.url()}`);
      await page.fill("#field-email", email);
      await page.fill("#field-password", password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL((u) => u.host === `heme-news.eu:${port}` && u.pathname === "/trials").catch(async () => {
        throw new Error(`ended on ${page.url()}: ${(await page.locator("main").innerText()).slice(0, 600).replace(/\n/g, " ")}`);
      });
      assert(await signedIn(page), "not signed in on heme-news.eu");
      await page.goto(at("derm.example.org"));
      assert(await signedIn(page), "not signed in on derm.example.org");
      await ctx.close();
    });

    await check("sso: a browser refusing cookies reaches the sister's page once, no loop", async () => {
      const ctx = await browser.newContext();
      ctx.setDefaultTimeout(10_000);
      await ctx.route("**/*", async (route) => {
        const u = new URL(route.request().url());
        const res = await route.fetch({ url: `http://127.0.0.1:${port}${u.pathname}${u.search}`, maxRedirects: 0,
          headers: { ...route.request().headers(), host: u.host, ...(route.request().isNavigationRequest()
            ? { "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", "sec-fetch-site": "cross-site" } : {}) } });
        const headers = { ...res.headers() };
        delete headers["set-cookie"];
        await route.fulfill({ response: res, headers });
      });
      const page = await ctx.newPage();
      let navs = 0;
      page.on("request", (r) => { if (r.isNavigationRequest()) navs++; });
      await page.goto(at("heme-news.eu", "/trials"));
      assert(new URL(page.url()).pathname === "/trials", `ended on ${page.url()}`);
      assert(navs > 1 && navs <= 4, `${navs} navigations`);
      assert(new URL(page.url()).search === "?sso=off", `the handshake did not end as refused: ${page.url()}`);
      await page.goto(at("heme-news.eu", "/trials"));
      assert(navs <= 8, `asked again and again: ${navs} navigations`);
      await ctx.close();
    });
  } catch (e) {
    await check("sso: set-up", async () => { throw e; });
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
