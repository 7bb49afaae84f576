import http from "node:http";
import https from "node:https";

/** Sockets kept open to Slack between calls, per origin; more calls at once open more, then close them. */
const MAX_FREE_SOCKETS = 16;

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxFreeSockets: MAX_FREE_SOCKETS }),
  "https:": new https.Agent({ keepAlive: true, maxFreeSockets: MAX_FREE_SOCKETS }),
};

/**
 * `fetch` for the Web API client and Bolt's `respond` (both take a `fetch` option): the Slack calls they
 * make (a form or JSON body as a string, a JSON answer) go over `http.request` with keep-alive sockets,
 * which costs less per call than the global `fetch` (measured in `bench/fetch.ts`). Anything else, a
 * multipart upload, a stream, a redirect to follow, goes to the global `fetch` as it is.
 */
export async function slackFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const body = init.body;
  const plain =
    !(input instanceof Request) &&
    (body === undefined || body === null || typeof body === "string" || body instanceof Uint8Array);
  const url = plain ? new URL(input as string | URL) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return fetch(input, init);
  const answer = await send(url, init, body as string | Uint8Array | null | undefined);
  if (answer.status >= 300 && answer.status < 400 && answer.headers.has("location")) {
    // Slack does not redirect API calls; should it, the client's choice (`redirect: "error"`) holds.
    if (init.redirect === "manual") return answer;
    return fetch(input, init);
  }
  return answer;
}

function send(url: URL, init: RequestInit, body: string | Uint8Array | null | undefined): Promise<Response> {
  const signal = init.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const headers = new Headers(init.headers);
    const payload = typeof body === "string" ? Buffer.from(body) : (body ?? undefined);
    if (payload) {
      headers.set("content-length", String(payload.byteLength));
      if (!headers.has("content-type") && typeof body === "string")
        headers.set("content-type", "text/plain;charset=UTF-8");
    }
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: init.method ?? "GET",
      headers: Object.fromEntries(headers),
      agent: agents[url.protocol as "http:" | "https:"],
    });
    const onAbort = () => request.destroy(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);
    request.on("error", (error) => {
      done();
      // Aborted (the client's timeout): rejected with the signal's reason, as `fetch` does.
      reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: error }));
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error) => {
        done();
        reject(signal?.aborted ? signal.reason : new TypeError("fetch failed", { cause: error }));
      });
      response.on("end", () => {
        done();
        const status = response.statusCode ?? 0;
        if (status < 200 || status > 599) {
          reject(new TypeError(`fetch failed: HTTP status ${status}`));
          return;
        }
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value === undefined) continue;
          for (const one of Array.isArray(value) ? value : [value]) answerHeaders.append(name, one);
        }
        const content = status === 204 || status === 304 ? null : Buffer.concat(chunks);
        const answer = new Response(content, {
          status,
          statusText: response.statusMessage ?? "",
          headers: answerHeaders,
        });
        // `fetch` answers know where they came from (the Web API client reads `url`).
        Object.defineProperty(answer, "url", { value: url.href });
        resolve(answer);
      });
    });
    request.end(payload);
  });
}
