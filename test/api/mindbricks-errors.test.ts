import { expect } from "@open-wc/testing";
import { explained } from "../../src/api/mindbricks/errors.js";
import { ApiError } from "../../src/core/errors.js";

describe("the marketplace's error codes, in the domain's terms", () => {
  it("reads a closed window with when it closed, and keeps everything else the error said", () => {
    const wire = new ApiError("http", {
      status: 403,
      serverCode: "errMsg_reviewWindowClosed",
      detail: "The review window closed at 2026-12-13T10:00:00.000Z.",
      retryAfterMs: 5,
    });
    const error = explained(wire) as ApiError;
    expect(error.reason).to.equal("window-closed");
    expect(error.until?.toISOString()).to.equal("2026-12-13T10:00:00.000Z");
    expect([error.kind, error.status, error.serverCode, error.retryAfterMs]).to.deep.equal(["http", 403, "errMsg_reviewWindowClosed", 5]);
  });

  it("names the other refusals, and leaves unknown codes and other failures as they were", () => {
    const reason = (serverCode: string) => (explained(new ApiError("http", { status: 400, serverCode })) as ApiError).reason;
    expect([reason("errMsg_reviewAlreadyExists"), reason("errMsg_stayNotCompleted"), reason("errMsg_reviewIsPublished")]).to.deep.equal([
      "already-reviewed",
      "stay-not-completed",
      "published",
    ]);
    const unknown = new ApiError("http", { status: 400, serverCode: "errMsg_somethingElse" });
    expect(explained(unknown)).to.equal(unknown);
    const offline = new TypeError("Failed to fetch");
    expect(explained(offline)).to.equal(offline);
    // A closed window whose instant the server did not name: still a closed window, with no date.
    expect((explained(new ApiError("http", { status: 403, serverCode: "errMsg_reviewWindowClosed" })) as ApiError).until).to.equal(undefined);
  });
});
