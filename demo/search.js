// A search-results page: 30 listing cards, each with its own <rating-summary>.
// The widgets batch their lookups, so the page makes one aggregate request;
// the counter below reads that from the browser's resource timing.
import { demoControls } from "./demo-api.js";
import { serverSelector } from "./servers.js";

serverSelector(document.getElementById("server"));

const { listings, listingTitles } = await demoControls.ids();
const PRICES = [142, 98, 176, 121, 89, 210, 134, 77, 156, 188];
const results = document.getElementById("results");

listings.grid.forEach((id, index) => {
  const item = document.createElement("li");
  item.className = "result";
  const photo = document.createElement("div");
  photo.className = `photo hue-${index % 8}`;
  const title = document.createElement("h2");
  const link = document.createElement("a");
  link.href = index === 0 ? "/" : "#";
  link.textContent = listingTitles[id];
  title.append(link);
  const summary = document.createElement("rating-summary");
  summary.setAttribute("reviewee-id", id);
  summary.setAttribute("reviewee-type", "listing");
  summary.setAttribute("min-count", "3");
  const price = document.createElement("p");
  price.textContent = `€${PRICES[index % PRICES.length]} night`;
  item.append(photo, title, summary, price);
  results.append(item);
});

const counter = document.getElementById("counter");
const count = () => performance.getEntriesByType("resource").filter((entry) => /\/reviewsystem-api\/v1\//.test(entry.name)).length;
let loaded = 0;
document.addEventListener("review-load", () => {
  if (++loaded === listings.grid.length) counter.textContent = `Review requests made by this page: ${count()}`;
});
