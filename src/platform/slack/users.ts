import type { Clock } from "../time/index.js";
import { SlackApiError } from "./errors.js";
import type { SlackGateway, SlackUser } from "./gateway.js";

/** Slack profiles (time zone, locale, admin flags) with a short cache, so a busy hour costs few users.info calls. */
export interface UserDirectory {
  get(userId: string): Promise<SlackUser | null>;
  forget(userId: string): void;
}

/** How long a person's request waits for Slack to tell who they are before going on without it. */
export const USER_LOOKUP_WAIT_MS = 1500;

export function createUserDirectory(
  slack: SlackGateway,
  clock: Clock,
  options: { ttlMs?: number; maxEntries?: number; waitMs?: number } = {},
): UserDirectory {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const waitMs = options.waitMs ?? USER_LOOKUP_WAIT_MS;
  const cache = new Map<string, { user: SlackUser | null; expires: number }>();
  const inFlight = new Map<string, Promise<SlackUser | null>>();

  /**
   * One users.info at a time per person, shared by whoever asks meanwhile, but only while it is young:
   * a lookup Slack has not answered within `waitMs` fails for everyone waiting (they go on without the
   * profile: English, not an admin) and is no longer shared, so the person's next request asks afresh.
   */
  function lookUp(userId: string): Promise<SlackUser | null> {
    const pending = inFlight.get(userId);
    if (pending) return pending;
    const request = slack.userInfo(userId).then((user) => {
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(userId, { user, expires: clock.now().getTime() + ttlMs });
      return user;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SlackApiError("users.info", "request_failed")), waitMs);
      timer.unref();
    });
    const shared = Promise.race([request, late]).finally(() => {
      clearTimeout(timer);
      if (inFlight.get(userId) === shared) inFlight.delete(userId);
    });
    // What Slack answers after the wait still fills the cache; a failure then is nobody's to hear.
    request.catch(() => {});
    inFlight.set(userId, shared);
    return shared;
  }

  return {
    async get(userId) {
      const hit = cache.get(userId);
      if (hit && hit.expires > clock.now().getTime()) return hit.user;
      return lookUp(userId);
    },
    forget(userId) {
      cache.delete(userId);
    },
  };
}

/** Why a person cannot take a place in Supervisor (a team, a role), if they cannot. */
export type PersonProblem = "bot" | "deactivated" | "unknown";

/** The people among `userIds` who are apps, deactivated, or unknown to Slack, and which they are. */
export async function personProblems(
  users: UserDirectory,
  userIds: readonly string[],
): Promise<Map<string, PersonProblem>> {
  const problems = new Map<string, PersonProblem>();
  const profiles = await Promise.all(userIds.map((id) => users.get(id)));
  userIds.forEach((id, i) => {
    const user = profiles[i];
    if (!user) problems.set(id, "unknown");
    else if (user.deleted) problems.set(id, "deactivated");
    else if (user.isBot) problems.set(id, "bot");
  });
  return problems;
}
