// editor.js: the article editor's Markdown toolbar (with an image picker of the media library) and the
// server-side autosave of its form. Without JavaScript the body is a plain textarea and nothing is autosaved.
"use strict";

// The toolbar: each button writes Markdown around the selection or at the start of its lines; Ctrl (or Cmd)
// with B, I and K does bold, italic and link. Every change goes through an input event, so the live preview
// and the autosave see it as typing.
(function () {
  const body = document.getElementById("field-body");
  const bar = document.querySelector(".md-toolbar");
  if (!body || !bar) return;
  const dialog = document.getElementById("md-images");

  // Replaces the text from start to end with text and selects [selStart, selEnd) of it; kept in the field's
  // undo history where the browser can.
  function put(start, end, text, selStart, selEnd) {
    body.focus();
    body.setSelectionRange(start, end);
    let done = false;
    try {
      done = document.execCommand("insertText", false, text);
    } catch (e) {
      done = false;
    }
    if (!done || body.value.slice(start, start + text.length) !== text) {
      body.setRangeText(text, start, end, "end");
      body.dispatchEvent(new Event("input", { bubbles: true }));
    }
    body.setSelectionRange(start + selStart, start + selEnd);
  }

  // **selection** (or the placeholder, selected to be typed over); a second press takes the marks off.
  function wrap(mark, placeholder) {
    const { selectionStart: s, selectionEnd: e, value } = body;
    const inner = value.slice(s, e);
    const n = mark.length;
    if (inner.length >= 2 * n && inner.startsWith(mark) && inner.endsWith(mark)) {
      put(s, e, inner.slice(n, inner.length - n), 0, inner.length - 2 * n);
      return;
    }
    if (value.slice(s - n, s) === mark && value.slice(e, e + n) === mark) {
      put(s - n, e + n, inner, 0, inner.length);
      return;
    }
    const text = inner || placeholder;
    put(s, e, mark + text + mark, n, n + text.length);
  }

  // [selection](https://), with the address selected to be typed over.
  function link() {
    const { selectionStart: s, selectionEnd: e, value } = body;
    const text = value.slice(s, e) || "link text";
    const url = /^https?:\/\/\S+$/.test(text) ? text : "https://";
    const md = `[${text}](${url})`;
    put(s, e, md, text.length + 3, text.length + 3 + url.length);
  }

  // A prefix at the start of every line the selection touches ("1. ", "2. "... for a numbered list); when all
  // of them have it already, it is taken off.
  function lines(prefixOf, pattern) {
    const { selectionStart: s, selectionEnd: e, value } = body;
    const start = value.lastIndexOf("\n", s - 1) + 1;
    let end = value.indexOf("\n", e > s && value[e - 1] === "\n" ? e - 1 : e);
    if (end < 0) end = value.length;
    const old = value.slice(start, end).split("\n");
    const off = old.every((l) => pattern.test(l));
    const text = old.map((l, i) => (off ? l.replace(pattern, "") : prefixOf(i) + l.replace(/^(#{1,6} |> |- |\d+\. )/, ""))).join("\n");
    put(start, end, text, 0, text.length);
  }

  // ![alt](address) of the chosen image, on a paragraph of its own.
  function image(src, alt) {
    const { selectionStart: s, selectionEnd: e, value } = body;
    const before = s === 0 || value.slice(0, s).endsWith("\n\n") ? "" : value.slice(0, s).endsWith("\n") ? "\n" : "\n\n";
    const after = value.slice(e).startsWith("\n\n") || e === value.length ? "" : "\n\n";
    const md = `${before}![${alt.replace(/[[\]\\]/g, "")}](${src})${after}`;
    put(s, e, md, md.length - after.length, md.length - after.length);
  }

  const actions = {
    h2: () => lines(() => "## ", /^## /),
    h3: () => lines(() => "### ", /^### /),
    bold: () => wrap("**", "bold text"),
    italic: () => wrap("_", "italic text"),
    link,
    ul: () => lines(() => "- ", /^- /),
    ol: () => lines((i) => `${i + 1}. `, /^\d+\. /),
    quote: () => lines(() => "> ", /^> /),
    image: () => {
      if (!dialog || typeof dialog.showModal !== "function") return;
      const { selectionStart: s, selectionEnd: e } = body;
      dialog.dataset.start = s;
      dialog.dataset.end = e;
      dialog.showModal();
    },
  };

  bar.addEventListener("click", (ev) => {
    const button = ev.target.closest("button[data-md]");
    if (button && actions[button.dataset.md]) actions[button.dataset.md]();
  });
  body.addEventListener("keydown", (ev) => {
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey || ev.shiftKey) return;
    const key = { b: "bold", i: "italic", k: "link" }[ev.key.toLowerCase()];
    if (!key) return;
    ev.preventDefault();
    actions[key]();
  });
  if (dialog) {
    dialog.addEventListener("click", (ev) => {
      const choice = ev.target.closest(".md-image-choice");
      if (!choice) return;
      dialog.close();
      body.setSelectionRange(Number(dialog.dataset.start), Number(dialog.dataset.end));
      image(choice.dataset.src, choice.dataset.alt);
    });
    dialog.addEventListener("close", () => body.focus());
  }
  bar.hidden = false;
})();

// The autosave: once something changed, the form's fields go to the server 2 s after typing stops, and at
// least every 8 s while it goes on (and when the tab is hidden or closed), so a crash or a closed tab loses at
// most a few seconds. The server keeps one per person and article; a real save drops it, and the editor
// offers to restore one it finds. Saving the form stops it, so a late autosave cannot outlive the save.
(function () {
  const status = document.getElementById("autosave-status");
  const body = document.getElementById("field-body");
  if (!status || !body || !body.form || !window.fetch || !window.URLSearchParams) return;
  const form = body.form;
  const url = status.dataset.url;
  const token = form.elements.namedItem("form_token");
  const QUIET_MS = 2000;
  const MAX_MS = 8000;
  let dirty = false, firstChange = 0, timer = 0, sending = false, stopped = false, pausedUntil = 0;

  const say = (text) => {
    status.hidden = false;
    if (status.textContent !== text) status.textContent = text;
  };
  const clock = (d) => d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

  function fields() {
    const data = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== "action" && name !== "form_token" && typeof value === "string") data.append(name, value);
    }
    return data;
  }

  async function send(keepalive) {
    if (stopped || !dirty || sending || Date.now() < pausedUntil) return;
    clearTimeout(timer);
    timer = 0;
    const data = fields();
    dirty = false;
    sending = true;
    try {
      const res = await fetch(url, {
        method: "POST",
        body: data,
        headers: { "X-Form-Token": token ? token.value : "" },
        credentials: "same-origin",
        cache: "no-store",
        redirect: "manual",
        keepalive: keepalive && data.toString().length < 60000,
      });
      if (res.status === 200) {
        say(`Autosaved at ${clock(new Date())}.`);
      } else {
        dirty = true;
        if (res.status === 429) {
          pausedUntil = Date.now() + 1000 * (Number(res.headers.get("Retry-After")) || 5);
          schedule(pausedUntil - Date.now());
        } else if (res.status === 0 || res.status === 401 || res.status === 403) {
          stopped = true;
          say("Autosave stopped: your session has ended or the page has expired. Save to keep your text.");
        } else if (res.status === 413) {
          stopped = true;
          say("Autosave stopped: the text is larger than an autosave may be. Save to keep it.");
        } else {
          say(`Not autosaved (error ${res.status}); it will try again.`);
          schedule(MAX_MS);
        }
      }
    } catch (e) {
      dirty = true;
      if (!keepalive) say("Not autosaved: the server did not answer. It will try again.");
      schedule(MAX_MS);
    } finally {
      sending = false;
      if (dirty && !timer && !stopped) schedule(QUIET_MS);
    }
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = 0;
      send(false);
    }, Math.max(ms, 0));
  }

  function changed() {
    if (stopped) return;
    const now = Date.now();
    if (!dirty) firstChange = now;
    dirty = true;
    schedule(Math.min(QUIET_MS, firstChange + MAX_MS - now));
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (ev) => {
    // the Preview button opens a tab and saves nothing: only a save stops the autosave
    if (ev.submitter && ev.submitter.value === "preview") return;
    stopped = true;
    clearTimeout(timer);
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") send(true);
  });
  window.addEventListener("pagehide", () => send(true));
})();
