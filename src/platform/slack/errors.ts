/** A Slack Web API call that failed: `code` is Slack's error (`channel_not_found`) or our transport class. */
export class SlackApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`Slack ${method} failed: ${code}`, options);
    this.name = "SlackApiError";
  }

  /** Slack could not be reached or kept refusing: worth trying again later, not the person's fault. */
  get transient(): boolean {
    return this.code === "request_failed" || this.code === "rate_limited" || this.code === "http_error";
  }
}
