// Memory benchmark: mount `count` elements, wait until every one has loaded and
// rendered, then remove them all. The page keeps no reference to them.
(() => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  // `round` gives every cycle new reviewees, so nothing is served from the store's cache.
  async function cycle(tag, count, reviewsEach, round) {
    const host = document.getElementById("host");
    let loaded = 0;
    let failed = 0;
    const done = new Promise((resolve) => {
      const settle = () => {
        if (loaded + failed === count) resolve();
      };
      host.addEventListener("review-load", () => (loaded++, settle()));
      host.addEventListener("review-error", () => (failed++, settle()));
    });
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < count; i++) {
      const element = document.createElement(tag);
      // Summaries: a different reviewee each (batched aggregate lookups). Lists: one shared reviewee.
      element.setAttribute("reviewee-id", tag === "rating-summary" ? `bench-agg-${round * count + i}` : `bench-${"0".repeat(round)}${reviewsEach}`);
      if (tag === "review-list") element.setAttribute("page-size", String(reviewsEach));
      fragment.append(element);
    }
    host.append(fragment);
    await done;
    await frame();
    const rendered = [...host.children].filter((el) => el.shadowRoot?.querySelector('[part~="review"], [part~="average"]')).length;
    // Remove them; a clone of the host (listeners included) is dropped too.
    const fresh = host.cloneNode(false);
    host.replaceWith(fresh);
    await frame();
    await frame();
    return { loaded, failed, rendered };
  }

  window.bench = { cycle };
})();
