// While a recomputation is waiting or running, poll its status and reload the ranking when it is done.
(function () {
  "use strict";
  var blok = document.querySelector(".prio-status[data-lopend]");
  if (!blok || !window.fetch) {
    return;
  }
  var url = blok.getAttribute("data-status-url");
  function controleer() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && !data.lopend) {
          window.location.reload();
        } else {
          window.setTimeout(controleer, 3000);
        }
      })
      .catch(function () { window.setTimeout(controleer, 10000); });
  }
  window.setTimeout(controleer, 3000);
})();
