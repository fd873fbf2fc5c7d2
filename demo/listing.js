// The listing page's own script: a viewer switcher that signs in against the
// reference API and hands the token to the widgets with ReviewWidgets.configure,
// plus the demo-only controls (clock, moderation setting, reset).
// Tokens live only in memory; the chosen viewer is remembered for reloads.
import { DEMO, demoControls, signIn } from "./demo-api.js";
import { serverSelector } from "./servers.js";

const { configure, refresh } = window.ReviewWidgets;
serverSelector(document.getElementById("server"));
const form = document.getElementById("form");
const stayForm = document.getElementById("stay-form");
const stayAdmin = document.getElementById("stay-admin");
const staySignedOut = document.getElementById("stay-signed-out");
const prompt = document.getElementById("stay-prompt");
const radios = [...document.querySelectorAll('input[name="viewer"]')];
let token = null;

async function view(viewer) {
  token = viewer === "signed-out" ? null : await signIn(viewer);
  sessionStorage.setItem("demo-viewer", viewer);
  for (const radio of radios) radio.checked = radio.value === viewer;

  staySignedOut.hidden = viewer !== "signed-out";
  stayAdmin.hidden = viewer !== "admin";
  stayForm.hidden = viewer !== "guest" && viewer !== "host";
  if (viewer === "guest") {
    prompt.textContent = "Lena, you stayed here until two days ago. How was the loft?";
    form.setAttribute("reviewee-type", "listing");
    form.setAttribute("reviewee-id", DEMO.listing);
  } else if (viewer === "host") {
    prompt.textContent = "Kenji, Lena stayed at your loft until two days ago. How was she as a guest?";
    form.setAttribute("reviewee-type", "guest");
    form.setAttribute("reviewee-id", DEMO.guest);
  }
  configure({ token });
}

async function showClock() {
  const { now } = await demoControls.clock();
  document.getElementById("clock").textContent = `Demo date: ${new Date(now).toLocaleDateString("en", { dateStyle: "medium" })}`;
}

for (const radio of radios) radio.addEventListener("change", () => void view(radio.value));
for (const button of document.querySelectorAll(".guide [data-viewer]")) {
  button.addEventListener("click", () => void view(button.dataset.viewer));
}
document.getElementById("skip").addEventListener("click", async () => {
  await demoControls.advanceDays(14);
  await showClock();
  // Reviews published behind the widgets' back: read them again.
  refresh();
});
document.getElementById("reset").addEventListener("click", async () => {
  await demoControls.reset();
  location.reload();
});
const moderationRequired = document.getElementById("moderation-required");
// The guide's words follow the switch: with moderation on, released reviews wait for Amara.
const guideFollowsModeration = () => {
  for (const part of document.querySelectorAll(".guide [data-moderated]")) part.hidden = !moderationRequired.checked;
  for (const part of document.querySelectorAll(".guide [data-unmoderated]")) part.hidden = moderationRequired.checked;
};
moderationRequired.addEventListener("change", () => {
  guideFollowsModeration();
  void demoControls.setAutoApprove(!moderationRequired.checked);
});

moderationRequired.checked = !(await demoControls.settings()).autoApprove;
guideFollowsModeration();
await Promise.all([showClock(), view(sessionStorage.getItem("demo-viewer") ?? "signed-out")]);
