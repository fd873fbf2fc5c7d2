import type { BackendTraits } from "../../core/backend.js";

/** The partner directory's review API (seed 000): anonymous submitters, entries of a directory, the owner declines. */
export const traits: BackendTraits = { entries: true, anonymous: true, reservations: false, exports: true, refusal: "decline", schemaType: "Organization" };
