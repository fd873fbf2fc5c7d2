// Peer benchmark: 500 read-only ratings of 3.5 stars, <star-rating> or Shoelace's <sl-rating>,
// each side on a fresh page with only its own bundle (/bench/gen/<side>.js) loaded.
// Timed from insertion until every element has rendered its stars (for sl-rating: until
// every <sl-icon> has its SVG), the next animation frame has come, and a forced layout is done.
(() => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const side = new URLSearchParams(location.search).get("side");

  function load() {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.type = "module";
      script.src = `/bench/gen/${side}.js`;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`could not load ${script.src}`));
      document.head.append(script);
    });
  }

  // sl-icon resolves its SVG asynchronously (a fetch of the system library's data: URL, cached per URL).
  async function iconsReady(ratings) {
    const icons = ratings.flatMap((rating) => [...rating.shadowRoot.querySelectorAll("sl-icon")]);
    let next = 0;
    while (next < icons.length) {
      if (icons[next].shadowRoot?.querySelector("svg")) next++;
      else await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return icons.length;
  }

  async function render(count) {
    const tag = side === "sl-rating" ? "sl-rating" : "star-rating";
    await customElements.whenDefined(tag);
    const host = document.getElementById("host");
    const t0 = performance.now();
    const ratings = [];
    for (let i = 0; i < count; i++) {
      const rating = document.createElement(tag);
      rating.setAttribute("value", "3.5");
      if (tag === "sl-rating") {
        rating.setAttribute("readonly", "");
        rating.setAttribute("precision", "0.5");
        rating.setAttribute("label", "Rating");
      }
      ratings.push(rating);
    }
    host.append(...ratings);
    await Promise.all(ratings.map((rating) => rating.updateComplete));
    if (tag === "sl-rating") await iconsReady(ratings);
    await frame();
    void host.offsetHeight;
    const ms = performance.now() - t0;
    const stars = ratings.reduce((sum, r) => sum + (r.shadowRoot?.querySelectorAll("path, sl-icon").length ?? 0), 0);
    return { ms, stars };
  }

  window.bench = { load, render };
})();
