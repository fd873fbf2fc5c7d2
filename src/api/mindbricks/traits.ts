import type { BackendTraits } from "../../core/backend.js";

/** The stay marketplace's review service (seed 003): signed-in reviewers, one review per reservation, listings and people reviewed. */
export const traits: BackendTraits = { entries: false, anonymous: false, reservations: true, exports: false, refusal: "reject", schemaType: "LodgingBusiness" };
