import type { IncomingMessage, ServerResponse } from "node:http";
import { parse } from "node:querystring";
import {
  type App,
  HTTPModuleFunctions,
  HTTPReceiver,
  type HTTPReceiverOptions,
  isValidSlackRequest,
} from "@slack/bolt";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Bolt's HTTP receiver, guarded at the edge: a signed interaction whose `payload` is JSON but not an
 * object (`null`, `42`, `[]`) is answered 400 at once. Bolt itself would throw reading it (an unhandled
 * rejection, no answer) or wait out its 3 s for a listener. Everything else goes to Bolt as it came.
 */
export class EdgeReceiver extends HTTPReceiver {
  constructor(options: HTTPReceiverOptions & { eventsPath: string }) {
    super(options);
    const bolt = this.requestListener as Listener;
    const { signingSecret, eventsPath } = options;
    const guarded: Listener = (req, res) => {
      const path = (req.url ?? "").split("?")[0];
      if (req.method !== "POST" || path !== eventsPath) {
        bolt(req, res);
        return;
      }
      HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit).then(
        (buffered) => {
          if (isMalformedSignedPayload(buffered, signingSecret)) {
            HTTPModuleFunctions.buildNoBodyResponse(res, 400);
            return;
          }
          bolt(buffered, res);
        },
        // Too large, or the connection broke while reading: Bolt answers it (413, 401) from what it has.
        () => bolt(req, res),
      );
    };
    (this as unknown as { requestListener: Listener }).requestListener = guarded;
  }
}

function isMalformedSignedPayload(
  req: IncomingMessage & { rawBody: Buffer },
  signingSecret: string,
): boolean {
  if (req.headers["content-type"] !== "application/x-www-form-urlencoded") return false;
  const body = req.rawBody.toString();
  const { payload } = parse(body);
  if (typeof payload !== "string") return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return false; // Bolt answers unparseable JSON with 400 itself.
  }
  if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return false;
  try {
    return isValidSlackRequest({
      signingSecret,
      body,
      headers: {
        "x-slack-signature": String(req.headers["x-slack-signature"] ?? ""),
        "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
      },
    });
  } catch {
    return false; // An unsigned or stale request is Bolt's to refuse (401).
  }
}

/**
 * Strips NUL characters from every string Slack sends (slash command text, typed form values): Postgres
 * cannot store them in text, and nobody means them. Registered first, so every listener sees clean text.
 */
export function cleanTextAtTheEdge(app: App): void {
  app.use(async ({ body, next }) => {
    stripNul(body);
    await next();
  });
}

function stripNul(value: unknown, depth = 0): void {
  if (depth > 20 || typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(record)) {
    if (typeof item === "string") {
      if (item.includes("\u0000")) record[key] = item.replaceAll("\u0000", "");
    } else stripNul(item, depth + 1);
  }
}
