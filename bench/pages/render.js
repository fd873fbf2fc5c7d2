// Render benchmark. Cold samples run on a freshly loaded page; warm ones render a second list on the same page.
// Both sides are timed from the moment work starts (element inserted / fetch started)
// until their DOM is built, the next animation frame has come, and a forced layout is done.
(() => {
  const API = "/bench-api/v1/reviews";
  const PAGE_ROWS = 100; // what <review-list> asks for per request (src/core/store.ts)
  const host = () => document.getElementById("host");
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const finish = async (t0) => {
    await frame();
    void host().offsetHeight; // style + layout of everything inserted
    return performance.now() - t0;
  };

  // `id` picks another reviewee with the same n reviews (bench-0100 is bench-100 under another id):
  // the "warm" samples render a second list on the same page, past the store's cache.
  async function ours(n, id = `bench-${n}`) {
    const list = document.createElement("review-list");
    list.setAttribute("reviewee-id", id);
    list.setAttribute("page-size", "1000");
    const loaded = new Promise((resolve, reject) => {
      list.addEventListener("review-load", (event) => resolve(event.detail.count), { once: true });
      list.addEventListener("review-error", (event) => reject(new Error(String(event.detail.error?.message))), { once: true });
    });
    const t0 = performance.now();
    host().append(list);
    const count = await loaded;
    const loadMs = performance.now() - t0;
    const ms = await finish(t0);
    const rendered = list.shadowRoot.querySelectorAll('[part~="review"]').length;
    return { ms, loadMs, count, rendered };
  }

  // --- the hand-written baseline: same requests, same filtering/sorting, createElement + textContent ---
  const SVG = "http://www.w3.org/2000/svg";
  const STAR_PATH = "M12 2.6l2.9 6 6.6.8-4.8 4.6 1.2 6.5L12 17.3l-5.9 3.2 1.2-6.5-4.8-4.6 6.6-.8z";
  const EXCERPT = 480;

  function svgEl(name, attributes) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  }

  function star(fill) {
    const width = (fill * 24).toFixed(2);
    const outer = svgEl("svg", { viewBox: "0 0 24 24", "aria-hidden": "true" });
    const empty = svgEl("g", { class: "empty" });
    empty.append(svgEl("path", { d: STAR_PATH }));
    const clip = svgEl("svg", { class: "fill", width, height: "24", viewBox: `0 0 ${width} 24` });
    clip.append(svgEl("path", { d: STAR_PATH }));
    outer.append(empty, clip);
    return outer;
  }

  function authorName(fullname) {
    const [first = "", last] = (fullname ?? "").trim().split(/\s+/u);
    return last ? `${first} ${last[0].toUpperCase()}.` : first || "Guest";
  }

  async function baseline(n, id = `bench-${n}`) {
    const t0 = performance.now();
    const url = (page) => `${API}?revieweeId=${id}&revieweeType=listing&pageNumber=${page}&pageRowCount=${PAGE_ROWS}`;
    const first = await (await fetch(url(1))).json();
    const more = Math.min(first.paging.pageCount, 10);
    const rest = await Promise.all(Array.from({ length: Math.max(0, more - 1) }, (_, i) => fetch(url(i + 2)).then((r) => r.json())));
    const reviews = [first, ...rest]
      .flatMap((envelope) => envelope.reviews)
      .filter((r) => r.isPublished === true && r.moderationStatus === "approved" && r.isActive !== false)
      .map((r) => ({ ...r, time: Date.parse(r.submittedAt) }))
      .sort((a, b) => b.time - a.time);
    const loadMs = performance.now() - t0;
    const dates = new Intl.DateTimeFormat("en", { dateStyle: "long" });

    const root = document.createElement("div");
    root.className = "baseline";
    const list = document.createElement("ul");
    list.className = "reviews";
    for (const review of reviews) {
      const item = document.createElement("li");
      const article = document.createElement("article");
      const author = authorName(review.reviewer?.fullname);
      article.setAttribute("aria-label", `Review by ${author}`);
      const header = document.createElement("header");
      const stars = document.createElement("span");
      stars.className = "stars";
      stars.setAttribute("role", "img");
      stars.setAttribute("aria-label", `Rated ${review.rating} out of 5`);
      for (let i = 0; i < 5; i++) stars.append(star(Math.min(1, Math.max(0, review.rating - i))));
      const who = document.createElement("bdi");
      who.className = "author";
      who.textContent = author;
      const when = document.createElement("time");
      when.dateTime = review.submittedAt;
      when.textContent = dates.format(review.time);
      header.append(stars, who, when);
      const body = document.createElement("p");
      body.className = "body";
      const long = review.reviewText.length > EXCERPT;
      body.textContent = long ? `${review.reviewText.slice(0, review.reviewText.lastIndexOf(" ", EXCERPT))}…` : review.reviewText;
      article.append(header, body);
      if (long) {
        const more = document.createElement("button");
        more.type = "button";
        more.className = "read-more";
        more.textContent = "Read more";
        article.append(more);
      }
      item.append(article);
      list.append(item);
    }
    root.append(list);
    host().append(root);
    const ms = await finish(t0);
    return { ms, loadMs, count: reviews.length, rendered: list.children.length };
  }

  /** Warm samples: a first list (not timed) is rendered and removed, then the timed one uses another reviewee id. */
  async function warmUp(side, n) {
    await (side === "ours" ? ours : baseline)(n);
    host().replaceChildren();
    // Pay for the removal (style, layout) and let the page go quiet before the timed list.
    void host().offsetHeight;
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  window.bench = { ours, baseline, warmUp };
})();
