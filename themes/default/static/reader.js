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
