// count.js: tells this site, and no one else, that the reader stayed on an article (15 seconds visible, or
// scrolled past most of its text) or started its video: one beacon each per page load, no cookie, nothing
// stored in the browser. Without JavaScript the page's view still counts; its read does not.
(function () {
  "use strict";
  var article = document.querySelector("article[data-count]");
  if (!article || !navigator.sendBeacon || !window.URLSearchParams) return;
  var id = article.getAttribute("data-count");
  var sent = {};

  function send(event) {
    if (sent[event]) return;
    sent[event] = true;
    var body = new URLSearchParams();
    body.set("a", id);
    body.set("e", event);
    navigator.sendBeacon("/count", body);
  }

  // read: 15 seconds visible in all (time in a background tab does not count), or most of the text scrolled
  var READ_MS = 15000;
  var visibleMs = 0;
  var since = document.visibilityState === "visible" ? Date.now() : 0;
  var timer = 0;

  function read() {
    send("read");
    clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("scroll", onScroll);
  }

  function check() {
    if (since) {
      visibleMs += Date.now() - since;
      since = Date.now();
    }
    if (visibleMs >= READ_MS) read();
    else schedule();
  }

  function schedule() {
    clearTimeout(timer);
    if (since && !sent.read) timer = setTimeout(check, READ_MS - visibleMs);
  }

  function onVisibility() {
    if (document.visibilityState === "visible") {
      if (!since) since = Date.now();
    } else if (since) {
      visibleMs += Date.now() - since;
      since = 0;
    }
    schedule();
  }

  var text = article.querySelector(".article-body") || article;
  function onScroll() {
    var box = text.getBoundingClientRect();
    // the bottom of the window is past three quarters of the text
    if (box.height > 0 && window.innerHeight - box.top >= box.height * 0.75) read();
  }

  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("scroll", onScroll, { passive: true });
  schedule();

  // play: the article's own video (a library file or an MP4); embedded players do not tell the page
  var videos = article.querySelectorAll("video");
  for (var i = 0; i < videos.length; i++)
    videos[i].addEventListener("play", function () { send("play"); });
})();
