/**
 * The deterministic demo world. `SEED_PLAN` is computed once, at module load,
 * from a fixed PRNG seed: the same ids, names, texts and ratings on every
 * start. Dates are stored as offsets before "now" and become real dates when a
 * world is created (`materializeSeed(clock now)`).
 */
import { DAY_MS } from "../clock.ts";
import { mulberry32, uuidFrom } from "../shared/random.ts";
import { formatBlindSubmissionCode, makeId } from "./ids.ts";
import type { Listing, ModerationStatus, Reservation, ReviewRecord, RevieweeType, Role, User } from "./model.ts";
import {
  DEMO_ADMIN_NAME,
  DEMO_GUEST_NAME,
  DEMO_HOST_NAME,
  GUEST_NAMES,
  GUEST_REVIEW_TEXTS,
  HOST_NAMES,
  HOST_REVIEW_TEXTS,
  LISTING_CLOSERS,
  LISTING_DETAILS_BAD,
  LISTING_DETAILS_GOOD,
  LISTING_OPENERS,
  LISTING_TITLES,
  MAIN_HIDDEN_REVIEWS,
  MAIN_PUBLIC_REVIEWS,
} from "./seed-texts.ts";

export const DEMO_PASSWORD = "demo";
/** Days after the first submission on a reservation until its reviews publish. */
export const REVIEW_WINDOW_DAYS = 14;

const HOUR_MS = 60 * 60 * 1000;
const PRNG_SEED = 0x5eed_0003;
/** Review ids come from their own stream, so they do not shift the rest of the seed. */
const REVIEW_ID_SEED = 0x5eed_1d03;

/** The named ids of the seed, for demo pages and tests. */
export interface DemoIds {
  password: string;
  reviewWindowDays: number;
  logins: { guest: string; host: string; admin: string };
  users: {
    guest: string;
    host: string;
    admin: string;
    otherGuests: readonly string[];
    otherHosts: readonly string[];
  };
  listings: {
    /** The demo listing page: hosted by host@demo.test, 24 public reviews. */
    main: string;
    /** 30 listings of the search-results page, `main` first. */
    grid: readonly string[];
    /** Listings with 1–2 public reviews (their aggregate is hidden). */
    fewReviews: readonly string[];
    /** Listings nobody reviewed (no aggregate). */
    noReviews: readonly string[];
  };
  reservations: {
    /** guest@demo.test at `main`, checked out 2 days ago, nobody reviewed yet. */
    story: string;
    /** guest@demo.test at `main`, starts in 10 days. */
    upcoming: string;
    /** Earlier completed stays of guest@demo.test, reviewed both ways and public. */
    past: readonly string[];
  };
  /** Reviews of `main` that must never be shown publicly, by state. */
  hiddenReviews: {
    pendingPublished: readonly string[];
    approvedUnpublished: readonly string[];
    rejected: readonly string[];
    deleted: readonly string[];
    pendingUnpublished: readonly string[];
  };
  listingTitles: Readonly<Record<string, string>>;
  userNames: Readonly<Record<string, string>>;
  /** Sign-in name of every seeded user (all use the password `demo`). */
  userEmails: Readonly<Record<string, string>>;
}

interface SeedReservation {
  id: string;
  listingId: string;
  guestId: string;
  hostId: string;
  checkInAgoMs: number;
  checkOutAgoMs: number;
}

interface SeedReview {
  id: string;
  reservationId: string;
  reviewerId: string;
  revieweeId: string;
  revieweeType: RevieweeType;
  rating: number;
  reviewText: string;
  blindSubmissionCode: string;
  moderationStatus: ModerationStatus;
  isPublished: boolean;
  isActive: boolean;
  submittedAgoMs: number;
}

interface SeedPlan {
  users: readonly User[];
  listings: readonly Listing[];
  reservations: readonly SeedReservation[];
  reviews: readonly SeedReview[];
  demo: DemoIds;
}

class SeedRandom {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.#next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  hex16(): string {
    let out = "";
    for (let i = 0; i < 4; i++) out += this.int(0, 0xffff).toString(16).padStart(4, "0");
    return out;
  }
}

function emailOf(fullname: string): string {
  const ascii = fullname.normalize("NFD").replace(/\p{M}/gu, "").replace(/ı/g, "i").replace(/'/g, "").toLowerCase();
  return `${ascii.split(/\s+/).join(".")}@demo.test`;
}

function textsFor(pool: Readonly<Record<number, readonly string[]>>, rating: number): readonly string[] {
  const texts = pool[rating];
  if (!texts || texts.length === 0) throw new Error(`no seed texts for rating ${rating}`);
  return texts;
}

function clampRating(value: number): number {
  return Math.min(5, Math.max(1, Math.round(value)));
}

function buildSeedPlan(): SeedPlan {
  const random = new SeedRandom(PRNG_SEED);
  const nextReviewId = mulberry32(REVIEW_ID_SEED);
  const users: User[] = [];
  const listings: Listing[] = [];
  const reservations: SeedReservation[] = [];
  const reviews: SeedReview[] = [];

  const addUser = (fullname: string, role: Role, email = emailOf(fullname)): User => {
    const user: User = { id: makeId("user", users.length + 1), email, fullname, password: DEMO_PASSWORD, role };
    users.push(user);
    return user;
  };
  const demoGuest = addUser(DEMO_GUEST_NAME, "guest", "guest@demo.test");
  const demoHost = addUser(DEMO_HOST_NAME, "host", "host@demo.test");
  const admin = addUser(DEMO_ADMIN_NAME, "admin", "admin@demo.test");
  const otherGuests = GUEST_NAMES.map((name) => addUser(name, "guest"));
  const otherHosts = HOST_NAMES.map((name) => addUser(name, "host"));

  // Hosts take turns over the grid; host@demo.test owns listing 0 (main), 9, 18, 27.
  const hostCycle = [demoHost, ...otherHosts];
  LISTING_TITLES.forEach((title, index) => {
    const host = hostCycle[index % hostCycle.length];
    if (!host) throw new Error("host cycle is empty");
    listings.push({ id: makeId("listing", index + 1), title, hostId: host.id });
  });
  const listingAt = (index: number): Listing => {
    const listing = listings[index];
    if (!listing) throw new Error(`no listing ${index}`);
    return listing;
  };

  const addReservation = (listing: Listing, guestId: string, checkOutDaysAgo: number, nights: number) => {
    const reservation: SeedReservation = {
      id: makeId("reservation", reservations.length + 1),
      listingId: listing.id,
      guestId,
      hostId: listing.hostId,
      checkInAgoMs: (checkOutDaysAgo + nights) * DAY_MS,
      checkOutAgoMs: checkOutDaysAgo * DAY_MS,
    };
    reservations.push(reservation);
    return reservation;
  };

  interface ReviewState {
    moderationStatus: ModerationStatus;
    isPublished: boolean;
    isActive: boolean;
  }
  const PUBLIC: ReviewState = { moderationStatus: "approved", isPublished: true, isActive: true };

  const addReview = (
    reservation: SeedReservation,
    side: "guest" | "host",
    revieweeType: RevieweeType,
    rating: number,
    reviewText: string,
    submittedDaysAgo: number,
    state: ReviewState,
  ) => {
    const revieweeId = revieweeType === "listing" ? reservation.listingId : revieweeType === "host" ? reservation.hostId : reservation.guestId;
    const review: SeedReview = {
      // Stable across starts, but not counting up: an id says nothing about its neighbours.
      id: uuidFrom(nextReviewId),
      reservationId: reservation.id,
      reviewerId: side === "guest" ? reservation.guestId : reservation.hostId,
      revieweeId,
      revieweeType,
      rating,
      reviewText,
      blindSubmissionCode: formatBlindSubmissionCode(random.hex16()),
      ...state,
      // A few hours of jitter so reviews of one day do not share a timestamp.
      submittedAgoMs: submittedDaysAgo * DAY_MS - random.int(0, 20) * HOUR_MS - random.int(0, 59) * 60_000,
    };
    reviews.push(review);
    return review;
  };

  const hostReviewOfGuest = (reservation: SeedReservation, submittedDaysAgo: number, state: ReviewState) => {
    const rating = random.pick([5, 5, 5, 5, 4, 4, 4, 3, 5, 2]);
    addReview(reservation, "host", "guest", rating, random.pick(textsFor(GUEST_REVIEW_TEXTS, rating)), submittedDaysAgo, state);
  };
  const guestReviewOfHost = (reservation: SeedReservation, listingRating: number, submittedDaysAgo: number) => {
    const rating = clampRating(listingRating + random.pick([0, 0, 1, 1, -1]));
    addReview(reservation, "guest", "host", rating, random.pick(textsFor(HOST_REVIEW_TEXTS, rating)), submittedDaysAgo, PUBLIC);
  };

  // --- The main listing: 24 public reviews, each from its own past stay. ---
  const main = listingAt(0);
  for (const entry of MAIN_PUBLIC_REVIEWS) {
    const guest = random.pick(otherGuests);
    const reservation = addReservation(main, guest.id, entry.daysAgo + random.int(0, 3), random.int(2, 7));
    addReview(reservation, "guest", "listing", entry.rating, entry.text, entry.daysAgo, PUBLIC);
    if (random.chance(0.65)) guestReviewOfHost(reservation, entry.rating, entry.daysAgo);
    if (random.chance(0.75)) hostReviewOfGuest(reservation, Math.max(1, entry.daysAgo - random.int(0, 4)), PUBLIC);
  }

  // --- Reviews of the main listing in each non-public state. ---
  const hidden = {
    pendingPublished: [] as string[],
    approvedUnpublished: [] as string[],
    rejected: [] as string[],
    deleted: [] as string[],
    pendingUnpublished: [] as string[],
  } satisfies Record<keyof DemoIds["hiddenReviews"], string[]>;
  // Published because both sides reviewed; the moderator has not decided yet.
  for (const entry of MAIN_HIDDEN_REVIEWS.pendingPublished) {
    const reservation = addReservation(main, random.pick(otherGuests).id, entry.daysAgo + 1, random.int(2, 5));
    const review = addReview(reservation, "guest", "listing", entry.rating, entry.text, entry.daysAgo, {
      moderationStatus: "pending",
      isPublished: true,
      isActive: true,
    });
    hidden.pendingPublished.push(review.id);
    hostReviewOfGuest(reservation, entry.daysAgo - 1, PUBLIC);
  }
  // The other hidden states, one guest review each: approved but the window still open, rejected,
  // deleted, pending and unpublished. [which, days before the review the stay ended, state]
  const states: [Exclude<keyof typeof hidden, "pendingPublished">, number, Pick<ReviewRecord, "moderationStatus" | "isPublished" | "isActive">][] = [
    ["approvedUnpublished", 1, { moderationStatus: "approved", isPublished: false, isActive: true }],
    ["rejected", 2, { moderationStatus: "rejected", isPublished: true, isActive: true }],
    ["deleted", 2, { moderationStatus: "approved", isPublished: true, isActive: false }],
    ["pendingUnpublished", 1, { moderationStatus: "pending", isPublished: false, isActive: true }],
  ];
  for (const [which, endedBefore, state] of states) {
    for (const entry of MAIN_HIDDEN_REVIEWS[which]) {
      const reservation = addReservation(main, random.pick(otherGuests).id, entry.daysAgo + endedBefore, random.int(2, 5));
      hidden[which].push(addReview(reservation, "guest", "listing", entry.rating, entry.text, entry.daysAgo, state).id);
    }
  }

  // --- guest@demo.test: two earlier stays (reviewed both ways), the story stay, an upcoming stay. ---
  const past: string[] = [];
  for (const [index, daysAgo] of [
    [4, 95],
    [11, 300],
  ] as const) {
    const listing = listingAt(index);
    const reservation = addReservation(listing, demoGuest.id, daysAgo + 1, 4);
    past.push(reservation.id);
    const rating = random.pick([4, 5]);
    addReview(reservation, "guest", "listing", rating, composeListingReview(random, rating), daysAgo, PUBLIC);
    guestReviewOfHost(reservation, rating, daysAgo);
    hostReviewOfGuest(reservation, daysAgo - 1, PUBLIC);
  }
  const story = addReservation(main, demoGuest.id, 2, 4);
  const upcoming: SeedReservation = {
    id: makeId("reservation", reservations.length + 1),
    listingId: main.id,
    guestId: demoGuest.id,
    hostId: main.hostId,
    checkInAgoMs: -10 * DAY_MS,
    checkOutAgoMs: -14 * DAY_MS,
  };
  reservations.push(upcoming);

  // --- The rest of the grid. ---
  const FEW_REVIEWS = [24, 25, 26, 27];
  const NO_REVIEWS = [28, 29];
  for (let index = 1; index < listings.length; index++) {
    if (NO_REVIEWS.includes(index)) continue;
    const listing = listingAt(index);
    const quality = 3.0 + random.int(0, 19) / 10; // 3.0 … 4.9
    const count = FEW_REVIEWS.includes(index) ? (index % 2) + 1 : random.int(3, 9);
    for (let n = 0; n < count; n++) {
      const daysAgo = random.int(15, 700);
      const rating = clampRating(quality + random.pick([-2, -1, 0, 0, 0, 1, 1]) * 0.6);
      const reservation = addReservation(listing, random.pick(otherGuests).id, daysAgo + random.int(0, 3), random.int(1, 8));
      addReview(reservation, "guest", "listing", rating, composeListingReview(random, rating), daysAgo, PUBLIC);
      if (random.chance(0.6)) guestReviewOfHost(reservation, rating, daysAgo);
      if (random.chance(0.7)) hostReviewOfGuest(reservation, Math.max(1, daysAgo - random.int(0, 5)), PUBLIC);
    }
  }

  const demo: DemoIds = {
    password: DEMO_PASSWORD,
    reviewWindowDays: REVIEW_WINDOW_DAYS,
    logins: { guest: demoGuest.email, host: demoHost.email, admin: admin.email },
    users: {
      guest: demoGuest.id,
      host: demoHost.id,
      admin: admin.id,
      otherGuests: otherGuests.map((u) => u.id),
      otherHosts: otherHosts.map((u) => u.id),
    },
    listings: {
      main: main.id,
      grid: listings.map((l) => l.id),
      fewReviews: FEW_REVIEWS.map((i) => listingAt(i).id),
      noReviews: NO_REVIEWS.map((i) => listingAt(i).id),
    },
    reservations: { story: story.id, upcoming: upcoming.id, past },
    hiddenReviews: hidden,
    listingTitles: Object.fromEntries(listings.map((l) => [l.id, l.title])),
    userNames: Object.fromEntries(users.map((u) => [u.id, u.fullname])),
    userEmails: Object.fromEntries(users.map((u) => [u.id, u.email])),
  };
  return { users, listings, reservations, reviews, demo };
}

function composeListingReview(random: SeedRandom, rating: number): string {
  const parts = [random.pick(textsFor(LISTING_OPENERS, rating))];
  if (rating >= 4) {
    parts.push(random.pick(LISTING_DETAILS_GOOD));
    if (random.chance(0.5)) parts.push(random.pick(LISTING_DETAILS_GOOD));
    if (rating === 4 && random.chance(0.4)) parts.push(random.pick(LISTING_DETAILS_BAD));
  } else if (rating === 3) {
    parts.push(random.pick(LISTING_DETAILS_GOOD), random.pick(LISTING_DETAILS_BAD));
  } else {
    parts.push(random.pick(LISTING_DETAILS_BAD));
    if (random.chance(0.6)) parts.push(random.pick(LISTING_DETAILS_BAD));
  }
  parts.push(random.pick(textsFor(LISTING_CLOSERS, rating)));
  return [...new Set(parts)].join(" ");
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const SEED_PLAN = buildSeedPlan();

/** The named ids of the seed (identical in every world). */
export const DEMO: DemoIds = deepFreeze(SEED_PLAN.demo);
/** Listing id → title, for demo pages. */
export const listingTitles: Readonly<Record<string, string>> = DEMO.listingTitles;

/** One world's copy of the seed, dated relative to `nowMs`. */
export interface SeedWorld {
  users: User[];
  listings: Listing[];
  reservations: Reservation[];
  reviews: ReviewRecord[];
}

export function materializeSeed(nowMs: number): SeedWorld {
  const reviews = SEED_PLAN.reviews.map((seed): ReviewRecord => {
    const submittedAt = nowMs - seed.submittedAgoMs;
    // One recorded change per moderation decision, publication and deletion,
    // each about a day apart (never in the future).
    const changes = (seed.moderationStatus === "pending" ? 0 : 1) + (seed.isPublished ? 1 : 0) + (seed.isActive ? 0 : 1);
    return {
      id: seed.id,
      moderationStatus: seed.moderationStatus,
      isPublished: seed.isPublished,
      reviewText: seed.reviewText,
      rating: seed.rating,
      blindSubmissionCode: seed.blindSubmissionCode,
      revieweeId: seed.revieweeId,
      reservationId: seed.reservationId,
      reviewerId: seed.reviewerId,
      revieweeType: seed.revieweeType,
      submittedAt,
      isActive: seed.isActive,
      recordVersion: changes,
      createdAt: submittedAt,
      updatedAt: Math.min(nowMs, submittedAt + changes * DAY_MS),
      owner: seed.reviewerId,
      blindReleased: seed.isPublished,
    };
  });
  return {
    users: SEED_PLAN.users.map((u) => ({ ...u })),
    listings: SEED_PLAN.listings.map((l) => ({ ...l })),
    reservations: SEED_PLAN.reservations.map((r) => ({
      id: r.id,
      listingId: r.listingId,
      guestId: r.guestId,
      hostId: r.hostId,
      checkIn: nowMs - r.checkInAgoMs,
      checkOut: nowMs - r.checkOutAgoMs,
    })),
    reviews,
  };
}
