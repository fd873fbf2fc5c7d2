/**
 * What the elements need to know about a backend, said once by each backend
 * (src/api/<kind>/traits.ts) and handed to them by the registry
 * (src/api/backends.ts): the elements never ask which backend it is.
 */
export interface BackendTraits {
  /** What is reviewed is named by `entry-id` within a `directory-id`; otherwise by `reviewee-id` and `reviewee-type`. */
  readonly entries: boolean;
  /** Submitters are anonymous: there is no own review to find, edit or withdraw, and a repeated POST is recognised by its idempotency key. */
  readonly anonymous: boolean;
  /** Each review is of a reservation: `reservation-id` is required to write one. */
  readonly reservations: boolean;
  /** What refusing a review is called, in the moderator's words. */
  readonly refusal: "decline" | "reject";
  /** The owner can download every review as a file (our directory API's `export/`). */
  readonly exports: boolean;
  /** The schema.org type of what is reviewed (people, hosts and guests, never get review markup). */
  readonly schemaType: string;
}
