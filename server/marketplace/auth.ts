/**
 * Demo sign-in: `POST /login {username, password}` → `{accessToken, userId}`,
 * `POST /logout` (revokes the bearer token), and the bearer-token check every
 * API request goes through. Tokens are random and live in memory, at most
 * `SESSION_LIMITS.maxSessions` of them, each for `SESSION_LIMITS.ttlMs` after
 * sign-in (a reset of the demo data keeps them: the seeded users keep their ids).
 */
import type { Context, Hono } from "hono";
import type { Clock } from "../clock.ts";
import { clientAddress } from "../shared/client-address.ts";
import { nodeSocketAddress } from "../shared/node-socket.ts";
import { randomHex } from "../shared/random.ts";
import { jsonResponse } from "./envelope.ts";
import { badRequest, tooManyRequests, unauthorized } from "./errors.ts";
import { answerUnknownRoutes, createJsonApp, readJsonObject } from "./json-app.ts";
import { LoginThrottle } from "./login-throttle.ts";
import type { Viewer } from "./model.ts";
import type { ReviewStore } from "./store.ts";

export const SESSION_LIMITS = {
  /** A working day; the demo's clock skip-ahead does not count (see `Clock.realNowMs`). */
  ttlMs: 12 * 60 * 60 * 1000,
  /** Beyond this many live sessions the oldest is signed out: memory stays bounded whatever the sign-in rate. */
  maxSessions: 10_000,
} as const;

/** Longest username (an email address) and password sign-in accepts. */
const MAX_USERNAME_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 1024;

export interface Session {
  token: string;
  sessionId: string;
  userId: string;
  expiresAtMs: number;
}

export class SessionRegistry {
  // Insertion order is sign-in order, and every session lives equally long:
  // the first entries are always the oldest and the first to expire.
  readonly #byToken = new Map<string, Session>();
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  open(userId: string): Session {
    const now = this.#clock.realNowMs();
    this.#dropExpired(now);
    while (this.#byToken.size >= SESSION_LIMITS.maxSessions) {
      const oldest = this.#byToken.keys().next();
      if (oldest.done) break;
      this.#byToken.delete(oldest.value);
    }
    const session: Session = { token: randomHex(32), sessionId: crypto.randomUUID(), userId, expiresAtMs: now + SESSION_LIMITS.ttlMs };
    this.#byToken.set(session.token, session);
    return session;
  }

  find(token: string): Session | undefined {
    const session = this.#byToken.get(token);
    if (session && session.expiresAtMs <= this.#clock.realNowMs()) {
      this.#byToken.delete(token);
      return undefined;
    }
    return session;
  }

  revoke(token: string): boolean {
    return this.#byToken.delete(token);
  }

  get size(): number {
    return this.#byToken.size;
  }

  #dropExpired(now: number): void {
    for (const [token, session] of this.#byToken) {
      if (session.expiresAtMs > now) break;
      this.#byToken.delete(token);
    }
  }
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

function bearerToken(authorization: string): string {
  const token = BEARER.exec(authorization)?.[1];
  if (token === undefined) throw unauthorized("errMsg_invalidToken", "The Authorization header must be `Bearer <token>`.");
  return token;
}

/**
 * No Authorization header (or an empty one): anonymous. Anything else must
 * be `Bearer <token>` with a live token this server issued, or the request is 401.
 */
export function resolveViewer(authorization: string | undefined, store: ReviewStore, sessions: SessionRegistry): Viewer {
  if (authorization === undefined || authorization.trim() === "") return { user: null, sessionId: null };
  const session = sessions.find(bearerToken(authorization));
  const user = session ? store.userById(session.userId) : undefined;
  if (!session || !user) throw unauthorized("errMsg_invalidToken", "The access token is unknown or expired; sign in again.");
  return { user, sessionId: session.sessionId };
}

export interface AuthOptions {
  /** Proxies in front that append to X-Forwarded-For (for the per-address limit). */
  trustedHops?: number;
}

export function createAuthApp(store: ReviewStore, sessions: SessionRegistry, clock: Clock, options: AuthOptions = {}): Hono {
  const app = createJsonApp(clock);
  const throttle = new LoginThrottle();

  app.post("/login", async (c) => {
    const body = await readJsonObject(c);
    const { username, password } = body;
    if (typeof username !== "string" || typeof password !== "string" || username.trim() === "") {
      throw badRequest("errMsg_usernameAndPasswordAreRequired", "Send {username, password} as strings.");
    }
    if (username.length > MAX_USERNAME_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
      throw badRequest(
        "errMsg_usernameOrPasswordTooLong",
        `username may have at most ${MAX_USERNAME_LENGTH} characters, password at most ${MAX_PASSWORD_LENGTH}.`,
      );
    }
    const account = username.trim().toLowerCase();
    const address = clientAddress(c, options.trustedHops ?? 0, nodeSocketAddress);
    const wait = throttle.waitMs(account, address, clock.nowMs());
    if (wait > 0) {
      throw tooManyRequests("errMsg_tooManyLoginAttempts", "Too many sign-in attempts; try again later.", wait / 1000);
    }
    const user = store.authenticate(username, password);
    throttle.record(account, address, user !== undefined, clock.nowMs());
    if (!user) throw unauthorized("errMsg_invalidCredentials", "Unknown username or wrong password.");
    const session = sessions.open(user.id);
    return jsonResponse({ accessToken: session.token, userId: user.id }, 200);
  });

  app.post("/logout", (c: Context) => {
    const authorization = c.req.header("authorization");
    if (authorization === undefined || authorization.trim() === "") {
      throw unauthorized("errMsg_loginRequired", "Send the token to revoke as `Authorization: Bearer <token>`.");
    }
    const token = bearerToken(authorization);
    if (!sessions.find(token)) throw unauthorized("errMsg_invalidToken", "The access token is unknown or expired.");
    sessions.revoke(token);
    return jsonResponse({ loggedOut: true }, 200);
  });

  answerUnknownRoutes(app);
  return app;
}
