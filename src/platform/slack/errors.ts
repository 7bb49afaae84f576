/** A Slack Web API call that failed: `code` is Slack's error (`channel_not_found`) or our transport class. */
export class SlackApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(`Slack ${method} failed: ${code}`, options);
    this.name = "SlackApiError";
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  /** For `rate_limited`: how long Slack asked us to wait (its Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  /** Slack could not be reached or kept refusing: worth trying again later, not the person's fault. */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}

/** Failures that say nothing about the request, only that Slack could not take it just now. */
const TRANSIENT = new Set([
  "request_failed",
  "rate_limited",
  "http_error",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);
