// The main menu behind a button on narrow screens. Without this script the menu is simply shown
// (CSS hides the button until the header carries nal-header--js).
(() => {
  const header = document.querySelector(".nal-header");
  const knop = header && header.querySelector(".nal-menuknop");
  const menu = knop && document.getElementById(knop.getAttribute("aria-controls"));
  if (!menu) return;
  header.classList.add("nal-header--js");

  const zetOpen = (open) => knop.setAttribute("aria-expanded", open ? "true" : "false");
  knop.addEventListener("click", () => zetOpen(knop.getAttribute("aria-expanded") !== "true"));
  // Escape closes the menu and puts focus back on the button.
  header.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && knop.getAttribute("aria-expanded") === "true") {
      zetOpen(false);
      knop.focus();
    }
  });
})();
