import { describe, expect, it } from "vitest";
import { signSlackRequest, verifySlackSignature } from "../../src/sandbox/fake-slack/index.js";
import { isRecord, NO_REFERENCE, readReference } from "./helpers.js";

describe("signSlackRequest", () => {
  it.skipIf(NO_REFERENCE)(
    "matches Slack's documented example (signing-test-vector.json, needs SLACK_REFERENCE_DIR)",
    () => {
      const vector = readReference("signing-test-vector.json");
      if (!isRecord(vector)) throw new Error("unexpected vector file");
      const { signing_secret, x_slack_request_timestamp, raw_body, expected_x_slack_signature } = vector;
      expect(typeof expected_x_slack_signature).toBe("string");
      expect(
        signSlackRequest(String(signing_secret), String(x_slack_request_timestamp), String(raw_body)),
      ).toBe(expected_x_slack_signature);
      // A number timestamp signs the same bytes.
      expect(
        signSlackRequest(String(signing_secret), Number(x_slack_request_timestamp), String(raw_body)),
      ).toBe(expected_x_slack_signature);
    },
  );

  it("is v0= and 64 hex digits, and depends on secret, timestamp and body", () => {
    const sig = signSlackRequest("secret", 1_700_000_000, "a=1");
    expect(sig).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(signSlackRequest("secret2", 1_700_000_000, "a=1")).not.toBe(sig);
    expect(signSlackRequest("secret", 1_700_000_001, "a=1")).not.toBe(sig);
    expect(signSlackRequest("secret", 1_700_000_000, "a=2")).not.toBe(sig);
  });
});

describe("verifySlackSignature", () => {
  const now = 1_700_000_000_000;
  const ts = Math.floor(now / 1000);
  const rawBody = "token=x&text=hello";
  const signature = signSlackRequest("s3cret", ts, rawBody);

  it("accepts a fresh, correct signature", () => {
    expect(
      verifySlackSignature({ signingSecret: "s3cret", signature, timestamp: ts, rawBody, nowMs: now }),
    ).toBe(true);
  });

  it("rejects a wrong secret, a changed body and a timestamp older than 5 minutes", () => {
    expect(
      verifySlackSignature({ signingSecret: "other", signature, timestamp: ts, rawBody, nowMs: now }),
    ).toBe(false);
    expect(
      verifySlackSignature({
        signingSecret: "s3cret",
        signature,
        timestamp: ts,
        rawBody: `${rawBody}!`,
        nowMs: now,
      }),
    ).toBe(false);
    expect(
      verifySlackSignature({
        signingSecret: "s3cret",
        signature,
        timestamp: ts,
        rawBody,
        nowMs: now + 301_000,
      }),
    ).toBe(false);
    expect(
      verifySlackSignature({ signingSecret: "s3cret", signature: undefined, timestamp: ts, rawBody }),
    ).toBe(false);
  });
});
