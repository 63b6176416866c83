// The park page's section menu marks the section in view (aria-current), so a reader sees where they are.
(() => {
  const menu = document.querySelector("[data-sectiemenu]");
  if (!menu || !("IntersectionObserver" in window)) return;
  const links = new Map();
  for (const link of menu.querySelectorAll("a[href^='#']")) {
    const sectie = document.getElementById(link.hash.slice(1));
    if (sectie) links.set(sectie, link);
  }
  const zichtbaar = new Set();
  const markeren = () => {
    // The topmost section in view is the current one.
    const bovenste = [...links.keys()].find((sectie) => zichtbaar.has(sectie));
    for (const [sectie, link] of links) {
      if (sectie === bovenste) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    }
  };
  const waarnemer = new IntersectionObserver(
    (items) => {
      for (const item of items) {
        if (item.isIntersecting) zichtbaar.add(item.target);
        else zichtbaar.delete(item.target);
      }
      markeren();
    },
    { rootMargin: "0px 0px -60% 0px" },
  );
  for (const sectie of links.keys()) waarnemer.observe(sectie);
})();

// A table that scrolls in its own box (terreinpagina.css) can be reached and scrolled with the keyboard.
(() => {
  const tabellen = document.querySelectorAll(".nal-terreinpagina table");
  const bijwerken = () => {
    for (const tabel of tabellen) {
      if (tabel.scrollWidth > tabel.clientWidth + 1) tabel.setAttribute("tabindex", "0");
      else tabel.removeAttribute("tabindex");
    }
  };
  bijwerken();
  window.addEventListener("resize", bijwerken);
})();
