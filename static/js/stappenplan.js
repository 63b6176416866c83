// The buttons of the stappenplan section on the park page.
// A blocked move (aria-disabled, with the reason beside it) does nothing: no submit and no check of its fields.
document.addEventListener("click", (event) => {
  const knop = event.target instanceof Element ? event.target.closest("button[aria-disabled=true]") : null;
  if (knop) event.preventDefault();
});
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  // A blocked move does not submit, however the form was sent.
  const knop = event.submitter || form.querySelector("button[type=submit]");
  if (knop && knop.getAttribute("aria-disabled") === "true") {
    event.preventDefault();
    return;
  }
  // A required reason of spaces only: the browser's own check lets it through, so say it here, before any question.
  for (const veld of form.querySelectorAll("textarea[data-verplicht]")) {
    veld.setCustomValidity(veld.value.trim() ? "" : veld.dataset.verplicht);
    if (!veld.reportValidity()) {
      event.preventDefault();
      return;
    }
  }
  // Moving a park backwards is confirmed, once the form is complete.
  if (form.dataset.bevestig && !window.confirm(form.dataset.bevestig)) {
    event.preventDefault();
  }
});
// Typing a reason clears the message from an earlier attempt.
document.addEventListener("input", (event) => {
  const veld = event.target;
  if (veld instanceof HTMLTextAreaElement && veld.dataset.verplicht) veld.setCustomValidity("");
});
// An empty required reason gets the same Dutch message as one of spaces only.
document.addEventListener(
  "invalid",
  (event) => {
    const veld = event.target;
    if (veld instanceof HTMLTextAreaElement && veld.dataset.verplicht && !veld.value.trim()) veld.setCustomValidity(veld.dataset.verplicht);
  },
  true,
);
