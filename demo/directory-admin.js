// The directory owner's admin page. The demo fetches its keys from the
// reference server's demo controls; a real admin page would get the key from
// its own back end. Either way it goes to configure(), never into the DOM.
const { keys } = await (await fetch("/demo-api/directory/ids")).json();
const buttons = [...document.querySelectorAll("[data-key]")];
function signIn(which) {
  window.ReviewWidgets.configure({ token: which ? keys[which] : null });
  for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.key === which));
}
for (const button of buttons) button.addEventListener("click", () => signIn(button.dataset.key));
