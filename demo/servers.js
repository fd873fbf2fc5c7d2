// The demo's server selector (seed 003: "the user should be able to select the
// target API server on the login page"): this reference server, or the review
// service's preview, staging and production deployments, by the preset names
// the widgets accept. The choice configures every element on the page and is
// kept across pages. Offline, the remote three answer nothing: the widgets show
// their network error, and choosing this server again recovers without a reload.
const KEY = "demo-server";
const REFERENCE = "/reviewsystem-api";
export const SERVERS = [
  [REFERENCE, "This reference server"],
  ["preview", "Preview"],
  ["staging", "Staging"],
  ["production", "Production"],
];

/** Fills `select` with the servers, applies the remembered one, and follows changes. */
export function serverSelector(select) {
  const { configure } = window.ReviewWidgets;
  // The page lists the options in its HTML, so the bar does not grow (and shift) when this runs.
  if (select.options.length === 0) for (const [value, label] of SERVERS) select.append(new Option(label, value));
  const apply = (value) => {
    const known = SERVERS.some(([server]) => server === value) ? value : REFERENCE;
    select.value = known;
    localStorage.setItem(KEY, known);
    configure({ apiBase: known });
  };
  select.addEventListener("change", () => apply(select.value));
  apply(localStorage.getItem(KEY) ?? REFERENCE);
}
