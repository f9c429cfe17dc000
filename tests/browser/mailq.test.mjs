// mailq: an admin finds the mail queue in the back office, suppresses an address by hand (after a refused try,
// without JavaScript), finds it by a search, and lifts it; the page fits a phone with a long failure listed.
import { createHmac } from "node:crypto";

// The RFC 6238 code of a base32 secret, as an authenticator app computes it.
function totp(secret) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const o = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, "0");
}

export default async function (kit) {
  const { check, assert, staffPage, base, sqlValue, PHONE } = kit;

  await check("mailq: an admin suppresses an address by hand, finds it and lifts it", async () => {
    const address = `asked-${Date.now().toString(36)}@example.org`;
    const { ctx, page } = await staffPage("admin", false);
    // an admin turns on the second factor before the back office lets them in
    await page.goto(`${base}/account/2fa`);
    await page.fill("#field-code", totp(await page.locator("p code").first().textContent()));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.goto(`${base}/admin`);
    await page.getByRole("link", { name: "Mail", exact: true }).click();
    assert(await page.locator("h1").textContent() === "Mail", "the page has no heading");
    assert(await page.locator("table.mail-states td", { hasText: "queued" }).count() === 1, "no queued count");
    // an address the browser lets through and the server does not (no dot in its domain) is refused with the
    // reason, and what was typed stays
    await page.fill("#s-email", "someone@localhost");
    await page.getByRole("button", { name: "Suppress" }).click();
    assert((await page.locator("p.error").textContent()).includes("one email address"), "the refusal is not explained");
    assert(await page.inputValue("#s-email") === "someone@localhost", "the refused form lost the address");
    await page.fill("#s-email", address.toUpperCase());
    await page.fill("#s-reason", "asked by phone");
    await page.getByRole("button", { name: "Suppress" }).click();
    await page.waitForURL((u) => u.pathname === "/admin/mail" && u.search === "?done=suppressed");
    assert(sqlValue("SELECT source FROM mail_suppression WHERE email = ?", address) === "admin", "not stored lowered");
    await page.fill("#f-q", address.slice(0, 12));
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.locator("table.mail-suppressions tr", { hasText: address });
    assert(await row.count() === 1, "the search does not find the address");
    await page.setViewportSize(PHONE);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= PHONE.width, `the page is ${wide}px wide on a phone`);
    await row.getByRole("button", { name: `Lift the suppression of ${address}` }).click();
    await page.waitForURL((u) => u.search === "?done=lifted");
    assert(sqlValue("SELECT count(*) FROM mail_suppression WHERE email = ?", address) === "0", "not lifted");
    await ctx.close();
  });
}
