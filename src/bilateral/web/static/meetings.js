// The meeting page: "show in sources" lights up where a field's value comes from in the
// source text of every report of the meeting, scrolls to the first place and moves the focus
// there. Each link lists its places as data-spans="SOURCE:START-END ..."; without
// JavaScript the link simply jumps to the source texts.
(function () {
  "use strict";

  function places(link) {
    return (link.getAttribute("data-spans") || "").split(/\s+/).map(function (ref) {
      var match = /^(\d+):(\d+)-(\d+)$/.exec(ref);
      return match ? { source: match[1], start: Number(match[2]), end: Number(match[3]) } : null;
    }).filter(Boolean);
  }

  function marksAt(place) {
    var box = document.getElementById("source-text-" + place.source);
    if (!box) {
      return [];
    }
    return Array.prototype.filter.call(box.querySelectorAll("mark[data-start]"), function (mark) {
      return Number(mark.dataset.start) < place.end && Number(mark.dataset.end) > place.start;
    });
  }

  function announce(text) {
    var status = document.getElementById("highlight-status");
    if (status) {
      status.textContent = text;
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.src-link[data-spans]") : null;
    if (!link) {
      return;
    }
    var found = [];
    var sources = {};
    places(link).forEach(function (place) {
      marksAt(place).forEach(function (mark) {
        if (found.indexOf(mark) < 0) {
          found.push(mark);
          sources[place.source] = true;
        }
      });
    });
    if (!found.length) {
      return; // fall back to the plain link
    }
    event.preventDefault();
    document.querySelectorAll("mark.is-active").forEach(function (mark) {
      mark.classList.remove("is-active");
      mark.removeAttribute("tabindex");
    });
    found.forEach(function (mark) {
      mark.classList.add("is-active");
    });
    var count = Object.keys(sources).length;
    announce(found.length + (found.length === 1 ? " place" : " places") + " lit up in " +
      count + (count === 1 ? " source text." : " source texts."));
    var first = found[0];
    first.setAttribute("tabindex", "-1");
    var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    first.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    first.focus({ preventScroll: true });
  });
})();
