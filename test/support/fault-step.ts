/** One answer of the fault server (fault-server.ts), as a browser test scripts it (browser/backend.ts). */
export interface FaultStep {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as-is (HTML error pages, truncated JSON…). */
  text?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Destroy the socket without an answer. */
  hangup?: boolean;
  /** Send the headers and half of the body, then destroy the socket. */
  truncate?: boolean;
}
