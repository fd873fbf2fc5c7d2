// Demo-only helpers shared by the demo pages: sign-in against the reference
// API, and the reference server's demo controls. Not part of the widgets.
export const DEMO = {
  listing: "20000000-0000-4000-8000-000000000001",
  guest: "10000000-0000-4000-8000-000000000001",
  reservation: "30000000-0000-4000-8000-000000000024",
};

const LOGINS = { guest: "guest@demo.test", host: "host@demo.test", admin: "admin@demo.test" };

async function json(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${response.status}`);
  return response.json();
}

const send = (method, body) => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });

/** Signs a demo user in; returns the bearer token (kept in memory only). */
export async function signIn(viewer) {
  const { accessToken } = await json("/auth-api/login", send("POST", { username: LOGINS[viewer], password: "demo" }));
  return accessToken;
}

export const demoControls = {
  clock: () => json("/demo-api/marketplace/clock"),
  advanceDays: (days) => json("/demo-api/marketplace/clock/advance", send("POST", { days })),
  settings: () => json("/demo-api/marketplace/settings"),
  setAutoApprove: (autoApprove) => json("/demo-api/marketplace/settings", send("PUT", { autoApprove })),
  ids: () => json("/demo-api/marketplace/ids"),
  async reset() {
    await json("/demo-api/marketplace/reset", send("POST"));
    await json("/demo-api/directory/reset", send("POST"));
    // Unsent drafts belong to the old world.
    for (const key of Object.keys(localStorage)) if (key.startsWith("review-widgets:draft:")) localStorage.removeItem(key);
  },
};
