// The Django admin (beheer). The filter of a many-to-many field (Django's SelectFilter2.js, started on the load
// event) labels its search icons with aria-label on a span without a role, which ARIA does not allow; as an
// image with that name the label is allowed and read out. This runs after it (deferred, so registered later).
window.addEventListener("load", function () {
  "use strict";
  document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icoon) {
    icoon.setAttribute("role", "img");
  });
});
