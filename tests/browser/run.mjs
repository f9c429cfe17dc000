// Browser tests: Debian's Chromium driven by playwright-core through the flows a reader clicks; ends with "N passed, M failed".
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, existsSync, writeFileSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const PHONE = { width: 375, height: 740 };
const LAUNCH = {
  executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
};

let passed = 0, failed = 0;
let server = null, serverLog = "", browser = null, dir = null;

function summary() {
  console.log(`${passed} passed, ${failed} failed`);
}
// BROWSER_ONLY=text runs only the checks whose name starts with it (while working on one feature; make test
// never sets it)
async function check(name, fn) {
  if (process.env.BROWSER_ONLY && !name.startsWith(process.env.BROWSER_ONLY)) return;
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${String(e && e.message || e).split("\n")[0]}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((res, rej) => {
  const s = createServer();
  s.on("error", rej);
  s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => res(p)); });
});
function cleanup() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
}
// A hung browser or server must not hang tests/run.sh: give up after ten minutes with a counted failure.
const watchdog = setTimeout(() => {
  failed++;
  console.log("FAIL watchdog: the browser tests did not finish within 600 s");
  cleanup();
  summary();
  process.exit(1);
}, 600_000);
watchdog.unref();
process.on("exit", cleanup);

// --- set-up: binary, demo database, server, browser; a failure here is one counted failure, not a crash
let base, db, bin, pick, pickGated, sqlValue, outbox;
try {
  const require = createRequire(join(here, "../package.json"));
  const { chromium } = require("playwright-core");
  bin = resolve(root, process.env.PLENARY_BIN ||
    (existsSync(join(root, "build/plenary")) ? "build/plenary" : "plenary"));
  assert(existsSync(bin), `no plenary binary at ${bin} (make plenary, or set PLENARY_BIN)`);
  dir = mkdtempSync(join(tmpdir(), "plenary-browser-"));
  db = join(dir, "demo.db");
  execFileSync(bin, ["demo", db], { stdio: ["ignore", "ignore", "pipe"] });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // mail goes to an outbox folder of this test run (the default, var/outbox, is in the repository)
  outbox = join(dir, "outbox");
  const config = join(dir, "plenary.ini");
  writeFileSync(config, `[plenary]\noutbox = ${outbox}\nmedia_dir = ${join(dir, "media")}\n`);
  server = spawn(bin, ["serve", "--config", config, "--db", db, "--listen", `127.0.0.1:${port}`, "--threads", "2"],
    { stdio: ["ignore", "ignore", "pipe"], cwd: root });
  server.stderr.on("data", (d) => { serverLog += d; });
  const exited = new Promise((r) => server.once("exit", (code, sig) => r({ code, sig })));
  server.exited = exited;
  let up = false;
  for (let i = 0; i < 100 && !up && server.exitCode === null; i++) {
    try { up = (await fetch(`${base}/healthz`)).ok; } catch { await sleep(100); }
  }
  assert(up, `server did not start: ${serverLog.trim().split("\n").pop() || "no answer on /healthz"}`);

  // Articles to visit, read from the demo database with Python's sqlite3 (python3 is a test dependency).
  pick = (where, order) => execFileSync("/usr/bin/python3", ["-c",
    "import sqlite3, sys\n" +
    "row = sqlite3.connect(sys.argv[1]).execute(\"SELECT a.slug FROM article a JOIN site s ON s.id = a.site_id \" +\n" +
    "  \"WHERE s.is_default = 1 AND a.audience = 'public' AND a.status = 'published' \" +\n" +
    "  \"AND a.published_at <= strftime('%s', 'now') AND \" + sys.argv[2] + \" ORDER BY \" + sys.argv[3] + \" LIMIT 1\").fetchone()\n" +
    "print(row[0] if row else '')", db, where, order], { encoding: "utf8" }).trim();
  // [slug, a sentence of its body] of the oldest visible article for an audience
  pickGated = (audience) => JSON.parse(execFileSync("/usr/bin/python3", ["-c",
    "import sqlite3, sys, json, re\n" +
    "row = sqlite3.connect(sys.argv[1]).execute(\"SELECT a.slug, a.body, a.title || ' ' || a.summary FROM article a \" +\n" +
    "  \"JOIN site s ON s.id = a.site_id WHERE s.is_default = 1 AND a.audience = ? AND a.status = 'published' \" +\n" +
    "  \"AND a.published_at <= strftime('%s', 'now') ORDER BY a.id LIMIT 1\", (sys.argv[2],)).fetchone()\n" +
    "runs = [r.strip() for r in re.findall(r'[A-Za-z0-9 ,]{30,}', row[1]) if r.strip() not in row[2]] if row else []\n" +
    "print(json.dumps([row[0], max(runs, key=len)] if runs else None))",
    db, audience], { encoding: "utf8" }));

  // one value from the demo database: sqlValue(sql, ...parameters)
  sqlValue = (sql, ...params) => execFileSync("/usr/bin/python3", ["-c",
    "import sqlite3, sys\n" +
    "row = sqlite3.connect(sys.argv[1]).execute(sys.argv[2], sys.argv[3:]).fetchone()\n" +
    "print(row[0] if row else '')", db, sql, ...params.map(String)], { encoding: "utf8" }).trim();

  browser = await chromium.launch(LAUNCH);
} catch (e) {
  failed++;
  console.log(`FAIL set-up: ${String(e && e.message || e).split("\n")[0]}`);
  if (serverLog) console.log(serverLog.trim());
  cleanup();
  summary();
  process.exit(1);
}

const newest = pick("1", "a.published_at DESC");
const longest = pick("1", "length(a.title) DESC");
const video = pick("a.video_url != ''", "a.published_at DESC");

async function context(options = {}) {
  const ctx = await browser.newContext(options);
  ctx.setDefaultTimeout(10_000);
  return ctx;
}
const visibleBox = async (locator) => (await locator.isVisible()) ? locator.boundingBox() : null;

try {
  // --- consent: nothing stored before a choice; each button is a plain form POST back to the same page
  const consentPages = { true: "/congresses", false: `/article/${newest}` };
  for (const js of [true, false]) {
    for (const choice of ["Reject", "Accept"]) {
      await check(`consent banner: ${choice} ${js ? "with" : "without"} JavaScript`, async () => {
        const ctx = await context({ javaScriptEnabled: js });
        const page = await ctx.newPage();
        const path = consentPages[js];
        await page.goto(base + path);
        assert(await page.locator(".consent").isVisible(), "banner not shown on first visit");
        assert((await ctx.cookies()).length === 0, "a cookie was set before any choice");
        const [post] = await Promise.all([
          page.waitForRequest((r) => r.method() === "POST"),
          page.locator(".consent").getByRole("button", { name: choice, exact: true }).click(),
        ]);
        await page.waitForLoadState();
        assert(new URL(post.url()).pathname === "/consent", `the button posted to ${post.url()}`);
        assert(new URL(page.url()).pathname === path, `returned to ${page.url()}, not ${path}`);
        assert(await page.locator(".consent").count() === 0, "banner still shown after the choice");
        const cookies = await ctx.cookies();
        const c = cookies.find((k) => k.name === "plenary_consent");
        const want = choice === "Accept" ? "accepted" : "rejected";
        assert(c && c.value === want, `cookie plenary_consent=${c ? c.value : "(none)"}, expected ${want}`);
        assert(cookies.length === 1, `other cookies set too: ${cookies.map((k) => k.name).join(", ")}`);
        await page.goto(base + "/");
        assert(await page.locator(".consent").count() === 0, "banner back on the next page");
        await ctx.close();
      });
    }
  }

  // --- keyboard
  await check("keyboard: the first Tab shows the skip link, Enter moves focus to main", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(base + "/");
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => document.activeElement.textContent.trim());
    assert(text === "Skip to main content", `first focus is on "${text}"`);
    const box = await page.locator(".skip-link").boundingBox();
    assert(box && box.y >= 0 && box.x >= 0, `focused skip link is off screen: ${JSON.stringify(box)}`);
    await page.keyboard.press("Enter");
    const id = await page.evaluate(() => document.activeElement.id);
    assert(id === "main", `focus after Enter is on "${id || document.activeElement.tagName}", not #main`);
    await ctx.close();
  });

  await check("keyboard: submenus open with Enter and show the congresses; a click leads to a hub and an article", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(base + "/");
    const congresses = page.locator(".main-nav details", { has: page.locator(":scope > summary", { hasText: "Congresses" }) }).first();
    await congresses.locator(":scope > summary").focus();
    await page.keyboard.press("Enter");
    assert(await congresses.evaluate((d) => d.open), "Enter on the Congresses summary did not open it");
    const overview = congresses.getByRole("link", { name: "Congresses: overview" });
    assert(await overview.isVisible(), "overview link not visible after opening");
    const year = congresses.locator("details").first();
    const yearName = (await year.locator(":scope > summary").textContent()).trim();
    await year.locator(":scope > summary").focus();
    await page.keyboard.press("Enter");
    assert(await year.evaluate((d) => d.open), `Enter on the ${yearName} summary did not open it`);
    const links = year.locator('a[href^="/congress/"]');
    const n = await links.count();
    assert(n > 0, `no congress links under ${yearName}`);
    for (let i = 0; i < n; i++) assert(await links.nth(i).isVisible(), `congress link ${i + 1} of ${yearName} hidden`);
    const link = links.first();
    const name = (await link.textContent()).trim();
    const href = await link.getAttribute("href");
    await link.click();
    await page.waitForURL(base + href);
    const h1 = (await page.locator("main h1").first().textContent()).trim();
    assert(h1.includes(name), `hub heading "${h1}" does not name ${name}`);
    const card = page.locator('main a[href^="/article/"]').first();
    assert(await card.count() === 1, `the ${name} hub links no article`);
    const title = (await card.textContent()).trim();
    await card.click();
    await page.waitForURL(/\/article\/[^/]+$/);
    const ah1 = (await page.locator("main h1").first().textContent()).trim();
    assert(ah1 === title, `article heading "${ah1}" is not the card's "${title}"`);
    await ctx.close();
  });

  await check("focus styles: links focused with Tab show an outline", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${base}/article/${newest}`);
    const seen = { nav: null, main: null };
    for (let i = 0; i < 200 && !(seen.nav && seen.main); i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a.tagName !== "A" || a.classList.contains("skip-link")) return null;
        const s = getComputedStyle(a);
        const where = a.closest(".main-nav") ? "nav" : a.closest("main") ? "main" : null;
        return where && { where, text: a.textContent.trim(), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      if (info && !seen[info.where]) seen[info.where] = info;
    }
    for (const where of ["nav", "main"]) {
      const s = seen[where];
      assert(s, `Tab never reached a link in ${where}`);
      assert(s.style !== "none" && s.width > 0, `focused ${where} link "${s.text}": outline ${s.style} ${s.width}px`);
    }
    await ctx.close();
  });

  // --- phone
  await check("phone: the Congresses submenu opens by tap, its links are on screen and lead somewhere", async () => {
    const ctx = await context({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(base + "/");
    const congresses = page.locator(".main-nav details", { has: page.locator(":scope > summary", { hasText: "Congresses" }) }).first();
    await congresses.locator(":scope > summary").tap();
    assert(await congresses.evaluate((d) => d.open), "a tap did not open the Congresses submenu");
    const year = congresses.locator("details").first();
    await year.locator(":scope > summary").tap();
    assert(await year.evaluate((d) => d.open), "a tap did not open the first year");
    const links = congresses.locator("a");
    let shown = 0;
    for (let i = 0; i < await links.count(); i++) {
      const l = links.nth(i);
      const box = await visibleBox(l);
      if (!box) continue;
      shown++;
      assert(box.x >= 0 && box.x + box.width <= PHONE.width + 0.5,
        `"${(await l.textContent()).trim()}" is outside the screen: x ${box.x}, width ${box.width}`);
    }
    assert(shown >= 2, `only ${shown} links visible in the open submenu`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= PHONE.width, `the page is ${wide}px wide with the submenu open`);
    const link = year.locator('a[href^="/congress/"]').first();
    const href = await link.getAttribute("href");
    await link.tap();
    await page.waitForURL(base + href);
    await ctx.close();
  });

  await check("phone: no sideways scrolling on the home, article and other pages", async () => {
    const ctx = await context({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    const paths = ["/", `/article/${newest}`, `/article/${longest}`, `/article/${video}`, "/congresses", "/contact"];
    const wide = [];
    for (const path of new Set(paths)) {
      const resp = await page.goto(base + path);
      assert(resp.status() === 200, `${path} answered ${resp.status()}`);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      if (w > PHONE.width) wide.push(`${path} is ${w}px wide`);
    }
    assert(wide.length === 0, wide.join("; "));
    await ctx.close();
  });

  // --- contact form
  await check("contact form: empty gives 422 and an error summary, filled in gives the thank-you", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(base + "/contact");
    const send = page.getByRole("button", { name: "Send message" });
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/contact"),
      send.click(),
    ]);
    assert(resp.status() === 422, `empty form answered ${resp.status()}, not 422`);
    await page.waitForLoadState();
    const box = page.locator(".error-summary");
    assert(await box.isVisible(), "no error summary");
    const items = box.locator("li a");
    const n = await items.count();
    assert(n > 0, "the error summary lists no messages");
    for (let i = 0; i < n; i++) {
      const target = (await items.nth(i).getAttribute("href")) || "";
      assert(target.startsWith("#") && await page.locator(target).count() === 1, `message ${i + 1} links to "${target}"`);
      assert(await page.locator(target).getAttribute("aria-invalid") === "true", `${target} is not marked aria-invalid`);
    }
    await page.fill("#field-name", "Dr Ana Lima");
    await page.fill("#field-email", "ana.lima@example.org");
    await page.selectOption("#field-topic", "editorial");
    await page.fill("#field-message", "A question about one of your congress interviews, please.");
    await page.check("#field-agree");
    await send.click();
    await page.waitForURL((u) => u.pathname === "/contact" && u.searchParams.has("sent"));
    const notice = page.locator(".notice");
    assert(await notice.isVisible(), "no notice after sending");
    assert((await notice.textContent()).includes("Thank you"), "the notice does not thank");
    assert(await page.locator(".error-summary").count() === 0, "error summary still shown");
    await ctx.close();
  });

  // --- video: nothing from YouTube before consent
  await check("video: a plain link before consent, the embed only after Accept", async () => {
    assert(video, "the demo has no article with a video");
    const ctx = await context();
    const page = await ctx.newPage();
    const thirdParty = [];
    page.on("request", (r) => { if (!r.url().startsWith(base)) thirdParty.push(r.url()); });
    await page.goto(`${base}/article/${video}`);
    assert(await page.locator(".video iframe").count() === 0, "iframe before consent");
    assert(await page.locator('.video a[href^="http"]').count() > 0, "no link to the video before consent");
    assert(thirdParty.length === 0, `requests to other hosts before consent: ${thirdParty[0]}`);
    await page.locator(".consent").getByRole("button", { name: "Accept", exact: true }).click();
    await page.waitForLoadState();
    const src = await page.locator(".video iframe").getAttribute("src");
    assert(src && src.startsWith("https://www.youtube-nocookie.com/embed/"), `iframe src ${src}`);
    await ctx.close();
  });

  // The headers and the text/plain part of a mail file, decoded as a mail reader does (the composer may write
  // the part in quoted-printable or base64).
  const mailText = (path) => execFileSync("/usr/bin/python3", ["-c",
    "import email, email.policy, sys\n" +
    "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n" +
    "print(''.join(f'{k}: {v}\\n' for k, v in m.items()) + '\\n' + m.get_body(('plain',)).get_content())", path],
    { encoding: "utf8" });

  // --- accounts: sign up, confirm by the emailed link, sign in, read a gated article, sign out
  // The mail this server sends, from its outbox folder: the newest .eml to `to`, waiting up to 10 s.
  const mailTo = async (to) => {
    for (let i = 0; i < 100; i++) {
      const files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")).sort() : [];
      for (const f of files.reverse()) {
        const text = readFileSync(join(outbox, f), "utf8");
        if (new RegExp(`^To: ${to.replace(/[.+]/g, "\\$&")}\r?$`, "mi").test(text)) return mailText(join(outbox, f));
      }
      await sleep(100);
    }
    throw new Error(`no mail to ${to} in ${outbox} after 10 s`);
  };

  await check("accounts: sign up, open the emailed link, sign in, read an HCP article, sign out, the gate is back", async () => {
    const hcp = pickGated("hcp");
    assert(hcp, "the demo has no article for healthcare professionals");
    const [slug, sentence] = hcp;
    const email = `browser-${Date.now()}@example.org`;
    const password = "a browser's long pass phrase 42";
    const name = "Dr Browser <Test>";
    const ctx = await context();
    await ctx.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
    const page = await ctx.newPage();
    // the gate first, for an anonymous reader
    await page.goto(`${base}/article/${slug}`);
    assert(await page.locator(".gate").isVisible(), "no gate on the HCP article before signing in");
    assert(!(await page.content()).includes(sentence), "the body is in the page before signing in");
    await page.goto(`${base}/signup`);
    await page.fill("#field-email", email);
    await page.fill("#field-password", password);
    await page.fill("#field-name", name);
    await page.selectOption("#field-profession", "physician");
    await page.check("#field-hcp");
    await page.check("#field-privacy");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((u) => u.pathname === "/signup/sent");
    assert((await page.locator("main h1").textContent()).includes("Check your email"), "no 'Check your email' page");
    const mail = await mailTo(email);
    const m = mail.match(/https?:\/\/\S+?(\/verify\?token=[A-Za-z0-9_-]+)/);
    assert(m, "no confirmation link in the mail");
    await page.goto(base + m[1]);
    await page.waitForURL((u) => u.pathname === "/signin" && u.searchParams.has("verified"));
    assert(await page.locator(".notice").isVisible(), "no notice that the address is confirmed");
    await page.fill("#field-email", email);
    await page.fill("#field-password", password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/account");
    const bar = (await page.locator(".account-name").textContent()).trim();
    assert(bar === `Signed in as ${name}`, `the header says "${bar}"`);
    const session = (await ctx.cookies()).find((c) => c.name === "plenary_session");
    assert(session && session.httpOnly && session.sameSite === "Lax", `session cookie ${JSON.stringify(session)}`);
    assert(session.expires === -1, "the session cookie outlives the browser without 'keep me signed in'");
    await page.goto(`${base}/article/${slug}`);
    assert(await page.locator(".gate").count() === 0, "the gate is still shown to a healthcare professional");
    assert((await page.locator(".article-body").textContent()).includes(sentence), "the body is not shown");
    await page.locator(".account-bar").getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    assert(await page.locator(".account-name").count() === 0, "still signed in after signing out");
    assert(!(await ctx.cookies()).some((c) => c.name === "plenary_session"), "the session cookie is still set");
    await page.goto(`${base}/article/${slug}`);
    assert(await page.locator(".gate").isVisible(), "no gate after signing out");
    assert(!(await page.content()).includes(sentence), "the body is still shown after signing out");
    // the old cookie, replayed, is worth nothing: the session ended on the server
    const ctx2 = await context();
    await ctx2.addCookies([{ name: "plenary_session", value: session.value, url: base },
      { name: "plenary_consent", value: "rejected", url: base }]);
    const page2 = await ctx2.newPage();
    await page2.goto(`${base}/article/${slug}`);
    assert(await page2.locator(".gate").isVisible(), "the signed-out session's cookie still opens the article");
    await ctx2.close();
    await ctx.close();
  });

  // --- back office: an editor made with `plenary user add` schedules an article a few seconds ahead; the
  // public article page and its section page show it from that second on, and not before
  await check("back office: an editor schedules an article; its page, its section and search show it at its second, not before", async () => {
    const email = `editor-${Date.now()}@example.org`;
    const made = execFileSync(bin, ["user", "add", email, "--role", "editor", "--name", "Eda Browser", "--db", db,
      "--generate"], { encoding: "utf8", cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const pw = made.match(/^password \(shown once\): (\S+)$/m);
    assert(pw, `plenary user add printed no password: ${made.trim()}`);
    const ctx = await context();
    await ctx.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
    const page = await ctx.newPage();
    await page.goto(`${base}/signin`);
    await page.fill("#field-email", email);
    await page.fill("#field-password", pw[1]);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => u.pathname !== "/signin");
    const opened = await page.goto(`${base}/admin/articles/new`);
    assert(opened.status() === 200, `/admin/articles/new answered ${opened.status()}`);
    const stamp = Date.now();
    const title = `Scheduled from the browser ${stamp}`;
    await page.fill("#field-title", title);
    const sectionId = await page.locator("#field-section option:not([value=''])").first().getAttribute("value");
    await page.selectOption("#field-section", sectionId);
    const speaker = page.locator("#field-speakers option").first();
    const speakerName = (await speaker.textContent()).split(" — ")[0].trim();
    await page.selectOption("#field-speakers", [await speaker.getAttribute("value")]);
    const citation = "Doe A et al. N Engl J Med 2025";
    await page.fill("#field-references", `${citation} | LBA7 | https://example.org/lba7`);
    await page.selectOption("#field-status", "scheduled");
    // ten seconds ahead: saving and the first looks must fit before it on a busy two-core machine
    const at = Math.floor(Date.now() / 1000) + 10;
    await page.fill("#field-published", new Date(at * 1000).toISOString().slice(0, 19).replace(/:00$/, "")); // a datetime-local field drops ":00"
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL((u) => /^\/admin\/articles\/\d+$/.test(u.pathname) && u.searchParams.has("saved"));
    assert((await page.locator(".notice").textContent()).includes("Saved"), "no 'Saved.' notice");
    assert(await page.inputValue("#field-status") === "scheduled", "the status is not scheduled after saving");
    const slug = await page.inputValue("#field-slug");
    assert(slug, "the saved article has no slug");
    const sectionSlug = sqlValue("SELECT slug FROM section WHERE id = ?", sectionId);
    assert(Date.now() / 1000 < at - 1, "saving took too long to see the article hidden before its time");
    // an anonymous reader polls both pages from before the second until two seconds after it
    const reader = await context();
    const view = await reader.newPage();
    const seen = [];
    while (Date.now() / 1000 < at + 2) {
      const a = await view.goto(`${base}/article/${slug}`);
      seen.push([Date.now() / 1000, "article", a.status() === 200]);
      const s = await view.goto(`${base}/section/${sectionSlug}`);
      assert(s.status() === 200, `/section/${sectionSlug} answered ${s.status()}`);
      seen.push([Date.now() / 1000, "section", await view.locator(`main a[href="/article/${slug}"]`).count() > 0]);
      const q = await view.goto(`${base}/search?q=${stamp}`);
      assert(q.status() === 200, `/search answered ${q.status()}`);
      seen.push([Date.now() / 1000, "search", await view.locator(`main a[href="/article/${slug}"]`).count() > 0]);
      await sleep(50);
    }
    const early = seen.filter(([t, , shown]) => shown && t < at);
    if (early.length) throw new Error(`shown ${early.length} times before its second (first on the ${early[0][1]} page, ${(at - early[0][0]).toFixed(2)} s early)`);
    assert(["article", "section", "search"].every((kind) => seen.some(([t, p]) => t < at && p === kind)),
      "no look at the pages before the second");
    const late = seen.filter(([t]) => t >= at + 1);
    assert(late.length >= 2, "no look at the pages after the second");
    const missing = late.filter(([, , shown]) => !shown);
    if (missing.length) throw new Error(`still hidden ${(missing[0][0] - at).toFixed(2)} s after its second on the ${missing[0][1]} page`);
    await view.goto(`${base}/article/${slug}`);
    assert((await view.locator("main h1").textContent()).trim() === title, "the article page has another title");
    assert((await view.locator(".faculty").textContent()).includes(speakerName), `the faculty does not name ${speakerName}`);
    assert((await view.locator(".references").textContent()).includes(citation), "the reference is not shown");
    // a reader finds it with the search box in the header, by a word of its title
    await view.goto(`${base}/`);
    await view.fill("#header-q", `browser ${stamp}`);
    await view.press("#header-q", "Enter");
    await view.waitForURL((u) => u.pathname === "/search");
    assert(await view.locator(`main a[href="/article/${slug}"]`).count() === 1, "the header search does not find it");
    await reader.close();
    await ctx.close();
  });

  // --- back office: the live preview. A staff member signed in through /signin (made with `plenary user add`).
  const staffPage = async (role, js = true) => {
    const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
    const made = execFileSync(bin, ["user", "add", email, "--role", role, "--name", `${role} Browser`, "--db", db,
      "--generate"], { encoding: "utf8", cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const pw = made.match(/^password \(shown once\): (\S+)$/m);
    assert(pw, `plenary user add printed no password: ${made.trim()}`);
    const ctx = await context({ javaScriptEnabled: js });
    await ctx.addCookies([{ name: "plenary_consent", value: "rejected", url: base }]);
    const page = await ctx.newPage();
    await page.goto(`${base}/signin`);
    await page.fill("#field-email", email);
    await page.fill("#field-password", pw[1]);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => u.pathname !== "/signin");
    return { ctx, page, email, password: pw[1] };
  };

  await check("back office: the live preview shows the rendered Markdown a moment after typing stops, saves nothing", async () => {
    const { ctx, page } = await staffPage("editor");
    const problems = [];
    page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
    page.on("pageerror", (e) => problems.push(String(e)));
    const posts = [];
    page.on("request", (r) => { if (r.method() === "POST") posts.push([Date.now(), new URL(r.url()).pathname, r.postData() || ""]); });
    await page.goto(`${base}/admin/articles/new`);
    const script = await page.locator("script[src^=\"/static/admin.js\"]").getAttribute("src");
    assert(/^\/static\/admin\.js\?v=[0-9a-f]{10}$/.test(script), `the editor loads its script from ${script}`);
    assert(await page.locator("#live-preview").isVisible(), "the live preview is not shown");
    // a new article has no title yet: the preview says what it needs
    await page.locator("#live-preview-status", { hasText: "Write a title" }).waitFor({ timeout: 5000 });
    const title = `Live preview ${Date.now()}`;
    await page.fill("#field-title", title);
    await page.selectOption("#field-section", await page.locator("#field-section option:not([value=''])").first().getAttribute("value"));
    const frame = page.frameLocator("#live-preview iframe:not(.is-loading)");
    await frame.locator("main h1", { hasText: title }).waitFor({ timeout: 5000 });
    const historyBefore = await page.evaluate(() => history.length);
    const words = `words${Date.now() % 100000}`;
    await page.locator("#field-body").click();
    const typingFrom = Date.now();
    await page.keyboard.type(`Some **bold ${words}** and _more_.`, { delay: 40 });
    const typingTo = Date.now();
    const bold = frame.locator(".article-body strong", { hasText: `bold ${words}` });
    await bold.waitFor({ timeout: 5000 });
    const shownAt = Date.now();
    assert((await frame.locator(".article-body em").textContent()) === "more", "the emphasis is not rendered");
    assert(await frame.locator(".notice", { hasText: "Preview" }).count() === 1, "the preview banner is missing");
    // one preview for the whole typing, sent after the pause, not one per key
    const during = posts.filter(([t, p]) => p === "/admin/articles" && t >= typingFrom);
    assert(during.length >= 1 && during.length <= 2, `${during.length} previews posted while typing ${typingTo - typingFrom} ms`);
    assert(during.every(([t]) => t >= typingTo + 500), `a preview was posted ${typingTo - during[0][0]} ms before typing stopped`);
    assert(during.every(([, , d]) => new URLSearchParams(d).get("action") === "preview"), "a live update posted something else than a preview");
    assert(shownAt - typingTo < 4000, `the preview came ${shownAt - typingTo} ms after typing stopped`);
    const sandbox = await page.locator("#live-preview iframe").first().getAttribute("sandbox");
    assert(sandbox === "allow-same-origin", `the preview iframe is sandboxed as "${sandbox}"`);
    assert(await page.evaluate(() => history.length) === historyBefore, "previews added entries to the tab's history");
    assert(sqlValue("SELECT count(*) FROM article WHERE title = ?", title) === "0", "the preview saved the article");
    assert(problems.length === 0, `errors in the console: ${problems[0]}`);
    await ctx.close();
  });

  await check("back office: after the session ends mid-edit, the preview says so, and signing in on the 401 page saves the text", async () => {
    const { ctx, page, email, password } = await staffPage("editor");
    await page.goto(`${base}/admin/articles/new`);
    const title = `Saved after signing in again ${Date.now()}`;
    await page.fill("#field-title", title);
    await page.selectOption("#field-section", await page.locator("#field-section option:not([value=''])").first().getAttribute("value"));
    await page.frameLocator("#live-preview iframe:not(.is-loading)").locator("main h1", { hasText: title }).waitFor({ timeout: 5000 });
    await ctx.clearCookies({ name: "plenary_session" }); // the session is gone
    const body = "\nFirst line after an empty one, <kept> & \"quoted\".\n\nSecond paragraph.";
    await page.fill("#field-body", body);
    await page.locator("#live-preview-status", { hasText: "session has ended" }).waitFor({ timeout: 5000 });
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/admin/articles"),
      page.getByRole("button", { name: "Save", exact: true }).click(),
    ]);
    assert(resp.status() === 401, `the save answered ${resp.status()}`);
    await page.waitForLoadState();
    assert((await page.inputValue("#kept-body")) === body, "the body on the session-ended page is not the text sent");
    await page.fill("#field-email", email);
    await page.fill("#field-password", password);
    await page.getByRole("button", { name: "Sign in and save" }).click();
    await page.waitForURL((u) => /^\/admin\/articles\/\d+$/.test(u.pathname) && u.searchParams.has("saved"));
    assert((await page.inputValue("#field-title")) === title, "the saved article has another title");
    // (sqlValue trims what it prints: the JSON of the body keeps its first newline)
    const saved = JSON.parse(sqlValue("SELECT json_quote(replace(body, char(13), '')) FROM article WHERE title = ?", title));
    assert(saved === body, `the body saved is ${JSON.stringify(saved)}`);
    await ctx.close();
  });

  await check("back office: the uploader sends a 3 MB image in chunks with a progress bar, goes on after a dropped chunk, and opens the image", async () => {
    const { ctx, page } = await staffPage("contributor");
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    const image = join(dir, "poster.png"); // random pixels: about 3 MB that no other test uploads
    execFileSync("/usr/bin/python3", ["-c", "import os,sys;from PIL import Image;" +
      "Image.frombytes('RGB',(1024,1024),os.urandom(1024*1024*3)).save(sys.argv[1],compress_level=1)", image]);
    const size = readFileSync(image).length;
    const chunks = [];
    let dropped = 0;
    await page.route(/\/admin\/uploads\/[0-9a-f]{32}$/, async (route) => {
      const req = route.request();
      if (req.method() === "POST") {
        chunks.push([Number(req.headers()["upload-offset"]), (req.postDataBuffer() || Buffer.alloc(0)).length]);
        if (chunks.length === 4 && !dropped++) return route.abort("connectionreset"); // one chunk lost on the way
      }
      return route.continue();
    });
    await page.goto(`${base}/admin/media`);
    await page.setInputFiles("#field-file", image);
    await page.fill("#field-alt", "A poster sent in pieces");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.locator(".upload-status", { hasText: /Sent [0-9.]+ MB of [0-9.]+ MB/ }).waitFor({ timeout: 10000 });
    await page.waitForURL((u) => /^\/admin\/media\/\d+$/.test(u.pathname) && u.searchParams.has("uploaded"), { timeout: 30000 });
    const id = new URL(page.url()).pathname.split("/").pop();
    assert(sqlValue("SELECT bytes FROM media WHERE id = ?", id) === String(size), "the image stored is not the whole file");
    assert(sqlValue("SELECT alt FROM media WHERE id = ?", id) === "A poster sent in pieces", "the alt text was lost");
    assert(chunks.length > size / 196608, `${chunks.length} chunks for ${size} bytes`);
    assert(chunks.every(([, n]) => n <= 196608), "a chunk was larger than the server asked for");
    // after the lost chunk, the uploader went on from the offset the server had, not from the start
    const [lostAt] = chunks[3];
    assert(chunks[4][0] === lostAt, `after losing the chunk at ${lostAt} it sent from ${chunks[4][0]}`);
    assert(chunks.filter(([o]) => o === 0).length === 1, "the upload started over");
    assert(problems.length === 0, `errors in the page: ${problems[0]}`);
    await ctx.close();
  });

  await check("back office: without JavaScript there is no live preview and the Preview button opens the preview", async () => {
    const { ctx, page } = await staffPage("editor", false);
    await page.goto(`${base}/admin/articles/new`);
    assert(!(await page.locator("#live-preview").isVisible()), "an empty live preview is shown without JavaScript");
    const title = `No-script preview ${Date.now()}`;
    await page.fill("#field-title", title);
    await page.selectOption("#field-section", await page.locator("#field-section option:not([value=''])").first().getAttribute("value"));
    await page.fill("#field-body", "Plain **strong** text.");
    const [tab] = await Promise.all([ctx.waitForEvent("page"),
      page.getByRole("button", { name: "Preview", exact: true }).click()]);
    await tab.waitForLoadState();
    assert((await tab.locator("main h1").textContent()).trim() === title, "the preview tab has another title");
    assert((await tab.locator(".article-body strong").textContent()) === "strong", "the Markdown is not rendered");
    assert(sqlValue("SELECT count(*) FROM article WHERE title = ?", title) === "0", "the preview saved the article");
    await ctx.close();
  });

  // --- the flows of each feature, one file each (tests/browser/NAME.test.mjs, in name order): its default export
  // is called with what the tests above use
  const kit = { check, assert, sleep, context, visibleBox, staffPage, base, db, bin, root, outbox, sqlValue, pick, mailText,
    pickGated, PHONE, browser, newest, longest, video };
  for (const f of readdirSync(here).filter((n) => n.endsWith(".test.mjs")).sort()) {
    try {
      await (await import(join(here, f))).default(kit);
    } catch (e) {
      failed++;
      console.log(`FAIL ${f}: ${String(e && e.message || e).split("\n")[0]}`);
    }
  }
} finally {
  await browser.close().catch(() => {});
}

await check("server: stops cleanly on SIGTERM", async () => {
  server.kill("SIGTERM");
  const r = await Promise.race([server.exited, sleep(15_000).then(() => null)]);
  assert(r, "still running 15 s after SIGTERM");
  assert(r.code === 0, `exited with ${r.sig || `status ${r.code}`}`);
});
if (failed && serverLog.trim()) console.log("server log:\n" + serverLog.trim());
cleanup();
clearTimeout(watchdog);
summary();
process.exit(failed ? 1 : 0);
