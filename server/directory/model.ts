/** The in-memory data model of the reference partner-directory review API. */

export const REVIEW_STATUSES = ["P", "A", "D"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export function isReviewStatus(value: unknown): value is ReviewStatus {
  return typeof value === "string" && (REVIEW_STATUSES as readonly string[]).includes(value);
}

export const STATUS_DISPLAY: Record<ReviewStatus, string> = {
  P: "pending",
  A: "approved",
  D: "declined",
};

export const PERMISSIONS = {
  read: "generic_directory:read_reviews",
  create: "generic_directory:create_reviews",
  update: "generic_directory:update_reviews",
  delete: "generic_directory:delete_reviews",
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

/** A user as the API shows it in `approvedBy` / `declinedBy`. */
export interface UserRef {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface ApiKey {
  key: string;
  directoryId: string;
  user: UserRef;
  permissions: ReadonlySet<Permission>;
}

export interface Entry {
  id: string;
  /** The organisation that owns the partner entry, e.g. "org-…". */
  owner: string;
  title: string;
}

export interface DirectoryRecord {
  id: string;
  entries: Map<string, Entry>;
}

export interface ReviewRecord {
  id: string;
  directoryId: string;
  entryId: string;
  title: string;
  company: string;
  summary: string;
  firstName: string;
  lastName: string;
  email: string;
  rating: number;
  /** Milliseconds since the epoch, whole seconds. */
  createdMs: number;
  /** Insertion order, to keep "newest first" stable within one second. */
  seq: number;
  status: ReviewStatus;
  approvedBy: UserRef | null;
  declinedBy: UserRef | null;
}

/** Fields a review can be created with (already validated). */
export interface NewReview {
  entryId: string;
  title: string;
  company: string;
  summary: string;
  firstName: string;
  lastName: string;
  email: string;
  rating: number;
  status: ReviewStatus;
}

/** Fields a PATCH may change (already validated). */
export type ReviewChanges = Partial<Omit<NewReview, "entryId">>;
