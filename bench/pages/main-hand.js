// The main-thread baseline: what a site would write by hand for the listing page's summary + list
// (bench/pages/main-embed.html). Same requests (the URLs <rating-summary> and <review-list> send),
// same checks (published, approved, active), same formatting (Intl, English), same visible DOM:
// average, stars, count; sort and filter controls; 10 review cards with stars, author, relative and
// exact date, text; "Showing 10 of N" and a "Show more" button. Plain createElement/textContent.
// window.__hand resolves when the DOM is built; window.__intlFirstMs is the first formatter's set-up.
(() => {
  const API = "/bench-api/v1";
  const ID = "bench-40";
  const SHOWN = 10;
  const SVG = "http://www.w3.org/2000/svg";
  const STAR_PATH = "M12 2.6l2.9 6 6.6.8-4.8 4.6 1.2 6.5L12 17.3l-5.9 3.2 1.2-6.5-4.8-4.6 6.6-.8z";
  const query = `revieweeId=${ID}&revieweeType=listing&pageNumber=1&pageRowCount=100`;
  const aggregate = fetch(`${API}/reviewaggregates?${query}`).then((r) => r.json());
  const reviews = fetch(`${API}/reviews?${query}`).then((r) => r.json());

  const el = (tag, attributes = {}, text) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const svgEl = (name, attributes) => {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  };
  // One SVG per row, outline stars plus a clipped filled copy: the shape <rating-summary> and <review-list> draw.
  function stars(rating, label) {
    const span = el("span", { class: "stars", role: "img", "aria-label": label });
    const outer = svgEl("svg", { class: "stars", "aria-hidden": "true", viewBox: "0 0 128 24" });
    const off = svgEl("g", { class: "empty" });
    const width = ((rating / 5) * 128).toFixed(1);
    const on = svgEl("svg", { class: "fill", height: "24", width, viewBox: `0 0 ${width} 24` });
    for (let i = 0; i < 5; i++) {
      off.append(svgEl("path", { d: STAR_PATH, transform: `translate(${i * 26})` }));
      on.append(svgEl("path", { d: STAR_PATH, transform: `translate(${i * 26})` }));
    }
    outer.append(off, on);
    span.append(outer);
    return span;
  }
  const authorName = (fullname) => {
    const [first = "", last] = (fullname ?? "").trim().split(/\s+/u);
    return last ? `${first} ${last[0].toUpperCase()}.` : first || "Guest";
  };

  window.__hand = (async () => {
    const [aggregateBody, reviewsBody] = await Promise.all([aggregate, reviews]);
    // The page's first Intl formatter pays the ICU set-up; timed on its own.
    const t0 = performance.now();
    const decimal = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const average = decimal.format(aggregateBody.reviewAggregates[0].averageRating);
    window.__intlFirstMs = performance.now() - t0;
    const plural = new Intl.PluralRules("en");
    const dates = new Intl.DateTimeFormat("en", { dateStyle: "long" });
    const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
    const ago = (time) => {
      const seconds = (time - Date.now()) / 1000;
      const abs = Math.abs(seconds);
      const [amount, unit] =
        abs < 86_400
          ? [seconds / 3600, "hour"]
          : abs < 7 * 86_400
            ? [seconds / 86_400, "day"]
            : abs < 30 * 86_400
              ? [seconds / (7 * 86_400), "week"]
              : abs < 365 * 86_400
                ? [seconds / (30 * 86_400), "month"]
                : [seconds / (365 * 86_400), "year"];
      return relative.format(Math.round(amount), unit);
    };

    // Summary: average, stars, count.
    const { averageRating, reviewCount } = aggregateBody.reviewAggregates[0];
    const line = el("div", { class: "line" });
    line.append(
      el("span", { "aria-hidden": "true" }, average),
      stars(averageRating, `Rated ${average} out of 5`),
      el("span", {}, `${reviewCount} ${plural.select(reviewCount) === "one" ? "review" : "reviews"}`),
    );
    document.getElementById("summary").append(line);

    // List: the same checks and order as <review-list>, the first 10 shown.
    const all = reviewsBody.reviews
      .filter((r) => r.isPublished === true && r.moderationStatus === "approved" && r.isActive !== false)
      .map((r) => ({ ...r, time: Date.parse(r.submittedAt) }))
      .sort((a, b) => b.time - a.time);
    const total = reviewsBody.paging.totalRowCount;
    const controls = el("div", { class: "controls" });
    const sortLabel = el("label", {}, "Sort by");
    const sort = el("select");
    for (const [value, text] of [
      ["newest", "Newest first"],
      ["oldest", "Oldest first"],
      ["highest", "Highest rated"],
      ["lowest", "Lowest rated"],
    ])
      sort.append(el("option", { value }, text));
    sortLabel.append(sort);
    const filterLabel = el("label", {}, "Show");
    const filter = el("select");
    filter.append(el("option", { value: "" }, "All ratings"));
    for (let n = 5; n >= 1; n--)
      filter.append(el("option", { value: String(n) }, `${n} ${n === 1 ? "star" : "stars"} (${all.filter((r) => r.rating === n).length})`));
    filterLabel.append(filter);
    controls.append(sortLabel, filterLabel);

    const list = el("ul", { class: "reviews" });
    for (const review of all.slice(0, SHOWN)) {
      const author = authorName(review.reviewer?.fullname);
      const article = el("article", { "aria-label": `Review by ${author}` });
      const header = el("header");
      const exact = dates.format(review.time);
      const when = el("time", { datetime: review.submittedAt, title: exact }, ago(review.time));
      when.append(el("span", { class: "sr-only" }, ` (${exact})`));
      header.append(stars(review.rating, `Rated ${review.rating} out of 5`), el("bdi", { class: "author", dir: "auto" }, author), when);
      article.append(header, el("p", { class: "body", dir: "auto" }, review.reviewText));
      const item = el("li");
      item.append(article);
      list.append(item);
    }
    const footer = el("div", { class: "footer" });
    footer.append(el("span", {}, `Showing ${Math.min(SHOWN, all.length)} of ${total} reviews`), el("button", { type: "button" }, "Show more reviews"));
    document.getElementById("reviews").append(controls, list, footer);
    return list.children.length;
  })();
})();
