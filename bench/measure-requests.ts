/**
 * Requests made by 50 <rating-summary> elements on one page, counted from
 * Playwright's request events (every request to /reviewsystem-api/), against
 * the reference API and its seed (30 listings, 8 hosts, 12 guests: 50 reviewees).
 *
 * The budget (1 request) is held on the usual page: elements in the markup,
 * the embed `defer`red as in the install snippet. Two variants are shown for
 * context: elements inserted by a script (as demo/search.js does), and a page
 * whose HTML arrives in 5 chunks 50 ms apart with a synchronous embed script.
 */
import { DEMO } from "../server/marketplace/seed.ts";
import type { Bench } from "./browser.ts";
import type { Row, Section } from "./report.ts";
import type { BenchServer } from "./server.ts";
import { sleep } from "./stats.ts";

const COUNT = 50;
const API = "/reviewsystem-api/";

function subjects(): { id: string; type: string }[] {
  const list = [
    ...DEMO.listings.grid.map((id) => ({ id, type: "listing" })),
    ...DEMO.users.otherHosts.map((id) => ({ id, type: "host" })),
    ...DEMO.users.otherGuests.map((id) => ({ id, type: "guest" })),
  ].slice(0, COUNT);
  if (list.length !== COUNT) throw new Error(`the seed has only ${list.length} reviewees for the request benchmark`);
  return list;
}

const card = ({ id, type }: { id: string; type: string }, i: number) =>
  `<li><h2>Stay ${i + 1}</h2><rating-summary reviewee-id="${id}" reviewee-type="${type}" min-count="3"></rating-summary></li>\n`;

function head(embed: "defer" | "sync", extra = ""): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: 50 summaries</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/bench/pages/bench.css">
<script src="/dist/review-widgets.js" data-api-base="/reviewsystem-api" data-locale="en"${embed === "defer" ? " defer" : ""}></script>${extra}
</head><body><main><ul>\n`;
}
const TAIL = "</ul></main></body></html>";

export async function measureRequests(bench: Bench, server: BenchServer): Promise<Section> {
  const all = subjects();
  server.addFile("summaries-static.html", head("defer") + all.map(card).join("") + TAIL);
  const insert = `<script type="module">
const subjects = ${JSON.stringify(all)};
const list = document.querySelector("ul");
subjects.forEach(({ id, type }, i) => {
  const item = document.createElement("li");
  const title = document.createElement("h2");
  title.textContent = "Stay " + (i + 1);
  const summary = document.createElement("rating-summary");
  summary.setAttribute("reviewee-id", id);
  summary.setAttribute("reviewee-type", type);
  summary.setAttribute("min-count", "3");
  item.append(title, summary);
  list.append(item);
});
</script>`;
  server.addFile("summaries-inserted.html", head("defer", insert) + TAIL);
  const chunks = [head("sync")];
  for (let i = 0; i < COUNT; i += 10)
    chunks.push(
      all
        .slice(i, i + 10)
        .map((s, j) => card(s, i + j))
        .join(""),
    );
  chunks.push(TAIL);
  server.addFile("summaries-streamed.html", chunks, 50);

  const count = async (file: string): Promise<{ requests: string[]; loads: number; errors: number }> => {
    const page = await bench.page({
      initScripts: [
        `window.__loads = 0; window.__errors = 0;
         addEventListener("review-load", () => window.__loads++, true);
         addEventListener("review-error", () => window.__errors++, true);`,
      ],
    });
    const requests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes(API)) requests.push(request.url());
    });
    await page.goto(`${bench.base}/bench/gen/${file}`);
    await page.waitForFunction(`window.__loads + window.__errors >= ${COUNT}`, undefined, { timeout: 20_000 });
    await sleep(300);
    const { loads, errors } = await page.evaluate<{ loads: number; errors: number }>("({ loads: window.__loads, errors: window.__errors })");
    await page.close();
    return { requests, loads, errors };
  };

  const rows: Row[] = [];
  const notes: string[] = [];
  const variants = [
    { file: "summaries-static.html", figure: "requests by 50 <rating-summary> (in the markup, embed deferred)", budget: true },
    { file: "summaries-inserted.html", figure: "… inserted by a script in one task", budget: false },
    { file: "summaries-streamed.html", figure: "… HTML streamed in 5 chunks, sync embed in <head>", budget: false },
  ];
  for (const variant of variants) {
    const { requests, loads, errors } = await count(variant.file);
    const ids = requests.map((url) => new URL(url).searchParams.getAll("revieweeId").length);
    rows.push({
      section: "requests",
      figure: variant.figure,
      ours: String(requests.length),
      reference: variant.budget ? "budget 1" : "—",
      result: `${loads} loaded${errors ? `, ${errors} errors` : ""}; ids per request ${ids.join(", ") || "—"}`,
      verdict: variant.budget ? (requests.length === 1 && loads === COUNT ? "pass" : "over") : "info",
      hard: variant.budget,
    });
    if (!variant.budget && requests.length > 1) {
      notes.push(
        `${variant.figure.replace("… ", "50 summaries, ")}: ${requests.length} requests (${ids.join(" + ")} reviewees). ` +
          `The store batches the lookups made before one setTimeout(0); elements that arrive in later tasks make their own batch.`,
      );
    }
  }
  return { rows, notes };
}
