import type { ApiError } from "../core/errors.js";
// ReviewElement before Failures: the bundles keep modules in import order, and this one gzips ≈ 60 B smaller.
import { ReviewElement } from "./review-element.js";
import { Failures } from "./failures.js";

/**
 * A review element that shows reviews to the public (<rating-summary>, <review-list>): a load that fails
 * says so quietly, with one alert per page region (internal/failures.ts). The form and the moderation view
 * have failure states of their own, and their script files do not carry this code.
 */
export abstract class PublicElement extends ReviewElement {
  /** Quiet failures (internal/failures.ts). */
  readonly #failures = new Failures(this, () => this.refreshVersion++);

  /**
   * A load failed: `review-error` from each element, for developers, but one console line per burst
   * (not per element: 13 summaries failing together are one problem).
   */
  protected loadFailed(error: ApiError): void {
    this.#failures.fail(error);
    this.emit("review-error", { error });
  }

  protected loaded(): void {
    this.#failures.failed = false;
  }

  /** The error state of a failed load: the region's one alert with its retry, or a muted line (internal/failures.ts). */
  protected renderFailed(message: string, quiet = false) {
    return this.#failures.render(this.i18n, message, quiet);
  }
}
