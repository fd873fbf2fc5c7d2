/**
 * The review service API of seed 003, mounted at `/reviewsystem-api`.
 *
 *   GET    /v1/reviews                              listReviews (public, own hidden, or all for the moderator)
 *   GET    /v1/reviews/:reviewId                    getReview
 *   POST   /v1/reviews                              createReview (201)
 *   PATCH  /v1/reviews/:reviewId                    updateReview
 *   DELETE /v1/reviews/:reviewId                    deleteReview (soft)
 *   GET    /v1/reviewaggregates                     listReviewAggregates
 *   GET    /v1/reviewaggregates/:reviewAggregateId  getReviewAggregate
 *
 * Error codes (the error body's `message`; `errCode` repeats the HTTP status):
 *
 * 400 errMsg_invalidJsonBody                  body is not JSON
 *     errMsg_bodyMustBeAJsonObject            body is JSON but not an object
 *     errMsg_<param>IsRequired                a required create parameter is missing or null
 *                                             (moderationStatus, isPublished, reviewText, rating,
 *                                             revieweeId, reservationId, revieweeType)
 *     errMsg_reviewTextIsRequired             reviewText empty, only invisible characters, or not a string
 *     errMsg_reviewTextHasInvalidCharacters   reviewText holds NUL, control characters or lone surrogates
 *     errMsg_reviewTextIsTooLong              reviewText over 2000 characters
 *     errMsg_ratingMustBeAnIntegerFrom1To5    rating not an integer 1..5
 *     errMsg_moderationStatusisNotAValidValue not pending/approved/rejected
 *     errMsg_isPublishedMustBeABoolean        not true/false
 *     errMsg_revieweeTypeisNotAValidValue     not host/guest/listing (body or filter)
 *     errMsg_<param>isNotAValidID             reviewId, reviewAggregateId, revieweeId, reservationId,
 *                                             reviewerId (path, body or filter) not a UUID
 *     errMsg_revieweeTypeNotAllowed           guest → listing/host only; host → guest only
 *     errMsg_revieweeDoesNotMatchReservation  revieweeId is not the reservation's listing/host/guest
 *     errMsg_reviewAlreadyExists              one review per [reservationId, reviewerId, revieweeType]
 *     errMsg_noFieldsToUpdate                 empty PATCH body
 *     errMsg_invalidModerationTransition      approved/rejected back to pending
 *     errMsg_pageNumberisNotAValidNumber      pageNumber not an integer ≥ 1
 *     errMsg_pageRowCountisNotAValidNumber    pageRowCount not an integer 1..100
 * 401 errMsg_loginRequired                    POST/PATCH/DELETE without a token
 *     errMsg_invalidToken                     malformed Authorization header or unknown token (any route)
 *     errMsg_invalidCredentials               (auth app) wrong username or password
 * 403 errMsg_notReservationParty              caller is neither the reservation's guest nor its host
 *     errMsg_stayNotCompleted                 checkout is still in the future
 *     errMsg_reviewWindowClosed               the stay's double-blind window has closed: no more reviews of it
 *     errMsg_doubleBlindNotComplete           moderator publishes before both sides reviewed or the window closed
 *     errMsg_notReviewOwner                   update/delete of someone else's review
 *     errMsg_onlyModeratorsCanModerate        non-moderator sent moderationStatus/isPublished
 *     errMsg_forbiddenFields                  PATCH of a non-updatable field, or moderator edits reviewText
 *     errMsg_reviewIsPublished                reviewer edits/deletes a published review
 * 404 errMsg_reviewNotFound                   no such review, deleted, or not visible to the caller
 *     errMsg_reviewAggregateNotFound          no such aggregate
 *     errMsg_reservationNotFound              create for an unknown reservation
 *     errMsg_routeNotFound                    unknown route or method
 * 413 errMsg_requestBodyTooLarge              body over 64 KiB
 * 415 errMsg_unsupportedMediaType             body not declared application/json
 * 429 errMsg_tooManyLoginAttempts             (auth app) sign-in locked for the account or address; Retry-After
 * 500 errMsg_internalServerError              anything unexpected (no details leaked)
 */
import type { Context, Hono } from "hono";
import type { Clock } from "../clock.ts";
import { resolveViewer, type SessionRegistry } from "./auth.ts";
import { cacheableResponse, successResponse, type RequestFacts } from "./envelope.ts";
import { revalidatePublic } from "../shared/revalidate.ts";
import { unauthorized } from "./errors.ts";
import { answerUnknownRoutes, createJsonApp, readJsonObject } from "./json-app.ts";
import { isModerator, REVIEWEE_TYPES, type ReviewRecord, type Viewer } from "./model.ts";
import { parseCreateReview, parseEnumFilter, parseIdFilter, parseIdParam, parsePaging, parseReviewPatch } from "./request-validation.ts";
import type { ReviewStore } from "./store.ts";
import { aggregateToJson, reviewToJson } from "./wire.ts";

interface RequestContext {
  viewer: Viewer;
  facts: RequestFacts;
}

export interface ReviewApiOptions {
  /**
   * Only what the seed states in so many words: list routes return published,
   * approved reviews only (no own hidden review, no moderator's full list) and
   * no route adds enrichment. For proving the widgets against a bare server.
   */
  strict?: boolean;
}

export function createReviewApi(store: ReviewStore, sessions: SessionRegistry, clock: Clock, options: ReviewApiOptions = {}): Hono {
  const app = createJsonApp(clock);
  const strict = options.strict === true;

  /** Every request: identify the caller, then publish reviews whose window has closed. */
  const begin = (c: Context): RequestContext => {
    const startedAt = Date.now();
    const viewer = resolveViewer(c.req.header("authorization"), store, sessions);
    const ssoTimeMs = Date.now() - startedAt;
    store.applyDueReleases();
    const url = new URL(c.req.url);
    return {
      viewer,
      facts: {
        startedAt,
        ssoTimeMs,
        requestId: crypto.randomUUID(),
        userId: viewer.user?.id ?? null,
        sessionId: viewer.sessionId,
        method: c.req.method,
        cacheKeySource: `${c.req.method} ${url.pathname}${url.search}`,
      },
    };
  };

  const beginSignedIn = (c: Context): RequestContext => {
    const context = begin(c);
    if (!context.viewer.user) throw unauthorized("errMsg_loginRequired", "Sign in to do this.");
    return context;
  };

  const reviewJson = (review: ReviewRecord) => reviewToJson(review, strict ? undefined : store.relationsOf(review));
  const anonymous = (c: Context, viewer: Viewer) => viewer.user === null && c.req.header("authorization") === undefined;

  for (const path of ["/v1/reviews", "/v1/reviews/:reviewId", "/v1/reviewaggregates", "/v1/reviewaggregates/:reviewAggregateId"]) {
    app.on("GET", path, revalidatePublic());
  }

  app.get("/v1/reviews", (c) => {
    const { viewer, facts } = begin(c);
    const query = c.req.queries();
    const page = store.listReviews(
      strict ? { user: null, sessionId: null } : viewer,
      {
        revieweeId: parseIdFilter("revieweeId", query["revieweeId"]),
        reservationId: parseIdFilter("reservationId", query["reservationId"]),
        reviewerId: parseIdFilter("reviewerId", query["reviewerId"]),
        revieweeType: parseEnumFilter("revieweeType", REVIEWEE_TYPES, query["revieweeType"]),
      },
      parsePaging(query),
    );
    return cacheableResponse(
      {
        facts,
        dataName: "reviews",
        action: "list",
        data: page.items.map(reviewJson),
        rowCount: page.items.length,
        paging: page.paging,
      },
      anonymous(c, viewer),
    );
  });

  app.get("/v1/reviews/:reviewId", (c) => {
    const { viewer, facts } = begin(c);
    const review = store.getReview(viewer, parseIdParam("reviewId", c.req.param("reviewId")));
    return cacheableResponse({ facts, dataName: "review", action: "get", data: reviewJson(review), rowCount: 1 }, anonymous(c, viewer));
  });

  app.post("/v1/reviews", async (c) => {
    const { viewer, facts } = beginSignedIn(c);
    const input = parseCreateReview(await readJsonObject(c));
    const review = store.createReview(viewer, input);
    return successResponse({
      facts,
      dataName: "review",
      action: "create",
      data: reviewJson(review),
      rowCount: 1,
      statusCode: 201,
    });
  });

  app.patch("/v1/reviews/:reviewId", async (c) => {
    const { viewer, facts } = beginSignedIn(c);
    const id = parseIdParam("reviewId", c.req.param("reviewId"));
    const { patch, otherKeys } = parseReviewPatch(await readJsonObject(c));
    const review = store.updateReview(viewer, id, patch, otherKeys);
    return successResponse({ facts, dataName: "review", action: "update", data: reviewJson(review), rowCount: 1 });
  });

  app.delete("/v1/reviews/:reviewId", (c) => {
    const { viewer, facts } = beginSignedIn(c);
    const review = store.deleteReview(viewer, parseIdParam("reviewId", c.req.param("reviewId")));
    return successResponse({ facts, dataName: "review", action: "delete", data: reviewJson(review), rowCount: 1 });
  });

  app.get("/v1/reviewaggregates", (c) => {
    const { viewer, facts } = begin(c);
    const query = c.req.queries();
    const numbers = isModerator(viewer.user);
    const page = store.listAggregates(
      viewer,
      {
        revieweeId: parseIdFilter("revieweeId", query["revieweeId"]),
        revieweeType: parseEnumFilter("revieweeType", REVIEWEE_TYPES, query["revieweeType"]),
      },
      parsePaging(query),
    );
    return cacheableResponse(
      {
        facts,
        dataName: "reviewAggregates",
        action: "list",
        data: page.items.map((a) => aggregateToJson(a, numbers)),
        rowCount: page.items.length,
        paging: page.paging,
      },
      anonymous(c, viewer),
    );
  });

  app.get("/v1/reviewaggregates/:reviewAggregateId", (c) => {
    const { viewer, facts } = begin(c);
    const aggregate = store.getAggregate(viewer, parseIdParam("reviewAggregateId", c.req.param("reviewAggregateId")));
    return cacheableResponse(
      {
        facts,
        dataName: "reviewAggregate",
        action: "get",
        data: aggregateToJson(aggregate, isModerator(viewer.user)),
        rowCount: 1,
      },
      anonymous(c, viewer),
    );
  });

  // Unknown routes under the mount point: still check the token (a bad one is 401 everywhere).
  answerUnknownRoutes(app, begin);

  return app;
}
