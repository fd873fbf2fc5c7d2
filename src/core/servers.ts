import { MARKETPLACE } from "./variants.js";

/**
 * The review service's three deployments (seed 003: "preview, staging or
 * production … 3 access URLs"), by name: `api-base="staging"`,
 * `configure({ apiBase: "production" })` and `data-api-base="preview"` accept
 * these names next to any URL. Marketplace only: the directory's file has no
 * use for them.
 */
export const API_SERVERS: Readonly<Record<string, string>> = {
  preview: "https://airbnb3.prw.mindbricks.com/reviewsystem-api",
  staging: "https://airbnb3-stage.mindbricks.co/reviewsystem-api",
  production: "https://airbnb3.mindbricks.co/reviewsystem-api",
};

/** A preset's URL for its name; anything else as it is. */
export function apiBaseFor(value: string): string {
  return MARKETPLACE && Object.hasOwn(API_SERVERS, value) ? API_SERVERS[value]! : value;
}
