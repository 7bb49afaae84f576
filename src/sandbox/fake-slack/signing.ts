import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`
 * keyed with the app's signing secret.
 */
export function signSlackRequest(signingSecret: string, timestamp: number | string, rawBody: string): string {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`v0:${timestamp}:${rawBody}`);
  return `v0=${hmac.digest("hex")}`;
}

export interface VerifySlackSignatureInput {
  signingSecret: string;
  /** Value of `X-Slack-Signature`. */
  signature: string | undefined;
  /** Value of `X-Slack-Request-Timestamp` (seconds). */
  timestamp: string | number | undefined;
  rawBody: string;
  /** Current time in ms; defaults to Date.now(). */
  nowMs?: number;
  /** Maximum accepted age of the timestamp, seconds (Bolt uses 5 minutes). */
  maxAgeSeconds?: number;
}

/** Verifies a request the way Bolt does (signature and a timestamp at most 5 minutes old). */
export function verifySlackSignature(input: VerifySlackSignatureInput): boolean {
  const { signingSecret, signature, timestamp, rawBody } = input;
  if (signature === undefined || timestamp === undefined) return false;
  const ts = Number(timestamp);
  if (!Number.isInteger(ts)) return false;
  const nowSec = Math.floor((input.nowMs ?? Date.now()) / 1000);
  if (Math.abs(nowSec - ts) > (input.maxAgeSeconds ?? 300)) return false;
  const expected = Buffer.from(signSlackRequest(signingSecret, ts, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
