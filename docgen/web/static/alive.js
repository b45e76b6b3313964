// Tells docgen once a minute that this page is still open, so it does not stop by itself
// while you work in Word; if docgen has stopped, says so instead of leaving a dead page.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script.getAttribute("data-alive");
  var every = Number(script.getAttribute("data-every")) * 1000;
  var timer = null;
  function stopped() {
    window.clearInterval(timer);
    document.getElementById("docgen-stopped").hidden = false;
  }
  function ping() {
    window.fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { if (!response.ok) { stopped(); } }, stopped);
  }
  timer = window.setInterval(ping, every);
}());
