// reader: menus say whether they are open (aria-expanded) and close with Escape or a tap outside; the search filters open beside the results on a wide screen. The page works the same without it.
(function () {
	"use strict";
	var MENUS = ".main-nav details";

	function summaryOf(d) {
		return d.querySelector(":scope > summary");
	}

	function mark(d) {
		var s = summaryOf(d);
		if (s) s.setAttribute("aria-expanded", d.open ? "true" : "false");
	}

	function openMenus() {
		return Array.prototype.filter.call(document.querySelectorAll(MENUS), function (d) {
			return d.open;
		});
	}

	function close(d, focus) {
		d.open = false;
		mark(d);
		if (focus && summaryOf(d)) summaryOf(d).focus();
	}

	function start() {
		Array.prototype.forEach.call(document.querySelectorAll(MENUS + ", details.search-filters"), function (d) {
			mark(d);
			d.addEventListener("toggle", function () {
				mark(d);
			});
		});
		// Escape closes the innermost open menu around the focus (or every open one) and gives its summary the focus
		document.addEventListener("keydown", function (e) {
			if (e.key !== "Escape" && e.key !== "Esc") return;
			var open = openMenus();
			if (!open.length) return;
			var inner = document.activeElement && document.activeElement.closest ? document.activeElement.closest(MENUS + "[open]") : null;
			if (inner) {
				close(inner, true);
			} else {
				open.forEach(function (d) {
					close(d, false);
				});
			}
			e.preventDefault();
		});
		// a tap or click anywhere else closes the open menus that are not around it
		document.addEventListener("click", function (e) {
			openMenus().forEach(function (d) {
				if (!d.contains(e.target)) close(d, false);
			});
		});
		var filters = document.querySelector("details.search-filters");
		if (filters && window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) filters.open = true;
	}

	if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
	else start();
})();

// transcript: with a player on the page, a click on a transcript line or a chapter plays the video from
// there, and the line being spoken is marked (aria-current) and kept in view inside the transcript. Without
// JavaScript the transcript is plain text and its times are links to the file at that second.
(function () {
	"use strict";
	var video = document.querySelector("video.player");
	var embed = document.querySelector("iframe.player-embed[src*='youtube-nocookie.com']"); // Vimeo's needs its script
	var lines = Array.prototype.slice.call(document.querySelectorAll(".transcript li[data-start]"));
	var marks = lines.concat(Array.prototype.slice.call(document.querySelectorAll(".chapters li[data-start]")));
	if ((!video && !embed) || !marks.length) return;

	function seek(seconds) {
		if (video) {
			video.currentTime = seconds;
			var p = video.play();
			if (p && p.catch) p.catch(function () {}); // a browser that refuses to play still moved the time
		} else if (embed) {
			// YouTube's player listens to these messages (enablejsapi=1): no script of theirs on this page
			embed.contentWindow.postMessage(JSON.stringify({ event: "command", func: "seekTo", args: [seconds, true] }), "https://www.youtube-nocookie.com");
			embed.contentWindow.postMessage(JSON.stringify({ event: "command", func: "playVideo", args: [] }), "https://www.youtube-nocookie.com");
		}
	}

	marks.forEach(function (li) {
		li.classList.add("seekable");
		li.addEventListener("click", function (e) {
			if (e.target.closest && e.target.closest("a") && !e.target.closest("a.at")) return; // a link in the words
			e.preventDefault();
			seek(Number(li.getAttribute("data-start")));
		});
	});

	if (!video || !lines.length) return;
	var box = document.querySelector(".transcript ol");
	var current = null;
	function follow() {
		var t = video.currentTime, at = null;
		for (var i = 0; i < lines.length; i++) {
			if (Number(lines[i].getAttribute("data-start")) <= t + 0.25) at = lines[i];
			else break;
		}
		if (at === current) return;
		if (current) {
			current.removeAttribute("aria-current");
			current.classList.remove("current");
		}
		current = at;
		if (!at) return;
		at.setAttribute("aria-current", "true");
		at.classList.add("current");
		// the transcript scrolls within its own box; the page itself never jumps under the reader
		if (box && box.scrollHeight > box.clientHeight) {
			var top = at.offsetTop - box.offsetTop;
			if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - at.offsetHeight)
				box.scrollTop = Math.max(0, top - box.clientHeight / 3);
		}
	}
	video.addEventListener("timeupdate", follow);
	video.addEventListener("seeked", follow);
})();

// A reader whose browser prefers another language the page exists in is offered it once, at the top of the
// page, in that language; nothing moves by itself, and "No, thank you" is remembered.
(function () {
	var nav = document.querySelector(".language-switcher");
	if (!nav || !navigator.languages || !navigator.languages.length) return;
	var here = (document.documentElement.lang || "").toLowerCase();
	var wanted = String(navigator.languages[0]).toLowerCase().split("-")[0];
	var seen = "";
	try {
		seen = localStorage.getItem("plenary-language-offer") || "";
	} catch (e) {
		return; // no storage: the offer could not stay dismissed, so it is not made
	}
	if (!wanted || wanted === here || (" " + seen + " ").indexOf(" " + wanted + " ") >= 0) return;
	var link = nav.querySelector('a[hreflang="' + wanted + '"]');
	if (!link || !link.getAttribute("data-offer")) return;
	var box = document.createElement("div");
	box.className = "language-offer";
	box.setAttribute("role", "region");
	box.setAttribute("aria-label", link.textContent);
	box.lang = wanted;
	var text = document.createElement("p");
	text.textContent = link.getAttribute("data-offer") + " ";
	var go = document.createElement("a");
	go.href = link.href;
	go.hreflang = wanted;
	go.textContent = link.getAttribute("data-read");
	text.appendChild(go);
	var no = document.createElement("button");
	no.type = "button";
	no.className = "link-button";
	no.lang = here;
	no.textContent = nav.getAttribute("data-dismiss");
	no.addEventListener("click", function () {
		try {
			localStorage.setItem("plenary-language-offer", (seen + " " + wanted).trim());
		} catch (e) {}
		box.remove();
	});
	box.appendChild(text);
	box.appendChild(no);
	var main = document.getElementById("main");
	if (main) main.insertBefore(box, main.firstChild);
})();
