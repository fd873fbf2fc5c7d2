import type {} from "review-widgets/react";
import "review-widgets/define";
import { configure } from "review-widgets";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { API_BASE, LISTING } from "./api.ts";

configure({ apiBase: API_BASE });

function Reviews() {
  const [count, setCount] = useState<number | null>(null);
  return (
    <main data-loaded={count ?? undefined}>
      <rating-summary reviewee-id={LISTING} show-distribution onreview-load={(event) => setCount(event.detail.count)} />
      <review-list reviewee-id={LISTING} page-size={3} sort="newest" onreview-error={(event) => console.error(event.detail.error.status)} />
      {/* @ts-expect-error sort takes one of four values */}
      <review-list reviewee-id={LISTING} sort="best" hidden />
      <star-rating mode="input" onchange={(event) => console.log(event.currentTarget.value)} hidden />
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<Reviews />);
