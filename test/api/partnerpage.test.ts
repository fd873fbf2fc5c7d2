import { expect } from "@open-wc/testing";
import { HttpClient } from "../../src/api/http.js";
import { PartnerpageModeration } from "../../src/api/partnerpage/moderation.js";
import { PartnerpageSource } from "../../src/api/partnerpage/source.js";
import type { ReviewDraft } from "../../src/core/model.js";
import { rejection } from "../support/browser/api-error.js";
import { faultScript, sandbox, type Sandbox } from "../support/browser/backend.js";

const ADMIN_KEY = "demo-admin-key";
const READONLY_KEY = "demo-readonly-key";
const DIRECTORY = "demo-directory";

/** server/directory/seed.ts DIRECTORY_DEMO */
interface DirectoryIds {
  directoryId: string;
  entries: { id: string; title: string }[];
  unapprovedEntryIds: string[];
  emptyEntryId: string;
}

/** A review as the directory API returns it to the key holder. */
interface AdminWire {
  id: string;
  entry: { id: string };
  firstName: string;
  lastName: string;
  email: string;
  rating: number;
  status: string;
  summary: string;
}

interface World {
  box: Sandbox;
  ids: DirectoryIds;
  /** Public pages: through the proxy, no credentials. */
  publicSource: PartnerpageSource;
  /** The directory owner's admin page: the directory API itself, with a key. */
  adminSource: PartnerpageModeration;
  requests: { url: string; authorization: string | null }[];
}

async function world(): Promise<World> {
  const box = await sandbox();
  const ids = (await (await fetch(`${box.base}/demo-api/directory/ids`)).json()) as DirectoryIds;
  const requests: World["requests"] = [];
  // One client for both, as on a page where the widgets share services.
  const http = new HttpClient({
    maxRetries: 0,
    fetch: (input, init) => {
      requests.push({ url: String(input), authorization: new Headers(init?.headers).get("Authorization") });
      return fetch(input, init);
    },
  });
  return {
    box,
    ids,
    publicSource: new PartnerpageSource(box.proxy, DIRECTORY, http),
    adminSource: new PartnerpageModeration(box.directoryApi, DIRECTORY, http),
    requests,
  };
}

/** Everything in the directory, as the key holder sees it (straight from the API, no widget code). */
async function adminView(box: Sandbox): Promise<AdminWire[]> {
  const response = await fetch(`${box.directoryApi}/reviews/directory/${DIRECTORY}/?page_size=200`, { headers: { Authorization: ADMIN_KEY } });
  return ((await response.json()) as { results: AdminWire[] }).results;
}

function draft(entryId: string, overrides: Partial<ReviewDraft> = {}): ReviewDraft {
  return {
    rating: 5,
    text: "They rebuilt our partner portal in six weeks and trained the whole team.",
    title: "Great partner",
    revieweeId: entryId,
    firstName: "Jane",
    lastName: "Doe",
    email: "jane.doe@acme.example",
    company: "Acme Inc.",
    ...overrides,
  };
}

const publicIds = async (source: PartnerpageSource, entryId: string) => (await source.listReviews({ revieweeId: entryId })).items.map((r) => r.id);

describe("PartnerpageSource, public mode through the proxy", () => {
  it("lists only approved reviews, with the author as first name and last initial", async () => {
    const { box, ids, publicSource, requests } = await world();
    const entry = ids.entries[0]!.id;
    const page = await publicSource.listReviews({ revieweeId: entry });
    const approved = (await adminView(box)).filter((r) => r.entry.id === entry && r.status === "A");
    expect(approved).to.have.length(9);
    expect(page.items.map((r) => r.id).sort()).to.deep.equal(approved.map((r) => r.id).sort());
    expect(page.total).to.equal(9);
    for (const review of page.items) {
      const full = approved.find((r) => r.id === review.id)!;
      expect(review.visibility).to.equal("public");
      expect(review.authorName).to.equal(`${full.firstName} ${Array.from(full.lastName)[0]}.`);
      expect(review.text).to.equal(full.summary);
      expect(review.rating).to.equal(full.rating);
    }
    const json = JSON.stringify(page);
    for (const full of approved) {
      expect(json).to.not.contain(full.email);
      if (full.lastName.length > 1) expect(json).to.not.contain(full.lastName);
    }
    expect(requests.map((r) => r.authorization)).to.deep.equal([null]);
    expect(requests[0]!.url).to.contain(`/directory-proxy/directories/${DIRECTORY}/reviews?entry_id=${entry}`);
  });

  it("shows nothing for entries whose reviews are all pending or declined", async () => {
    const { ids, publicSource } = await world();
    for (const entry of ids.unapprovedEntryIds) expect(await publicIds(publicSource, entry)).to.deep.equal([]);
  });

  it("computes the aggregates of many entries from public reviews, in one request", async () => {
    const { box, ids, publicSource, requests } = await world();
    const entries = ids.entries.map((e) => e.id);
    const aggregates = await publicSource.listAggregates(entries.map((revieweeId) => ({ revieweeId })));
    expect(requests).to.have.length(1);
    expect(new URL(requests[0]!.url, location.origin).searchParams.getAll("entry_id")).to.deep.equal(entries);

    const everything = await adminView(box);
    expect(aggregates.map((a) => a.revieweeId)).to.deep.equal(entries);
    for (const aggregate of aggregates) {
      const ratings = everything.filter((r) => r.entry.id === aggregate.revieweeId && r.status === "A").map((r) => r.rating);
      if (!aggregate.visible) throw new Error("a computed aggregate is always visible");
      expect(aggregate.count, aggregate.revieweeId).to.equal(ratings.length);
      const mean = ratings.length === 0 ? 0 : ratings.reduce((s, r) => s + r, 0) / ratings.length;
      expect(aggregate.average).to.equal(Math.round(mean * 100) / 100);
      expect(aggregate.distribution).to.deep.equal([1, 2, 3, 4, 5].map((stars) => ratings.filter((r) => r === stars).length));
    }
    expect(aggregates.map((a) => (a.visible ? a.count : -1))).to.deep.equal([9, 7, 6, 5, 5, 4, 4, 3, 3, 0, 0, 0]);
    expect(await publicSource.getAggregate(entries[1]!)).to.deep.equal(aggregates[1]);
  });

  it("creates a review through the proxy as pending: not public, waiting for the directory", async () => {
    const { box, ids, publicSource } = await world();
    const entry = ids.entries[1]!.id;
    const created = await publicSource.createReview(draft(entry));
    expect(created).to.include({ visibility: "pending", pendingReason: "moderation", authorName: "Jane D.", rating: 5 });
    expect(await publicIds(publicSource, entry)).to.not.include(created.id);
    const stored = (await adminView(box)).find((r) => r.id === created.id);
    expect(stored).to.include({ status: "P", firstName: "Jane", lastName: "Doe", email: "jane.doe@acme.example" });
  });

  it("surfaces the field errors of a 400 in ApiError.fieldErrors, named as the draft's fields", async () => {
    const { ids, publicSource } = await world();
    const error = await rejection(publicSource.createReview(draft(ids.entries[0]!.id, { email: "jane@acme_corp.example", text: "Too short" })));
    expect(error.status).to.equal(400);
    expect(error.fieldErrors).to.deep.equal({
      text: ["Ensure this field has at least 10 characters."],
      email: ["Enter a valid email address."],
    });
    expect(error.retryable).to.equal(false);
  });

  it("never reads a single review without a key", async () => {
    const { box, ids, publicSource } = await world();
    const approved = (await adminView(box)).find((r) => r.entry.id === ids.entries[0]!.id && r.status === "A")!;
    expect(await publicSource.getReview(approved.id)).to.equal(null);
  });
});

describe("PartnerpageSource, admin mode with the directory API key", () => {
  it("lists pending and declined reviews with what only the admin may see", async () => {
    const { box, adminSource, requests } = await world();
    const everything = await adminView(box);
    const pending = await adminSource.listForModeration({ status: "pending", pageSize: 50 }, { token: ADMIN_KEY });
    expect(pending.items.map((i) => i.id).sort()).to.deep.equal(
      everything
        .filter((r) => r.status === "P")
        .map((r) => r.id)
        .sort(),
    );
    expect(pending.total).to.equal(11);
    for (const item of pending.items) {
      const full = everything.find((r) => r.id === item.id)!;
      expect(item).to.include({ status: "pending", authorFullName: `${full.firstName} ${full.lastName}`, authorEmail: full.email });
      expect(item.revieweeLabel).to.be.a("string").and.not.equal("");
    }
    const declined = await adminSource.listForModeration({ status: "rejected", pageSize: 50 }, { token: ADMIN_KEY });
    expect(declined.items.map((i) => i.id).sort()).to.deep.equal(
      everything
        .filter((r) => r.status === "D")
        .map((r) => r.id)
        .sort(),
    );
    expect(declined.items.every((i) => i.status === "rejected")).to.equal(true);
    // The key goes in the header as-is, never in a URL.
    expect(requests.every((r) => r.authorization === ADMIN_KEY && !r.url.includes(ADMIN_KEY))).to.equal(true);
  });

  it("counts every tab from the server, and tells a read-only key from the owner's without changing anything", async () => {
    const { box, adminSource } = await world();
    const everything = await adminView(box);
    const count = (code: string) => everything.filter((r) => r.status === code).length;
    const page = await adminSource.listForModeration({ status: "approved", pageSize: 5 }, { token: ADMIN_KEY });
    expect(page.items).to.have.length(5);
    expect(page.counts).to.deep.equal({ pending: count("P"), approved: count("A"), rejected: count("D") });
    expect(await adminSource.mayModerate({ token: ADMIN_KEY })).to.equal(true);
    expect(await adminSource.mayModerate({ token: READONLY_KEY })).to.equal(false);
    expect(await adminView(box)).to.deep.equal(everything);
  });

  it("counts only the open tab against a server that sends bare arrays", async () => {
    const bare = [
      {
        id: "r1",
        entry: { id: "e1", title: "Acme" },
        entryType: "partner",
        title: "",
        company: "",
        summary: "Fine",
        shortSummary: "Fine",
        firstName: "A",
        lastName: "B",
        email: "a@b.example",
        rating: 4,
        created: "2026-04-21T10:15:30Z",
        status: "P",
        statusDisplay: "pending",
        approvedBy: null,
        declinedBy: null,
      },
    ];
    const server = await faultScript({ json: bare });
    const source = new PartnerpageModeration(server.base, "demo-directory", new HttpClient({ maxRetries: 0 }));
    const page = await source.listForModeration({ status: "pending" }, { token: ADMIN_KEY });
    expect(page.items.map((item) => item.id)).to.deep.equal(["r1"]);
    expect(page.counts).to.deep.equal({ pending: 1, approved: undefined, rejected: undefined });
    expect(page.total).to.equal(1);
  });

  it("approving makes a review public; declining keeps it hidden for good", async () => {
    const { box, ids, publicSource, adminSource } = await world();
    const entry = ids.entries[0]!.id;
    const [toApprove, toDecline] = [
      await publicSource.createReview(draft(entry, { firstName: "Ada", lastName: "Lovelace", email: "ada@engines.example" })),
      await publicSource.createReview(draft(entry, { firstName: "Bob", lastName: "Spam", text: "Cheap backlinks at my site, visit now!" })),
    ];
    const before = await publicIds(publicSource, entry);
    expect(before).to.have.length(9);

    const approved = await adminSource.moderate(toApprove.id, "approve", { token: ADMIN_KEY });
    expect(approved).to.include({ id: toApprove.id, status: "approved" });
    const declined = await adminSource.moderate(toDecline.id, "reject", { token: ADMIN_KEY });
    expect(declined).to.include({ id: toDecline.id, status: "rejected" });

    const after = (await publicSource.listReviews({ revieweeId: entry })).items;
    expect(after.map((r) => r.id)).to.include(toApprove.id);
    expect(after.map((r) => r.id)).to.not.include(toDecline.id);
    expect(after.find((r) => r.id === toApprove.id)?.authorName).to.equal("Ada L.");
    const [aggregate] = await publicSource.listAggregates([{ revieweeId: entry }]);
    expect(aggregate?.visible && aggregate.count).to.equal(10);

    const stillPending = await adminSource.listForModeration({ status: "pending", pageSize: 50 }, { token: ADMIN_KEY });
    expect(stillPending.items.map((i) => i.id)).to.not.include.members([toApprove.id, toDecline.id]);
    const declinedList = await adminSource.listForModeration({ status: "rejected", pageSize: 50 }, { token: ADMIN_KEY });
    expect(declinedList.items.map((i) => i.id)).to.include(toDecline.id);
    expect((await adminView(box)).find((r) => r.id === toDecline.id)?.status).to.equal("D");
  });

  it("refuses a decision with the read-only key (403), and nothing changes", async () => {
    const { box, adminSource } = await world();
    const pending = await adminSource.listForModeration({ status: "pending" }, { token: READONLY_KEY });
    const target = pending.items[0]!;
    const error = await rejection(adminSource.moderate(target.id, "approve", { token: READONLY_KEY }));
    expect([error.kind, error.status]).to.deep.equal(["http", 403]);
    expect((await adminView(box)).find((r) => r.id === target.id)?.status).to.equal("P");
  });

  it("reads a single approved review with the key, and null for a pending one", async () => {
    const { box, adminSource } = await world();
    const everything = await adminView(box);
    const approved = everything.find((r) => r.status === "A")!;
    const pending = everything.find((r) => r.status === "P")!;
    expect((await adminSource.getReview(approved.id, { token: ADMIN_KEY }))?.id).to.equal(approved.id);
    expect(await adminSource.getReview(pending.id, { token: ADMIN_KEY })).to.equal(null);
  });
});

describe("PartnerpageSource keeps the key for the owner's operations", () => {
  it("never sends a configured key with public reads or submissions, and sends it for moderation", async () => {
    const server = await faultScript(
      { json: { count: 0, next: null, previous: null, results: [] } },
      { json: { count: 0, next: null, previous: null, results: [] } },
      { status: 400, json: { summary: ["Too short."] } },
      { json: { count: 0, next: null, previous: null, results: [] } },
    );
    const http = new HttpClient({ maxRetries: 0 });
    const source = new PartnerpageSource(server.base, "demo-directory", http);
    const moderation = new PartnerpageModeration(server.base, "demo-directory", http);
    const withKey = { token: "page-wide-admin-key" };
    await source.listReviews({ revieweeId: "entry-1" }, withKey);
    await source.listAggregates([{ revieweeId: "entry-1" }], withKey);
    await source
      .createReview({ rating: 5, text: "x", revieweeId: "entry-1", firstName: "A", lastName: "B", email: "a@b.example" }, withKey)
      .catch(() => undefined);
    await moderation.listForModeration({ status: "pending" }, withKey);
    const log = await server.log();
    expect(log.map((entry) => [entry.method, new URL(entry.url, location.origin).pathname.replace(server.base, ""), entry.authorization])).to.deep.equal([
      ["GET", "/directories/demo-directory/reviews", null],
      ["GET", "/directories/demo-directory/reviews", null],
      ["POST", "/directories/demo-directory/reviews", null],
      // The tab's page, and one-review pages for the other tabs' counts.
      ["GET", "/reviews/directory/demo-directory/", "page-wide-admin-key"],
      ["GET", "/reviews/directory/demo-directory/", "page-wide-admin-key"],
      ["GET", "/reviews/directory/demo-directory/", "page-wide-admin-key"],
    ]);
    expect(
      log
        .slice(3)
        .map((entry) => new URL(entry.url, location.origin).searchParams.get("status"))
        .sort(),
    ).to.deep.equal(["A", "D", "P"]);
  });
});
