// Provenance links: "show in text" scrolls to the span in the document text and
// highlights it. Plain links to #document-text without JavaScript.
(function () {
  "use strict";

  function marksFor(container, start, end) {
    var found = [];
    container.querySelectorAll("mark[data-start]").forEach(function (mark) {
      var s = Number(mark.dataset.start);
      var e = Number(mark.dataset.end);
      if (s < end && e > start) {
        found.push(mark);
      }
    });
    return found;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.src-link[data-start]") : null;
    if (!link) {
      return;
    }
    var container = document.getElementById("document-text");
    if (!container) {
      return;
    }
    var marks = marksFor(container, Number(link.dataset.start), Number(link.dataset.end));
    if (!marks.length) {
      return; // fall back to the plain link
    }
    event.preventDefault();
    container.querySelectorAll("mark.is-active").forEach(function (m) {
      m.classList.remove("is-active");
      m.removeAttribute("tabindex");
    });
    marks.forEach(function (m) {
      m.classList.add("is-active");
    });
    var first = marks[0];
    first.setAttribute("tabindex", "-1");
    var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    first.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    first.focus({ preventScroll: true });
  });
})();
