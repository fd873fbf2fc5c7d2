import { expect } from "@open-wc/testing";
import { ApiError } from "../../src/core/errors.js";
import type { Review, ReviewDraft } from "../../src/core/model.js";
import type { ReviewSource } from "../../src/core/source.js";
import { Submission } from "../../src/internal/submission.js";

const review: Review = { id: "r1", rating: 5, text: "Lovely", authorName: "Ada", revieweeId: "l1", submittedAt: new Date(), visibility: "pending" };
const draft = (): ReviewDraft => ({ rating: 5, text: "Lovely", revieweeId: "l1" });

/** A backend whose POST lands and then loses its answer `lost` times, and which records what it was asked. */
function backend(lost: number, failure = new ApiError("network")) {
  const asked: string[] = [];
  let landed = false;
  const source = {
    createReview: async (sent: ReviewDraft) => {
      asked.push(`POST ${sent.submissionId ?? ""}`);
      landed = true;
      if (lost-- > 0) throw failure;
      return review;
    },
    findOwnReview: async () => {
      asked.push("look");
      return { review: landed ? review : null, viewerId: "me" };
    },
  } as unknown as ReviewSource;
  return { source, asked };
}

describe("Submission (one review per draft, however often it is sent)", () => {
  it("after an answer that may have landed, looks before posting again", async () => {
    const { source, asked } = backend(1);
    const submission = new Submission();
    const failed = await submission.send(source, draft(), {}).catch((error: unknown) => error);
    expect(failed).to.be.instanceOf(ApiError);
    expect(await submission.send(source, draft(), {})).to.equal(review);
    expect(asked).to.deep.equal(["POST ", "look"]);
  });

  it("after a refusal (4xx), posts again without looking", async () => {
    const { source, asked } = backend(1, new ApiError("http", { status: 400 }));
    const submission = new Submission();
    await submission.send(source, draft(), {}).catch(() => undefined);
    await submission.send(source, draft(), {});
    expect(asked).to.deep.equal(["POST ", "POST "]);
  });

  it("gives anonymous attempts at the same content one key, and changed content a new one", async () => {
    const { source, asked } = backend(1, new ApiError("http", { status: 400 }));
    let made = 0;
    const key = () => `key-${++made}`;
    const submission = new Submission();
    await submission.send(source, draft(), {}, key).catch(() => undefined);
    submission.changed();
    await submission.send(source, draft(), {}, key);
    await submission.send(source, draft(), {}, key);
    expect(asked).to.deep.equal(["POST key-1", "POST key-2", "POST key-3"]);
  });
});
