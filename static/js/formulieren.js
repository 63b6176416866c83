// Error summary (templates/nal/_foutsamenvatting.html): a link moves focus to its field and shows
// the field's label or legend, not just the input.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest(".nal-foutsamenvatting a[href^='#']");
  if (!link) return;
  const veld = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!veld) return;
  event.preventDefault();
  const kop = veld.closest("fieldset")?.querySelector("legend") || document.querySelector(`label[for="${CSS.escape(veld.id)}"]`);
  (kop || veld).scrollIntoView({ block: "start" });
  veld.focus({ preventScroll: true });
  history.replaceState(null, "", link.hash);
});

// A summary with autofocus gets focus on load; browsers that ignore autofocus on a div get it here.
document.addEventListener("DOMContentLoaded", () => {
  const samenvatting = document.querySelector(".nal-foutsamenvatting[autofocus]");
  if (samenvatting && document.activeElement === document.body) samenvatting.focus();
});
