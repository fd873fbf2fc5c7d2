// The partner directory's public page: a grid of partners (one <rating-summary>
// each, one proxy request for the whole grid) and a detail view with the list
// and the form. Everything goes through /directory-proxy; no key in the browser.
// The grid links to the server-rendered detail pages (/directory/{id},
// server/directory-pages.ts); #entry={id} is the client-rendered variant.
import BLURBS from "./partners.json" with { type: "json" };

const { entries } = await (await fetch("/demo-api/directory/ids")).json();
const initials = (title) =>
  title
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word))
    .slice(0, 2)
    .map((word) => word[0])
    .join("");

const grid = document.getElementById("partners");
entries.forEach((entry, index) => {
  const item = document.createElement("li");
  item.className = "partner";
  const logo = document.createElement("span");
  logo.className = "logo";
  logo.setAttribute("aria-hidden", "true");
  logo.textContent = initials(entry.title);
  const title = document.createElement("h2");
  const link = document.createElement("a");
  link.href = `/directory/${encodeURIComponent(entry.id)}`;
  link.textContent = entry.title;
  title.append(link);
  const blurb = document.createElement("p");
  blurb.textContent = BLURBS[index % BLURBS.length];
  const summary = document.createElement("rating-summary");
  summary.setAttribute("entry-id", entry.id);
  item.append(logo, title, blurb, summary);
  grid.append(item);
});

function route() {
  const id = new URLSearchParams(location.hash.slice(1)).get("entry");
  const entry = entries.find((candidate) => candidate.id === id);
  document.getElementById("grid-view").hidden = Boolean(entry);
  document.getElementById("detail-view").hidden = !entry;
  if (!entry) return;
  const index = entries.indexOf(entry);
  document.getElementById("partner-name").textContent = entry.title;
  document.getElementById("partner-logo").textContent = initials(entry.title);
  document.getElementById("partner-blurb").textContent = BLURBS[index % BLURBS.length];
  // Fresh widgets for the chosen partner (the previous ones abort their requests when removed).
  const widget = (tag, attributes) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries({ "entry-id": entry.id, ...attributes })) element.setAttribute(name, value);
    return element;
  };
  const head = document.createElement("div");
  head.className = "reviews-head";
  head.append(widget("rating-summary", { "show-distribution": "" }));
  document.getElementById("detail-reviews").replaceChildren(head, widget("review-list", { "page-size": "5" }));
  document.getElementById("detail-write").replaceChildren(widget("review-form", { "min-length": "20" }));
  document.getElementById("partner-name").focus({ preventScroll: true });
  scrollTo(0, 0);
}
document.getElementById("partner-name").tabIndex = -1;
addEventListener("hashchange", route);
route();

const counter = document.getElementById("counter");
let loaded = 0;
document.addEventListener("review-load", () => {
  if (++loaded !== entries.length) return;
  const requests = performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/directory-proxy/")).length;
  counter.textContent = `Review requests made by this page: ${requests}`;
});
