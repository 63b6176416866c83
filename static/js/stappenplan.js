// Ask for confirmation before moving a park backwards (forms marked with data-bevestig).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.bevestig && !window.confirm(form.dataset.bevestig)) {
    event.preventDefault();
  }
});
