/** Browser-side helpers for the test back ends mounted by test/support/node/middleware.ts. */
import type { FaultStep } from "../fault-step.js";

export type { FaultStep };

export interface FaultScript {
  /** Base URL to point a client at; every request under it plays the next step. */
  base: string;
  /** What reached the server, in order. */
  log(): Promise<{ method: string; url: string; at: number; authorization: string | null; idempotencyKey: string | null; body: string }[]>;
}

export async function faultScript(...steps: FaultStep[]): Promise<FaultScript> {
  const response = await fetch("/__fault/scripts", { method: "POST", body: JSON.stringify({ steps }) });
  const { id, base } = (await response.json()) as { id: string; base: string };
  return { base, log: async () => (await (await fetch(`/__fault/log/${id}`)).json()) as Awaited<ReturnType<FaultScript["log"]>> };
}

/** A fresh, seeded reference server of our own (both backends); returns its origin-relative base. */
export async function sandbox(): Promise<Sandbox> {
  const response = await fetch("/__sandbox", { method: "POST" });
  const { base } = (await response.json()) as { base: string };
  return new Sandbox(base);
}

export class Sandbox {
  constructor(readonly base: string) {}

  get marketplace(): string {
    return `${this.base}/reviewsystem-api`;
  }

  get directoryApi(): string {
    return `${this.base}/partnerpage/api/directory/private/v1alpha`;
  }

  get proxy(): string {
    return `${this.base}/directory-proxy`;
  }

  async login(username: string): Promise<{ accessToken: string; userId: string }> {
    const response = await fetch(`${this.base}/auth-api/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: "demo" }),
    });
    if (!response.ok) throw new Error(`login failed: ${response.status}`);
    return (await response.json()) as { accessToken: string; userId: string };
  }

  async ids(): Promise<MarketplaceIds> {
    return (await (await fetch(`${this.base}/demo-api/marketplace/ids`)).json()) as MarketplaceIds;
  }

  async advanceDays(days: number): Promise<void> {
    await fetch(`${this.base}/demo-api/marketplace/clock/advance`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ days }),
    });
  }
}

/** The seed's named ids (server/marketplace/seed.ts DEMO). */
export interface MarketplaceIds {
  users: { guest: string; host: string; admin: string };
  listings: { main: string; grid: string[] };
  reservations: { story: string; upcoming: string };
}
