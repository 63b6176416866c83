// Starts Swagger UI (from the drf-spectacular-sidecar package) on the API documentation page.
// The description names the production server; "Try it out" here talks to this installation first.
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
        deepLinking: true,
        presets: [window.SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
        defaultModelsExpandDepth: 0,
        displayRequestDuration: true,
      });
    });
});
