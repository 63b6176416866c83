/* Toolbox: the "new round" choice only applies to step 3; print button on the overview. */
(function () {
  "use strict";
  document.querySelectorAll("form.nal-toolbox-inzet").forEach(function (form) {
    var stap = form.querySelector("select[name=stap]");
    var opnieuw = form.querySelector("input[name=opnieuw_ingezet]");
    if (!stap || !opnieuw) return;
    var veld = opnieuw.closest(".nal-veld");
    var herhaalstap = form.getAttribute("data-herhaalstap");
    function bijwerken() {
      var zichtbaar = stap.value === herhaalstap;
      veld.hidden = !zichtbaar;
      if (!zichtbaar) opnieuw.checked = false;
    }
    stap.addEventListener("change", bijwerken);
    bijwerken();
  });
  document.querySelectorAll("[data-toolbox-afdrukken]").forEach(function (knop) {
    knop.addEventListener("click", function () { window.print(); });
  });
})();
