// The console's live parts: lists marked data-poll refresh themselves every 2 seconds,
// so new hand-offs, orders and customer messages appear without a reload.
(function () {
  "use strict";
  var PERIOD = 2000;

  function poll(box) {
    var url = box.getAttribute("data-poll");
    var last = box.innerHTML;
    function tick() {
      if (document.hidden) { return; }
      fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
        .then(function (r) {
          if (r.status === 401) { window.location.assign("/admin/login"); return null; }
          return r.ok ? r.text() : null;
        })
        .then(function (html) {
          if (html !== null && html !== last) {
            last = html;
            box.innerHTML = html;
            box.classList.add("updated");
            setTimeout(function () { box.classList.remove("updated"); }, 1200);
          }
        })
        .catch(function () { /* offline for a moment: the next tick tries again */ });
    }
    setInterval(tick, PERIOD);
  }

  document.querySelectorAll("[data-poll]").forEach(poll);
})();
