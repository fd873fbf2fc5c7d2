// The directory owner's admin page. The demo uses the documented demo keys
// (DESIGN.md §5; the server never lists keys); a real admin page would get
// its key from its own back end. Either way it goes to configure(), never
// into the DOM.
const keys = { admin: "demo-admin-key", readonly: "demo-readonly-key" };
const buttons = [...document.querySelectorAll("[data-key]")];
function signIn(which) {
  window.ReviewWidgets.configure({ token: which ? keys[which] : null });
  for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.key === which));
}
for (const button of buttons) button.addEventListener("click", () => signIn(button.dataset.key));
