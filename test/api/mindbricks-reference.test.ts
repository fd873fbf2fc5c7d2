import { expect } from "@open-wc/testing";
import { HttpClient } from "../../src/api/http.js";
import { MindbricksModeration } from "../../src/api/mindbricks/moderation.js";
import type { ReviewDraft } from "../../src/core/model.js";
import { rejection } from "../support/browser/api-error.js";
import { sandbox, type MarketplaceIds, type Sandbox } from "../support/browser/backend.js";

/** The seed's named ids, with the lists these tests use (server/marketplace/seed.ts DEMO). */
type Ids = MarketplaceIds & {
  listings: { fewReviews: string[]; noReviews: string[] };
  hiddenReviews: Record<"pendingPublished" | "approvedUnpublished" | "rejected" | "deleted" | "pendingUnpublished", string[]>;
};

const DAY_MS = 86_400_000;

interface World {
  box: Sandbox;
  ids: Ids;
  source: MindbricksModeration;
  /** Every URL the source asked for, in order. */
  requests: string[];
}

async function world(): Promise<World> {
  const box = await sandbox();
  const ids = (await box.ids()) as Ids;
  const requests: string[] = [];
  const http = new HttpClient({
    maxRetries: 0,
    fetch: (input, init) => {
      requests.push(String(input));
      return fetch(input, init);
    },
  });
  return { box, ids, source: new MindbricksModeration(box.marketplace, http), requests };
}

const token = async (box: Sandbox, who: "guest" | "host" | "admin") => (await box.login(`${who}@demo.test`)).accessToken;

function storyDraft(ids: Ids, overrides: Partial<ReviewDraft> = {}): ReviewDraft {
  return {
    rating: 4,
    text: "Bright loft with a terrace; the stairs are steep but worth it.",
    revieweeId: ids.listings.main,
    revieweeType: "listing",
    reservationId: ids.reservations.story,
    ...overrides,
  };
}

/** Every public review of a reviewee, straight from the server (no widget code involved). */
async function serverReviewIds(box: Sandbox, revieweeId: string): Promise<string[]> {
  const response = await fetch(`${box.marketplace}/v1/reviews?revieweeId=${revieweeId}&revieweeType=listing&pageRowCount=100`);
  const body = (await response.json()) as { reviews: { id: string }[] };
  return body.reviews.map((review) => review.id);
}

describe("MindbricksSource against the reference server", () => {
  it("lists only public reviews for an anonymous viewer", async () => {
    const { ids, source } = await world();
    const page = await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", pageSize: 100 });
    expect(page.items).to.have.length(24);
    expect(page.total).to.equal(24);
    expect(page.viewerId).to.equal(null);
    expect(page.items.every((review) => review.visibility === "public")).to.equal(true);
    const hidden = Object.values(ids.hiddenReviews).flat();
    expect(hidden.length).to.be.greaterThan(0);
    expect(page.items.filter((review) => hidden.includes(review.id))).to.deep.equal([]);
    // Newest first, as the server orders them; author labels are trimmed to an initial.
    const times = page.items.map((review) => review.submittedAt.getTime());
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    expect(page.items.every((review) => /^\S+( \S\.)?$/u.test(review.authorName))).to.equal(true);
  });

  it("pages with pageNumber and pageRowCount", async () => {
    const { ids, source } = await world();
    const first = await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", page: 1, pageSize: 10 });
    const third = await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", page: 3, pageSize: 10 });
    expect([first.items.length, third.items.length]).to.deep.equal([10, 4]);
    expect([first.pageCount, third.page, third.total]).to.deep.equal([3, 3, 24]);
    expect(first.items.map((r) => r.id)).to.not.include.members(third.items.map((r) => r.id));
  });

  it("creates the guest's review of the stay as their own pending double-blind review, shown only to them", async () => {
    const { box, ids, source } = await world();
    const guest = await token(box, "guest");
    const created = await source.createReview(storyDraft(ids), { token: guest });
    expect(created.visibility).to.equal("pending");
    expect(created.pendingReason).to.equal("double-blind");
    expect(created.reviewerId).to.equal(ids.users.guest);
    expect(created.pendingUntil!.getTime() - created.submittedAt.getTime()).to.equal(14 * DAY_MS);

    const own = await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", pageSize: 100 }, { token: guest });
    expect(own.viewerId).to.equal(ids.users.guest);
    const mine = own.items.filter((review) => review.visibility === "pending");
    expect(mine.map((review) => review.id)).to.deep.equal([created.id]);
    expect(mine[0]!.pendingReason).to.equal("double-blind");
    expect(mine[0]!.pendingUntil!.toISOString()).to.equal(created.pendingUntil!.toISOString());

    const anonymous = await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", pageSize: 100 });
    expect(anonymous.items.map((review) => review.id)).to.not.include(created.id);
    const host = await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", pageSize: 100 }, { token: await token(box, "host") });
    expect(host.items.map((review) => review.id)).to.not.include(created.id);
  });

  it("gets a public review, and null for a hidden one — even for the moderator", async () => {
    const { box, ids, source } = await world();
    const [publicId] = await serverReviewIds(box, ids.listings.main);
    const review = await source.getReview(publicId!);
    expect(review?.id).to.equal(publicId);
    expect(review?.visibility).to.equal("public");
    const admin = await token(box, "admin");
    for (const hiddenId of [ids.hiddenReviews.pendingPublished[0]!, ids.hiddenReviews.rejected[0]!, ids.hiddenReviews.deleted[0]!]) {
      expect(await source.getReview(hiddenId), hiddenId).to.equal(null);
      expect(await source.getReview(hiddenId, { token: admin }), `${hiddenId} as admin`).to.equal(null);
    }
  });

  it("finds the viewer's own review of a stay, updates its text and deletes it", async () => {
    const { box, ids, source } = await world();
    const guest = await token(box, "guest");
    expect(await source.findOwnReview(storyDraft(ids), { token: guest })).to.deep.equal({ review: null, viewerId: ids.users.guest });
    const created = await source.createReview(storyDraft(ids), { token: guest });

    const found = await source.findOwnReview(storyDraft(ids), { token: guest });
    expect(found.review?.id).to.equal(created.id);
    expect(found.viewerId).to.equal(ids.users.guest);
    // Someone else on the same stay has no review of it.
    expect((await source.findOwnReview(storyDraft(ids), { token: await token(box, "host") })).review).to.equal(null);

    const updated = await source.updateReview(created.id, { text: "Edited: the terrace is the best part of the loft." }, { token: guest });
    expect(updated?.text).to.equal("Edited: the terrace is the best part of the loft.");
    expect(updated?.visibility).to.equal("pending");
    expect((await source.getReview(created.id, { token: guest }))?.text).to.equal("Edited: the terrace is the best part of the loft.");

    await source.deleteReview(created.id, { token: guest });
    expect(await source.getReview(created.id, { token: guest })).to.equal(null);
    expect((await source.findOwnReview(storyDraft(ids), { token: guest })).review).to.equal(null);
  });

  it("reads many aggregates in one request; a hidden aggregate carries no numbers", async () => {
    const { ids, source, requests } = await world();
    const [few] = ids.listings.fewReviews;
    const [none] = ids.listings.noReviews;
    const aggregates = await source.listAggregates([
      { revieweeId: ids.listings.main, revieweeType: "listing" },
      { revieweeId: few!, revieweeType: "listing" },
      { revieweeId: none!, revieweeType: "listing" },
      { revieweeId: ids.listings.grid[1]!, revieweeType: "listing" },
    ]);
    expect(requests).to.have.length(1);
    expect(new URL(requests[0]!, location.origin).searchParams.getAll("revieweeId")).to.have.length(4);

    const main = aggregates.find((a) => a.revieweeId === ids.listings.main);
    expect(main?.visible).to.equal(true);
    if (!main?.visible) throw new Error("unreachable");
    expect(main.count).to.equal(24);
    const publicReviews = await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", pageSize: 100 });
    const mean = publicReviews.items.reduce((sum, r) => sum + r.rating, 0) / 24;
    expect(main.average).to.equal(Math.round(mean * 100) / 100);

    expect(aggregates.find((a) => a.revieweeId === few)).to.deep.equal({ revieweeId: few, revieweeType: "listing", visible: false });
    expect(aggregates.find((a) => a.revieweeId === none)).to.equal(undefined);
    expect(aggregates.find((a) => a.revieweeId === ids.listings.grid[1])?.visible).to.equal(true);
  });

  it("gets one aggregate by its id, and null for an unknown one", async () => {
    const { box, ids, source } = await world();
    const listed = (await (await fetch(`${box.marketplace}/v1/reviewaggregates?revieweeId=${ids.listings.main}&revieweeType=listing`)).json()) as {
      reviewAggregates: { id: string }[];
    };
    const aggregate = await source.getAggregate(listed.reviewAggregates[0]!.id);
    expect(aggregate).to.include({ revieweeId: ids.listings.main, visible: true, count: 24 });
    expect(await source.getAggregate("00000000-0000-4000-8000-000000000000")).to.equal(null);
  });

  it("lists pending and rejected reviews for the moderator, with full names", async () => {
    const { box, ids, source } = await world();
    const admin = await token(box, "admin");
    const pending = await source.listForModeration({ status: "pending", pageSize: 100 }, { token: admin });
    const pendingIds = pending.items.map((item) => item.id);
    expect(pendingIds).to.include.members([...ids.hiddenReviews.pendingPublished, ...ids.hiddenReviews.pendingUnpublished]);
    expect(pendingIds).to.not.include.members(ids.hiddenReviews.deleted);
    expect(pending.items.every((item) => item.status === "pending")).to.equal(true);
    expect(pending.items.every((item) => / /.test(item.authorFullName))).to.equal(true);

    const rejected = await source.listForModeration({ status: "rejected", pageSize: 100 }, { token: admin });
    expect(rejected.items.map((item) => item.id).sort()).to.deep.equal([...ids.hiddenReviews.rejected].sort());
  });

  it("approves a published pending review (it becomes public) and rejects another (it stays hidden)", async () => {
    const { box, ids, source } = await world();
    const admin = await token(box, "admin");
    const [toApprove, toReject] = ids.hiddenReviews.pendingPublished;
    const approved = await source.moderate(toApprove!, "approve", { token: admin });
    expect(approved).to.include({ id: toApprove, status: "approved", isPublished: true });
    const rejected = await source.moderate(toReject!, "reject", { token: admin });
    expect(rejected).to.include({ id: toReject, status: "rejected", isPublished: false });

    const visible = (await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", pageSize: 100 })).items.map((r) => r.id);
    expect(visible).to.include(toApprove);
    expect(visible).to.not.include(toReject);
    expect(visible).to.have.length(25);
  });

  it("publishes a stay's reviews when the other side reviews too, as seen through the source", async () => {
    const { box, ids, source } = await world();
    const [guest, host, admin] = [await token(box, "guest"), await token(box, "host"), await token(box, "admin")];
    const mine = await source.createReview(storyDraft(ids), { token: guest });
    const hostReview = await source.createReview(
      storyDraft(ids, { revieweeId: ids.users.guest, revieweeType: "guest", rating: 5, text: "A tidy, considerate guest." }),
      { token: host },
    );
    // The host's review is the second side: the server publishes both at once; moderation is still to come.
    expect(hostReview.visibility).to.equal("pending");
    expect(hostReview.pendingReason).to.equal("moderation");
    const own = (await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", pageSize: 100 }, { token: guest })).items;
    expect(own.find((review) => review.id === mine.id)).to.include({ visibility: "pending", pendingReason: "moderation" });
    expect(own.find((review) => review.id === mine.id)?.pendingUntil).to.equal(undefined);

    await source.moderate(mine.id, "approve", { token: admin });
    const anonymous = (await source.listReviews({ revieweeId: ids.listings.main, revieweeType: "listing", pageSize: 100 })).items;
    expect(anonymous.find((review) => review.id === mine.id)).to.include({ visibility: "public", text: storyDraft(ids).text });
  });

  it("publishes a one-sided review when the 14-day window closes", async () => {
    const { box, ids, source } = await world();
    const [guest, admin] = [await token(box, "guest"), await token(box, "admin")];
    const mine = await source.createReview(storyDraft(ids), { token: guest });
    await source.moderate(mine.id, "approve", { token: admin });
    // Approved, but still inside the window: nobody else sees it yet.
    expect(await source.getReview(mine.id)).to.equal(null);
    await box.advanceDays(15);
    expect((await source.getReview(mine.id))?.visibility).to.equal("public");
  });

  it("turns refusals into typed errors: 401, 403, duplicate and a stay not yet completed", async () => {
    const { box, ids, source } = await world();
    const unauthenticated = await rejection(source.createReview(storyDraft(ids)));
    expect([unauthenticated.kind, unauthenticated.status, unauthenticated.serverCode]).to.deep.equal(["http", 401, "errMsg_loginRequired"]);

    const invalidToken = await rejection(source.listReviews({ revieweeId: ids.listings.main }, { token: "not-a-token" }));
    expect([invalidToken.status, invalidToken.serverCode]).to.deep.equal([401, "errMsg_invalidToken"]);

    const notParty = await rejection(source.createReview(storyDraft(ids), { token: await token(box, "admin") }));
    expect([notParty.status, notParty.serverCode]).to.deep.equal([403, "errMsg_notReservationParty"]);
    expect(notParty.retryable).to.equal(false);

    const guest = await token(box, "guest");
    await source.createReview(storyDraft(ids), { token: guest });
    const duplicate = await rejection(source.createReview(storyDraft(ids), { token: guest }));
    expect([duplicate.status, duplicate.serverCode]).to.deep.equal([400, "errMsg_reviewAlreadyExists"]);
    expect(duplicate.message).to.not.contain("errMsg");

    const upcoming = await rejection(source.createReview(storyDraft(ids, { reservationId: ids.reservations.upcoming }), { token: guest }));
    expect([upcoming.status, upcoming.serverCode]).to.deep.equal([403, "errMsg_stayNotCompleted"]);
  });
});
