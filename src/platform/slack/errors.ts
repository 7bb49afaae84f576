/**
 * An expected failure the person can act on: bad input, a refusal, a conflict. It carries a message key
 * (rendered in the person's language by the listener wrapper) and, for modals, the input block it belongs to.
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly params?: unknown,
    readonly field?: string,
  ) {
    super(key);
    this.name = "UserError";
  }
}

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

/** A short reference quoted to the person and written in the log, to find one failure among many. */
export function errorRef(): string {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}

/** A rule broken by a value, as a message key with its parameters; the caller decides where to show it. */
export interface Problem {
  key: string;
  params?: Record<string, unknown>;
}
