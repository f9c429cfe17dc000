// admin.js: the back office's scripts, each for the page that has its elements: the article editor's live
// preview, and the media library's uploader. Without JavaScript both pages work: the editor's Preview button
// opens the preview in a new tab, and the upload form posts the file whole (up to max_body_kb).
//
// The live preview:
// When the editor stops typing for WAIT_MS, the form is posted as the Preview button posts it, and the answer
// (the article rendered by the server with the theme; never saved, never cached) is shown in a sandboxed
// iframe through srcdoc. Fetching rather than targeting the iframe with the form keeps the page's Content
// Security Policy as it is (frames from this site stay forbidden) and adds no entry to the tab's history.
"use strict";

(function () {
  const WAIT_MS = 700;
  const body = document.getElementById("field-body");
  const box = document.getElementById("live-preview");
  if (!body || !body.form || !box || !window.fetch || !window.AbortController) return;
  const form = body.form;
  const status = document.getElementById("live-preview-status");
  const frames = box.querySelector(".live-preview-frames");
  let timer = 0;
  let inFlight = null;

  // The status line is a live region: it changes only when the state does, so a screen reader is not told
  // the same thing at every pause in the typing.
  const say = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };

  // The form's fields as the browser would post them, with the Preview button's action.
  function fields() {
    const data = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== "action" && typeof value === "string") data.append(name, value);
    }
    data.append("action", "preview");
    return data;
  }

  // A new iframe for each preview: a first load adds no history entry; the old one stays until the new one
  // has loaded, and the reader's place in it is kept.
  function show(html) {
    const old = frames.querySelector("iframe:not(.is-loading)");
    for (const stale of frames.querySelectorAll("iframe.is-loading")) stale.remove();
    const next = document.createElement("iframe");
    next.title = "Preview of the article as readers will see it";
    next.setAttribute("sandbox", "allow-same-origin"); // no scripts, no forms, no navigation of this page
    next.className = "is-loading";
    next.addEventListener("load", () => {
      if (old) {
        try {
          next.contentWindow.scrollTo(0, old.contentWindow.scrollY);
        } catch (e) {
          // the old preview is gone already: start at the top
        }
        old.remove();
      }
      next.className = "";
    }, { once: true });
    next.srcdoc = html;
    frames.appendChild(next);
  }

  const problems = {
    401: "Your session has ended, so the preview stopped. Save to sign in again: your text is kept.",
    403: "The preview is not allowed: this form may have expired. Reload the page (copy your text first).",
    422: "Write a title and choose a section to see the preview.",
  };

  // The server previews only an article with a title and a section (422 otherwise): no need to ask it.
  function ready() {
    const title = form.elements.namedItem("title");
    const section = form.elements.namedItem("section");
    return title && title.value.trim() !== "" && section && section.value !== "";
  }

  async function update() {
    if (inFlight) inFlight.abort();
    if (!ready()) {
      inFlight = null;
      frames.removeAttribute("aria-busy");
      say(problems[422]);
      return;
    }
    const mine = new AbortController();
    inFlight = mine;
    frames.setAttribute("aria-busy", "true");
    try {
      const res = await fetch(form.getAttribute("action"), {
        method: "POST",
        body: fields(),
        credentials: "same-origin",
        cache: "no-store",
        redirect: "error",
        signal: mine.signal,
      });
      const html = await res.text();
      if (inFlight !== mine) return; // a newer preview is on its way
      if (res.status === 200) {
        show(html);
        say("The preview shows your latest changes.");
      } else {
        say(problems[res.status] || `The preview could not be updated (error ${res.status}).`);
      }
    } catch (e) {
      if (inFlight === mine) say("The preview could not be updated. It will try again when you type.");
    } finally {
      if (inFlight === mine) {
        inFlight = null;
        frames.removeAttribute("aria-busy");
      }
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, WAIT_MS);
  }

  box.hidden = false;
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  update();
})();

// The media library's uploader: the chosen image goes in chunks the server sizes (each fits under its request
// limit), each sent with the offset it starts at (Upload-Offset) and the page's form token (X-Form-Token).
// The server answers the offset it has; a chunk that failed (a dropped connection, a server restarting) is
// tried again from the offset the server reports, after a pause, and the bar shows how far it got. The
// protocol is in src/admin/uploads.c.
(function () {
  const form = document.getElementById("media-upload");
  if (!form || !window.fetch || !window.AbortController || !window.Blob || !Blob.prototype.slice) return;
  const file = form.elements.namedItem("file");
  const submit = form.querySelector("button[type=submit]");
  const bar = form.querySelector(".upload-progress");
  const progress = bar.querySelector("progress");
  const cancel = bar.querySelector(".upload-cancel");
  const status = form.querySelector(".upload-status");
  const token = () => form.elements.namedItem("form_token").value;
  const RETRIES = 6; // failures in a row before the uploader stops and offers to go on
  let current = null; // {url, size, chunk, file, abort, stopped}

  const mb = (n) => (n / 1048576).toFixed(1) + " MB";
  const say = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

  // What an answer that is not JSON means: the session ended (a redirect to sign in), or a page in the way.
  async function answer(res) {
    if (res.type === "opaqueredirect" || res.status === 0)
      return { status: 401, body: { error: "Your session has ended: sign in again in another tab, then upload again." } };
    let body = {};
    try {
      body = await res.json();
    } catch (e) {
      body = { error: res.status === 403 ? "The back office is for the editorial team." : `The server answered ${res.status}.` };
    }
    return { status: res.status, body };
  }

  function post(url, body, headers, signal) {
    return fetch(url, {
      method: "POST", body, headers, signal, credentials: "same-origin", cache: "no-store", redirect: "manual",
    }).then(answer);
  }

  function show(offset) {
    progress.value = current.size ? Math.floor((offset * 100) / current.size) : 100;
    say(`Sent ${mb(offset)} of ${mb(current.size)} (${progress.value}%).`);
  }

  function finish(message) {
    bar.hidden = true;
    submit.disabled = false;
    file.disabled = false;
    current = null;
    if (message) say(message);
  }

  // Where the upload stands on the server: its offset, or the finished upload's answer.
  async function where(up) {
    const res = await fetch(up.url, { credentials: "same-origin", cache: "no-store", redirect: "manual" });
    return answer(res);
  }

  async function send(up, offset) {
    let failures = 0;
    while (!up.stopped) {
      let got;
      try {
        const end = Math.min(offset + up.chunk, up.size);
        got = await post(up.url, up.file.slice(offset, end), {
          "Content-Type": "application/offset+octet-stream",
          "Upload-Offset": String(offset),
          "X-Form-Token": token(),
        }, up.abort.signal);
      } catch (e) {
        if (up.stopped) return;
        got = { status: 0, body: {} }; // the connection dropped: ask the server where it stands
      }
      if (got.body.done) {
        say(got.body.duplicate ? "This image is in the library already: opening it." : "Uploaded: opening the image.");
        window.location.assign(got.body.url);
        return;
      }
      if (got.status === 200 || (got.status === 409 && typeof got.body.offset === "number")) {
        offset = got.body.offset;
        failures = got.status === 200 ? 0 : failures + 1;
        show(offset);
        if (got.status === 409) await sleep(500 * failures);
        if (failures <= RETRIES) continue;
      }
      if (got.status && got.status < 500 && got.status !== 409 && got.status !== 429) {
        finish(got.body.error || `The upload was refused (error ${got.status}).`); // retrying would not help
        return;
      }
      failures += 1;
      if (failures > RETRIES) {
        finish("The upload stopped: the server could not be reached. Choose Upload again to go on from where it stopped.");
        form.dataset.resume = up.url;
        return;
      }
      // 429: the server put the image off (its image queue is full); the file stays there whole
      say(got.status === 429 && got.body.error ? `${got.body.error} Trying again (${failures} of ${RETRIES})…`
        : `The connection failed; trying again (${failures} of ${RETRIES})…`);
      await sleep(1000 * 2 ** (failures - 1));
      try {
        const now = await where(up);
        if (now.body.done) {
          window.location.assign(now.body.url);
          return;
        }
        if (now.status === 200) offset = now.body.offset;
        else if (now.status === 404) {
          finish(now.body.error);
          return;
        }
      } catch (e) {
        // still unreachable: the next try says so
      }
    }
  }

  async function start(event) {
    const chosen = file.files && file.files[0];
    if (!chosen || current) return; // no file: the form posts and the server says what is missing
    event.preventDefault();
    const fields = new URLSearchParams();
    fields.append("form_token", token());
    fields.append("name", chosen.name);
    fields.append("size", String(chosen.size));
    fields.append("type", chosen.type);
    fields.append("alt", form.elements.namedItem("alt").value);
    fields.append("credit", form.elements.namedItem("credit").value);
    const up = { file: chosen, size: chosen.size, abort: new AbortController(), stopped: false };
    current = up;
    submit.disabled = true;
    file.disabled = true;
    say("Starting the upload…");
    let got;
    try {
      // an upload that stopped for the same file goes on where it was
      const resume = form.dataset.resume;
      if (resume && form.dataset.resumeName === chosen.name + ":" + chosen.size) {
        up.url = resume;
        got = await where(up);
        if (got.status !== 200) got = null;
      }
      if (!got) got = await post(form.dataset.uploads, fields, {}, up.abort.signal);
    } catch (e) {
      finish("The server could not be reached: check the connection and choose Upload again.");
      return;
    }
    if (got.status !== 201 && got.status !== 200) {
      finish(got.body.error || `The upload could not start (error ${got.status}).`);
      const field = got.body.errors && Object.keys(got.body.errors)[0];
      const input = field && form.elements.namedItem(field);
      if (input && input.focus) input.focus();
      return;
    }
    up.url = got.body.url || up.url;
    up.chunk = got.body.chunk_size;
    form.dataset.resume = up.url;
    form.dataset.resumeName = chosen.name + ":" + chosen.size;
    bar.hidden = false;
    show(got.body.offset);
    await send(up, got.body.offset);
  }

  cancel.addEventListener("click", async () => {
    const up = current;
    if (!up) return;
    up.stopped = true;
    up.abort.abort();
    delete form.dataset.resume;
    finish("The upload was cancelled.");
    if (up.url) {
      try {
        await post(up.url + "/cancel", "", { "X-Form-Token": token() });
      } catch (e) {
        // the server forgets it within a day anyway
      }
    }
  });
  form.addEventListener("submit", start);
})();

// Who is editing what: while an existing article's editor is open, it tells the server every 30 s (the
// mark lasts two minutes), and shows who else has the article open, as the page did when it opened.
(function () {
  const EVERY_MS = 30000;
  const form = document.querySelector('form[method="post"][action^="/admin/articles/"]');
  if (!form || !/^\/admin\/articles\/\d+$/.test(form.getAttribute("action")) || !window.fetch) return;
  const token = form.elements.namedItem("form_token");
  if (!token) return;
  let box = null;
  const notice = document.querySelector(".notice");
  function show(text) {
    // the page's own notice already says it (as the server rendered it on opening): not twice
    if (text && notice && notice.textContent.includes(text)) text = null;
    if (!text) {
      if (box) box.hidden = true;
      return;
    }
    if (!box) {
      box = document.createElement("p");
      box.className = "presence";
      box.setAttribute("role", "status");
      form.parentNode.insertBefore(box, form);
    }
    box.hidden = false;
    box.textContent = text;
  }
  async function refresh() {
    try {
      const res = await fetch(form.getAttribute("action") + "/presence", {
        method: "POST",
        credentials: "same-origin",
        cache: "no-store",
        headers: { "X-Form-Token": token.value },
      });
      if (res.ok) show((await res.json()).warning);
    } catch (e) {
      // offline for a moment: the next tick tries again
    }
  }
  setInterval(refresh, EVERY_MS);
})();
