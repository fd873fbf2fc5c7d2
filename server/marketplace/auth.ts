/**
 * Demo sign-in: `POST /login {username, password}` → `{accessToken, userId}`,
 * and the bearer-token check every API request goes through. Tokens are
 * random and live in memory for the life of the marketplace (a reset of the
 * demo data keeps them: the seeded users keep their ids).
 */
import type { Hono } from "hono";
import type { Clock } from "../clock.ts";
import { jsonResponse } from "./envelope.ts";
import { badRequest, unauthorized } from "./errors.ts";
import { randomHex } from "../shared/random.ts";
import { answerUnknownRoutes, createJsonApp, readJsonObject } from "./json-app.ts";
import type { Viewer } from "./model.ts";
import type { ReviewStore } from "./store.ts";

export interface Session {
  token: string;
  sessionId: string;
  userId: string;
}

export class SessionRegistry {
  readonly #byToken = new Map<string, Session>();

  open(userId: string): Session {
    const session: Session = { token: randomHex(32), sessionId: crypto.randomUUID(), userId };
    this.#byToken.set(session.token, session);
    return session;
  }

  find(token: string): Session | undefined {
    return this.#byToken.get(token);
  }
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/**
 * No Authorization header (or an empty one): anonymous. Anything else must
 * be `Bearer <token>` with a token this server issued, or the request is 401.
 */
export function resolveViewer(authorization: string | undefined, store: ReviewStore, sessions: SessionRegistry): Viewer {
  if (authorization === undefined || authorization.trim() === "") return { user: null, sessionId: null };
  const token = BEARER.exec(authorization)?.[1];
  if (token === undefined) {
    throw unauthorized("errMsg_invalidToken", "The Authorization header must be `Bearer <token>`.");
  }
  const session = sessions.find(token);
  const user = session ? store.userById(session.userId) : undefined;
  if (!session || !user) throw unauthorized("errMsg_invalidToken", "The access token is unknown or expired; sign in again.");
  return { user, sessionId: session.sessionId };
}

export function createAuthApp(store: ReviewStore, sessions: SessionRegistry, clock: Clock): Hono {
  const app = createJsonApp(clock);
  app.post("/login", async (c) => {
    const body = await readJsonObject(c);
    const { username, password } = body;
    if (typeof username !== "string" || typeof password !== "string" || username.trim() === "") {
      throw badRequest("errMsg_usernameAndPasswordAreRequired", "Send {username, password} as strings.");
    }
    const user = store.authenticate(username, password);
    if (!user) throw unauthorized("errMsg_invalidCredentials", "Unknown username or wrong password.");
    const session = sessions.open(user.id);
    return jsonResponse({ accessToken: session.token, userId: user.id }, 200);
  });
  answerUnknownRoutes(app);
  return app;
}
