// video: an interview's page with a library video and its transcript (issue 19): a click on a line's time seeks the video there, the line playing is marked as playback goes on, and without JavaScript the transcript is plain readable text.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// four lines, two seconds apart, in an eight-second video
const LINES = [
  [0, "Interviewer", "Welcome to the congress studio."],
  [2, "Dr Ana Costa", "The trial enrolled nine hundred patients."],
  [4, "Dr Ana Costa", "Survival improved by a third at two years."],
  [6, "Interviewer", "Thank you for joining us."],
];
const TRANSCRIPT = LINES.map(([t, who, text]) => `[0:0${t}] ${who}: ${text}`).join("\n");

export default async function (kit) {
  const { check, assert, context, staffPage, base, sqlValue, pick, sleep } = kit;
  const slug = pick("a.video_url = '' AND a.id NOT IN (SELECT article_id FROM article_video)", "a.published_at ASC");
  assert(slug, "the demo has no public article without a video link");
  const articleId = sqlValue("SELECT id FROM article WHERE slug = ?", slug);
  const path = `/article/${slug}`;

  // ---- set-up as an editor would: a video through the chunked uploader, then the article's video page ----
  let ready = null;
  await check("video: an editor uploads an MP4 in chunks and gives an article the video and its transcript", async () => {
    const work = mkdtempSync(join(tmpdir(), "plenary-video-"));
    const { ctx, page } = await staffPage("editor");
    try {
      // the container a browser plays: H.264/AAC in MP4 when this Chromium has the codecs, else VP9/Opus in WebM
      await page.goto(`${base}/admin/media`);
      const mp4 = await page.evaluate(() => document.createElement("video").canPlayType('video/mp4; codecs="avc1.42E01E, mp4a.40.2"'));
      const [ext, type, codecs] = mp4 ? ["mp4", "video/mp4", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-movflags", "+faststart"]] : ["webm", "video/webm", ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus"]];
      const file = join(work, `interview.${ext}`);
      execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=8",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=8", ...codecs, "-g", "25", "-b:v", "600k", "-shortest",
        "-metadata", `comment=${Date.now()}`, file]);
      const bytes = readFileSync(file);
      const token = await page.locator("input[name=form_token]").first().inputValue();
      const start = await ctx.request.post(`${base}/admin/uploads`, { form: { name: `interview.${ext}`, size: String(bytes.length), type,
        alt: "Dr Ana Costa on the trial", credit: "", form_token: token } });
      assert(start.status() === 201, `starting the upload answered ${start.status()}: ${(await start.text()).slice(0, 200)}`);
      const up = await start.json();
      let last = null;
      for (let at = 0; at < bytes.length; at += up.chunk_size) {
        last = await ctx.request.post(`${base}${up.url}`, { data: bytes.subarray(at, at + up.chunk_size),
          headers: { "Content-Type": "application/offset+octet-stream", "Upload-Offset": String(at), "X-Form-Token": token } });
        assert(last.status() === 200, `the chunk at ${at} answered ${last.status()}: ${(await last.text()).slice(0, 200)}`);
      }
      const done = await last.json();
      assert(done.done && done.video_id, `the last chunk answered ${JSON.stringify(done)}`);
      // the article's video: the form of its page, posted as that page posts it
      await page.goto(`${base}/admin/articles/${articleId}/video`);
      const saved = await ctx.request.post(`${base}/admin/articles/${articleId}/video`, { maxRedirects: 0, form: {
        form_token: await page.locator("input[name=form_token]").first().inputValue(), action: "save", file_id: String(done.video_id),
        duration: "", poster_id: "0", chapters: "", transcript: TRANSCRIPT } });
      assert(saved.status() === 303, `saving the video answered ${saved.status()}`);
      ready = { ext, type };
    } finally {
      await ctx.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
  if (!ready) return;

  const lineTimes = async (page) => page.locator("#transcript li").evaluateAll((lis) => lis.map((li) => Number(li.dataset.start)));
  // the index of the line marked as playing: aria-current, or a class only that line has; -1 when none, -2 when several
  const marked = async (page) => page.locator("#transcript li").evaluateAll((lis) => {
    const sig = lis.map((li) => `${li.getAttribute("aria-current") || ""}|${[...li.classList].sort().join(" ")}|` +
      [...li.querySelectorAll("[aria-current]")].map((n) => n.getAttribute("aria-current")).join(","));
    const counts = {};
    for (const s of sig) counts[s] = (counts[s] || 0) + 1;
    const odd = sig.map((s, i) => (counts[s] === 1 && sig.length > 2 ? i : -1)).filter((i) => i >= 0);
    const current = lis.map((li, i) => (["true", "time", "step", "location"].includes(li.getAttribute("aria-current")) ? i : -1)).filter((i) => i >= 0);
    const found = current.length ? current : odd;
    return found.length === 0 ? -1 : found.length > 1 ? -2 : found[0];
  });
  const videoState = async (page) => page.locator("video").evaluate((v) => ({ t: v.currentTime, paused: v.paused, ready: v.readyState, error: v.error && v.error.code }));

  await check("video: the article page plays the library file with controls, and its transcript lists each line's time and speaker", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(base + path);
    const video = page.locator("video");
    assert(await video.count() === 1, `${await video.count()} <video> on the page`);
    assert(await video.getAttribute("controls") !== null, "the video has no controls");
    assert(await video.getAttribute("preload") === "metadata", `preload is ${await video.getAttribute("preload")}`);
    const src = await video.locator("source").first().getAttribute("src");
    assert(new RegExp(`^/media/[0-9a-f]{32}\\.${ready.ext}$`).test(src || ""), `the source is ${src}`);
    assert(await page.locator("section#transcript.transcript").isVisible(), "the transcript is not shown");
    assert(JSON.stringify(await lineTimes(page)) === JSON.stringify(LINES.map(([t]) => t)), `the lines start at ${await lineTimes(page)}`);
    const second = page.locator("#transcript li").nth(1);
    assert((await second.locator("a.at").textContent()).trim() === "0:02", "the second line's time is not 0:02");
    assert((await second.locator(".speaker").textContent()).includes("Dr Ana Costa"), "the second line's speaker is not shown");
    // the browser can load what the page points at
    await page.waitForFunction(() => document.querySelector("video").readyState >= 1, null, { timeout: 10000 });
    const st = await videoState(page);
    assert(!st.error, `the video does not load: error ${st.error}`);
    await ctx.close();
  });

  await check("video: a click on a transcript line's time seeks the video there", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(base + path);
    await page.waitForFunction(() => document.querySelector("video").readyState >= 1, null, { timeout: 10000 });
    for (const i of [2, 1, 3]) {
      const want = LINES[i][0];
      await page.locator("#transcript li").nth(i).locator("a.at").click();
      await page.waitForFunction((w) => Math.abs(document.querySelector("video").currentTime - w) < 0.6, want, { timeout: 5000 })
        .catch(() => {});
      // the page's own player, not the file opened at that second in a tab of its own
      assert(new URL(page.url()).pathname === path, `the click left the article for ${page.url()}`);
      const { t } = await videoState(page);
      assert(Math.abs(t - want) < 0.6, `after a click on the line at ${want} s the video is at ${t.toFixed(2)} s`);
    }
    assert(problems.length === 0, `errors in the page: ${problems[0]}`);
    await ctx.close();
  });

  await check("video: the line playing is marked, and the mark follows playback", async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(base + path);
    await page.waitForFunction(() => document.querySelector("video").readyState >= 1, null, { timeout: 10000 });
    // seek to the second line and play (muted: browsers let a muted video play without a gesture)
    await page.locator("#transcript li").nth(1).locator("a.at").click();
    await page.locator("video").evaluate((v) => { v.muted = true; return v.play(); });
    await page.waitForFunction(() => { const v = document.querySelector("video"); return v.currentTime > 2.3 && v.currentTime < 3.8; }, null, { timeout: 8000 });
    const during = await marked(page);
    assert(during === 1, `while the line at 0:02 plays the line marked is ${during} (-1: none, -2: several)`);
    await page.waitForFunction(() => document.querySelector("video").currentTime > 4.3, null, { timeout: 8000 });
    await sleep(300); // a timeupdate comes every 250 ms at most
    const later = await marked(page);
    const t = (await videoState(page)).t;
    const want = LINES.findLastIndex(([s]) => s <= t);
    assert(later === want, `at ${t.toFixed(2)} s the line marked is ${later}, not ${want}`);
    await page.locator("video").evaluate((v) => v.pause());
    await ctx.close();
  });

  await check("video: without JavaScript the transcript is plain readable text with its times", async () => {
    const ctx = await context({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(base + path);
    const section = page.locator("section#transcript");
    assert(await section.isVisible(), "the transcript is hidden without JavaScript");
    const text = (await section.innerText()).replace(/\s+/g, " ");
    for (const [t, who, line] of LINES) {
      assert(text.includes(line), `"${line}" is not readable in the transcript`);
      assert(text.includes(`0:0${t}`) && text.includes(who), `the time or speaker of "${line}" is missing`);
    }
    for (let i = 0; i < LINES.length; i++) {
      const li = page.locator("#transcript li").nth(i);
      assert(await li.isVisible(), `line ${i + 1} is not visible`);
      const box = await li.boundingBox();
      assert(box && box.height >= 10, `line ${i + 1} is ${box && box.height}px high`);
      assert((await li.locator("a.at").getAttribute("href") || "").endsWith(`#t=${LINES[i][0]}`), `line ${i + 1}'s time does not link its second`);
    }
    assert(await page.locator("video").getAttribute("controls") !== null, "the video has no controls without JavaScript");
    // without JavaScript a time opens the video file at that second (a media fragment)
    const href = await page.locator("#transcript li a.at").first().getAttribute("href");
    assert(/^\/media\/[0-9a-f]{32}\.mp4#t=0$/.test(href || ""), `a line's time links ${href}, not the file at 0 s`);
    await ctx.close();
  });
}
