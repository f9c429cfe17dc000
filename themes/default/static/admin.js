// admin.js: the article editor's live preview. Without it the editor works the same: its Preview button
// opens the preview in a new tab.
//
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
