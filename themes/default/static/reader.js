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
