/** The reference API is on another origin; the test page passes it in the query. */
export const API_BASE = new URL(location.href).searchParams.get("api") ?? "";
export const LISTING = "20000000-0000-4000-8000-000000000001";
