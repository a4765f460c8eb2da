// On a phone the side panels open above the form (phone.css): opening one from further down the form brings the
// page back to its top, where the panel is, instead of seeming to do nothing.
document.addEventListener("click", (event) => {
  if (!event.target.closest("[data-side-panel-toggle]")) return;
  if (!window.matchMedia("(max-width: 49.9375em)").matches) return;
  const main = document.getElementById("main");
  if (main) main.scrollTo({ top: 0 });
});
