import type { Clock } from "../time/index.js";
import type { SlackGateway, SlackUser } from "./gateway.js";

/** Slack profiles (time zone, locale, admin flags) with a short cache, so a busy hour costs few users.info calls. */
export interface UserDirectory {
  get(userId: string): Promise<SlackUser | null>;
  forget(userId: string): void;
}

export function createUserDirectory(
  slack: SlackGateway,
  clock: Clock,
  options: { ttlMs?: number; maxEntries?: number } = {},
): UserDirectory {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { user: SlackUser | null; expires: number }>();
  const inFlight = new Map<string, Promise<SlackUser | null>>();

  return {
    async get(userId) {
      const now = clock.now().getTime();
      const hit = cache.get(userId);
      if (hit && hit.expires > now) return hit.user;
      const pending = inFlight.get(userId);
      if (pending) return pending;
      const request = slack
        .userInfo(userId)
        .then((user) => {
          if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
          cache.set(userId, { user, expires: clock.now().getTime() + ttlMs });
          return user;
        })
        .finally(() => inFlight.delete(userId));
      inFlight.set(userId, request);
      return request;
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
