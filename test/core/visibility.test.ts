import { expect } from "@open-wc/testing";
import { directoryVisibility, isAggregatePublic, marketplaceVisibility, type Visibility } from "../../src/core/visibility.js";

const VIEWER = "user-viewer";
const OTHER = "user-other";

const PUBLISHED = [true, false, undefined, "true", 1, null] as const;
const MODERATION = ["approved", "pending", "rejected", "APPROVED", "flagged", undefined, null, 1] as const;
const ACTIVE = [true, undefined, false, "true", 0, null] as const;
const AUTHOR = ["own", "other", "anonymous viewer"] as const;

/** The rule of DESIGN.md §3, written out independently of the implementation. */
function expected(isPublished: unknown, moderationStatus: unknown, isActive: unknown, author: (typeof AUTHOR)[number]): Visibility["kind"] {
  const activeOk = isActive === true || isActive === undefined;
  if (!activeOk) return "hidden";
  if (isPublished === true && moderationStatus === "approved") return "public";
  const wellFormed = typeof isPublished === "boolean" && ["pending", "approved", "rejected"].includes(moderationStatus as string);
  return author === "own" && wellFormed ? "own-pending" : "hidden";
}

describe("marketplace visibility (fail-closed)", () => {
  for (const isPublished of PUBLISHED) {
    for (const moderationStatus of MODERATION) {
      for (const isActive of ACTIVE) {
        for (const author of AUTHOR) {
          const want = expected(isPublished, moderationStatus, isActive, author);
          const label = `isPublished=${JSON.stringify(isPublished)} moderationStatus=${JSON.stringify(moderationStatus)} isActive=${JSON.stringify(isActive)}, ${author} → ${want}`;
          it(label, () => {
            const review = { isPublished, moderationStatus, isActive, reviewerId: author === "other" ? OTHER : VIEWER };
            const viewerId = author === "anonymous viewer" ? null : VIEWER;
            expect(marketplaceVisibility(review, viewerId).kind).to.equal(want);
          });
        }
      }
    }
  }

  it("hides a review that is published but still pending moderation", () => {
    expect(marketplaceVisibility({ isPublished: true, moderationStatus: "pending", isActive: true, reviewerId: OTHER }, VIEWER).kind).to.equal("hidden");
  });

  it("hides an approved review whose double-blind window is still open", () => {
    expect(marketplaceVisibility({ isPublished: false, moderationStatus: "approved", isActive: true, reviewerId: OTHER }, VIEWER).kind).to.equal("hidden");
  });

  it("hides everything when fields are missing altogether", () => {
    expect(marketplaceVisibility({}, VIEWER).kind).to.equal("hidden");
    expect(marketplaceVisibility({ reviewerId: VIEWER }, VIEWER).kind).to.equal("hidden");
  });

  it("does not treat an empty viewer id as matching an empty reviewer id", () => {
    expect(marketplaceVisibility({ isPublished: false, moderationStatus: "pending", reviewerId: "" }, "").kind).to.equal("hidden");
  });

  it("gives the viewer the reason their own review is not public", () => {
    const own = (isPublished: boolean, moderationStatus: string) =>
      marketplaceVisibility({ isPublished, moderationStatus, isActive: true, reviewerId: VIEWER }, VIEWER);
    expect(own(false, "pending")).to.deep.equal({ kind: "own-pending", reason: "double-blind" });
    expect(own(false, "approved")).to.deep.equal({ kind: "own-pending", reason: "double-blind" });
    expect(own(true, "pending")).to.deep.equal({ kind: "own-pending", reason: "moderation" });
    expect(own(true, "rejected")).to.deep.equal({ kind: "own-pending", reason: "rejected" });
  });
});

describe("directory visibility", () => {
  const cases: [unknown, Visibility["kind"]][] = [
    ["A", "public"],
    ["D", "hidden"],
    ["P", "hidden"],
    ["a", "hidden"],
    ["approved", "hidden"],
    [undefined, "hidden"],
    [null, "hidden"],
    [1, "hidden"],
  ];
  for (const [status, want] of cases) {
    it(`status ${JSON.stringify(status)} → ${want}`, () => expect(directoryVisibility({ status }).kind).to.equal(want));
  }
});

describe("aggregate visibility", () => {
  const cases: [Record<string, unknown>, boolean][] = [
    [{ visibilityStatus: "public" }, true],
    [{ visibilityStatus: "public", isActive: true }, true],
    [{ visibilityStatus: "public", isActive: false }, false],
    [{ visibilityStatus: "hidden" }, false],
    [{ visibilityStatus: "PUBLIC" }, false],
    [{}, false],
  ];
  for (const [aggregate, want] of cases) {
    it(`${JSON.stringify(aggregate)} → ${want ? "numbers shown" : "no numbers"}`, () => expect(isAggregatePublic(aggregate)).to.equal(want));
  }
});
