// Take it away: a chart's PNG download, drawn in the reader's browser from the chart's own
// inline SVG, so a page does not carry each chart twice. Included by the site's template
// (app/jupyter/voila/templates/technoparks/index.html.j2) and by the static edition
// (tools/build_site.py); outputs cannot carry scripts, so where this does not run (as in
// JupyterLab) the PNG links stay hidden and the SVG and CSV links (data: URLs) still work.
// A park chart's SVG and PNG show the parks as faded on screen by the reader's choice.
(function () {
  var PROLOG = '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n';
  var PNG_SCALE = 150 / 72; // the SVG is measured in points: 150 dpi

  // The chart's SVG as a file, as the page's style sheets show each park (other parks'
  // marks faded, their labels grey).
  function svgFile(figure) {
    var svg = figure.querySelector("svg");
    var copy = svg.cloneNode(true);
    var shown = svg.querySelectorAll('[id^="tp--"] > *');
    var copied = copy.querySelectorAll('[id^="tp--"] > *');
    for (var i = 0; i < shown.length; i += 1) {
      var style = window.getComputedStyle(shown[i]);
      if (style.opacity !== "1") { copied[i].style.opacity = style.opacity; }
      if (shown[i].tagName.toLowerCase() === "text") { copied[i].style.fill = style.fill; }
    }
    ["style", "role", "aria-labelledby"].forEach(function (name) { copy.removeAttribute(name); });
    return PROLOG + new XMLSerializer().serializeToString(copy);
  }

  function save(blob, filename) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  }

  function savePng(figure, filename) {
    var box = figure.querySelector("svg").viewBox.baseVal;
    var source = URL.createObjectURL(new Blob([svgFile(figure)], { type: "image/svg+xml" }));
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(box.width * PNG_SCALE);
      canvas.height = Math.round(box.height * PNG_SCALE);
      var context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(source);
      canvas.toBlob(function (blob) { if (blob) { save(blob, filename); } }, "image/png");
    };
    image.onerror = function () { URL.revokeObjectURL(source); };
    image.src = source;
  }

  // A caption's link to the table with the same numbers: scroll to it in this tab (the
  // app's renderer would open every output link in a new tab) and move the focus there.
  function followToTable(link, event) {
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) { return; }
    event.preventDefault();
    event.stopPropagation();
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest) { return; }
    var toTable = event.target.closest('figure.tp-chart figcaption a[href^="#"]');
    if (toTable) { followToTable(toTable, event); return; }
    var link = event.target.closest("figure.tp-chart a.tp-download");
    if (!link) { return; }
    var figure = link.closest("figure.tp-chart");
    var png = link.getAttribute("data-tp-png");
    var svg = /\.svg$/.test(link.getAttribute("download") || "");
    if (!figure || !figure.querySelector("svg")) { return; }
    if (png) {
      event.preventDefault();
      event.stopPropagation();
      savePng(figure, png);
    } else if (svg && figure.classList.contains("tp-park-chart")) {
      // Only a park chart can differ from the SVG in the link (the chooser fades parks).
      event.preventDefault();
      event.stopPropagation();
      save(new Blob([svgFile(figure)], { type: "image/svg+xml" }), link.getAttribute("download"));
    }
  }, true);

  // Show the PNG links (hidden in outputs, since only this script makes their file); the
  // app draws outputs after the page has loaded, so watch for new ones.
  function reveal() {
    var hidden = document.querySelectorAll("figure.tp-chart [data-tp-png][hidden]");
    for (var i = 0; i < hidden.length; i += 1) { hidden[i].hidden = false; }
  }
  new MutationObserver(reveal).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", reveal);
})();
