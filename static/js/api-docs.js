// Starts Swagger UI (from the drf-spectacular-sidecar package) on the API documentation page.
// The description names the production server; "Try it out" here talks to this installation first.
// Without deep links: Swagger UI puts them as links inside the button that opens an operation (a control in
// a control, and a touch target of 18 px), which keyboard and screen-reader users cannot use as two.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var element = document.getElementById("swagger-ui");
  if (!element || !window.SwaggerUIBundle) {
    return;
  }
  fetch(element.dataset.schemaUrl, { headers: { Accept: "application/json" } })
    .then(function (antwoord) {
      return antwoord.json();
    })
    .then(function (spec) {
      var hier = { url: window.location.origin + "/api/v1", description: "Deze installatie" };
      spec.servers = [hier].concat(spec.servers || []);
      window.SwaggerUIBundle({
        spec: spec,
        domNode: element,
        deepLinking: false,
        presets: [window.SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
        defaultModelsExpandDepth: 0,
        displayRequestDuration: true,
      });
    });

  // Swagger UI draws the server choice without a label; it redraws parts of the page, so label it whenever
  // it appears.
  function labelen() {
    var keuze = element.querySelector("select#servers:not([aria-label])");
    if (keuze) {
      keuze.setAttribute("aria-label", "Server");
    }
  }
  new MutationObserver(labelen).observe(element, { childList: true, subtree: true });
});
