/**
 * The sandbox's scheduled posts: each team's standup, standup summary, motivation, product spotlight and
 * meeting reminders, with when each comes next, a "Run now" for each, and a clock a newcomer moves forward
 * ("+1 day") to see what the app does later, without waiting for it.
 *
 * Nothing here posts: it strikes the jobs the schedules strike (`deps.schedules.strike`), so a post made
 * here is the app's own, made once per (job, team, slot) however often it is asked for.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { nextReminder } from "../features/meetings/index.js";
import {
  nextSlot,
  type RoutinePlan,
  type RoutineSettings,
  routinePlans,
  routineSettings,
} from "../features/routines/index.js";
import { type TeamWithMembers, teamsInWorkspace } from "../features/team/index.js";
import { contextFor } from "../platform/context.js";
import type { Deps } from "../platform/deps.js";
import { type JobName, Schedules, slotOf } from "../platform/jobs/index.js";
import type { Log } from "../platform/log.js";
import { type Clock, ShiftedClock } from "../platform/time/index.js";
import { DEMO_IDS } from "./demo-workspace.js";
import type { SandboxMessages } from "./messages.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The posts that come on a schedule, in the order the panel lists them. */
export const SCHEDULED_POSTS = ["standup", "standupSummary", "motivation", "spotlight", "meetings"] as const;
export type ScheduledPost = (typeof SCHEDULED_POSTS)[number];

/** The job each post's schedule strikes. */
export const JOB_OF = {
  standup: "standup.open",
  standupSummary: "standup.close",
  motivation: "motivation.post",
  spotlight: "spotlight.post",
  meetings: "meetings.sweep",
} as const satisfies Record<ScheduledPost, JobName>;

type RoutinePost = Exclude<ScheduledPost, "meetings">;

/** How the sandbox clock can be moved: an hour, a day, or to the next Monday 09:00 in the team's zone. */
export const CLOCK_MOVES = ["hour", "day", "monday"] as const;
export type ClockMove = (typeof CLOCK_MOVES)[number];

/**
 * How long ago a slot passed over by a clock move may be and still run: the latest slot of each post
 * within the last day before the new time runs; older ones are skipped (a team would not want last
 * Wednesday's spotlight on Monday).
 */
export const CATCH_UP_MS = DAY_MS;

// ---------------------------------------------------------------------------------------------------------
// The clock

/**
 * The sandbox's clock: `base` (real time) moved forward by the offset kept in `file`
 * (`DATA_DIR/sandbox/clock.json`), so a restart keeps the sandbox time and Reset demo, which deletes the
 * file, goes back to real time. An unreadable file is real time again (and said so).
 */
export function openSandboxClock(base: Clock, file: string, log: Log): ShiftedClock {
  if (!existsSync(file)) return new ShiftedClock(base);
  try {
    const { offsetMs } = JSON.parse(readFileSync(file, "utf8")) as { offsetMs?: unknown };
    if (typeof offsetMs !== "number" || !Number.isFinite(offsetMs) || offsetMs < 0)
      throw new Error(`no offset in ${file}`);
    return new ShiftedClock(base, offsetMs);
  } catch (error) {
    log.warn(`could not read the sandbox's clock (${String(error)}); the sandbox runs at real time`);
    return new ShiftedClock(base);
  }
}

function saveClock(file: string, clock: ShiftedClock): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ offsetMs: clock.offsetMs }));
  renameSync(temp, file);
}

/** The next Monday 09:00 in `zone` after `now`. */
export function nextMondayMorning(zone: string, now: Date): Date {
  const at = nextSlot({ cron: "0 9 * * 1", timeZone: zone }, now);
  if (!at) throw new Error(`no Monday 09:00 in ${zone} within a week of ${now.toISOString()}`);
  return at;
}

// ---------------------------------------------------------------------------------------------------------
// What the panel shows

export interface PostOverview {
  post: ScheduledPost;
  job: JobName;
  /** This version of the app runs the post's job (a feature not built yet does not). */
  available: boolean;
  /** The team has it on (meeting reminders: an active meeting with a reminder ahead). */
  enabled: boolean;
  /** When it comes next (ISO), or null. */
  next: string | null;
  /** Meeting reminders: the reminder that comes next. */
  reminder?: { title: string; meetingAt: string; offsetMinutes: number };
}

export interface TeamOverview {
  id: number;
  name: string;
  channelId: string;
  timeZone: string;
  posts: PostOverview[];
}

export interface ScheduleOverview {
  /** The sandbox time (ISO). */
  now: string;
  /** How far ahead of real time the sandbox is (ms). */
  offsetMs: number;
  /** The zone "Next Monday 09:00" and the panel's clock are read in: the first team's, else UTC. */
  timeZone: string;
  teams: TeamOverview[];
}

export interface RunResult {
  post: ScheduledPost;
  teamId: number;
  /** The slot it ran for (ISO). */
  slot: string;
  /** False when that slot had run already (a double click within the same second): nothing new. */
  ran: boolean;
  /** Meeting reminders: the clock was moved to the reminder's time first. */
  moved?: MoveResult;
}

export interface MoveResult {
  from: string;
  to: string;
  offsetMs: number;
  /** The routine slots passed over that were run, oldest first (meeting reminders due run too). */
  ran: { teamId: number; post: ScheduledPost; slot: string }[];
}

/** A request the panel cannot do, with the page's words for why (a `post` parameter is named in them). */
export class ScheduleRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly key: keyof SandboxMessages,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} (${key})`);
    this.name = "ScheduleRefusal";
  }
}

export interface ClockChange {
  now: string;
  offsetMs: number;
}

/**
 * The scheduled posts of the sandbox's workspace, and its clock. Run now and clock moves take turns (one
 * at a time), so a move's catch-up runs in order and a double click never moves the clock twice when the
 * page says which time it moved from.
 */
export class ScheduledPosts {
  readonly #listeners = new Set<(change: ClockChange) => void>();
  #turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: Deps,
    private readonly workspaceId: string,
    readonly clock: ShiftedClock,
    private readonly clockFile: string,
  ) {}

  /** Tells `listener` each time the clock moves; returns the unsubscribe. */
  subscribe(listener: (change: ClockChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#turn.then(work, work);
    this.#turn = run.catch(() => undefined);
    return run;
  }

  async #teams(): Promise<TeamWithMembers[]> {
    return teamsInWorkspace(contextFor(this.deps, { workspaceId: this.workspaceId, userId: DEMO_IDS.admin }));
  }

  async #zone(): Promise<string> {
    const [first] = await this.#teams();
    return first?.team.timeZone ?? "UTC";
  }

  /** Every team's scheduled posts with when each comes next, and the sandbox time. */
  async overview(): Promise<ScheduleOverview> {
    const now = this.clock.now();
    const { jobs } = this.deps;
    const teams: TeamOverview[] = [];
    for (const { team } of await this.#teams()) {
      const settings = await routineSettings(this.deps.db, this.workspaceId, team.id);
      const posts: PostOverview[] = [];
      for (const post of SCHEDULED_POSTS) {
        const job = JOB_OF[post];
        const available = jobs.defines(job);
        if (post === "meetings") {
          const next = await nextReminder(this.deps.db, this.workspaceId, team.id, now);
          posts.push({
            post,
            job,
            available,
            enabled: next !== null,
            next: next?.at.toISOString() ?? null,
            ...(next
              ? {
                  reminder: {
                    title: next.meeting.title,
                    meetingAt: next.occurrence.at.toISOString(),
                    offsetMinutes: next.offset,
                  },
                }
              : {}),
          });
          continue;
        }
        const plan = planOf(settings, team.timeZone, post);
        const next = plan && nextSlot(plan.spec, now);
        posts.push({ post, job, available, enabled: Boolean(plan), next: next?.toISOString() ?? null });
      }
      teams.push({
        id: team.id,
        name: team.name,
        channelId: team.channelId,
        timeZone: team.timeZone,
        posts,
      });
    }
    return {
      now: now.toISOString(),
      offsetMs: this.clock.offsetMs,
      timeZone: teams[0]?.timeZone ?? "UTC",
      teams,
    };
  }

  /**
   * Runs a team's post now: strikes its job for this moment (a slot of whole seconds, so a double click
   * within one second runs it once; a later click is a new slot and posts again). Meeting reminders are
   * due at a reminder's time only: the clock moves to the team's next one, and the minute sweep runs then.
   */
  runNow(teamId: number, post: ScheduledPost): Promise<RunResult> {
    return this.#inTurn(async () => {
      const job = JOB_OF[post];
      if (!this.deps.jobs.defines(job))
        throw new ScheduleRefusal(409, "not_available", "ui.scheduled.notAvailable", { post });
      const found = (await this.#teams()).find((t) => t.team.id === teamId);
      if (!found) throw new ScheduleRefusal(404, "team_not_found", "ui.scheduled.teamGone");
      const { team } = found;
      if (post === "meetings") {
        const next = await nextReminder(this.deps.db, this.workspaceId, team.id, this.clock.now());
        if (!next)
          throw new ScheduleRefusal(409, "no_meeting", "ui.scheduled.noMeetingAhead", { team: team.name });
        const moved = await this.#moveTo(next.at);
        return { post, teamId, slot: moved.to, ran: true, moved };
      }
      const slot = slotOf(this.clock.now());
      const ran = await this.#strike(post, team.id, slot);
      return { post, teamId, slot: slot.toISOString(), ran };
    });
  }

  /**
   * Moves the clock forward, then runs what became due meanwhile. `fromOffsetMs` is the offset the page
   * showed: when the clock moved since (another click, another tab), nothing moves again.
   */
  move(step: ClockMove, fromOffsetMs?: number): Promise<MoveResult> {
    return this.#inTurn(async () => {
      if (fromOffsetMs !== undefined && fromOffsetMs !== this.clock.offsetMs)
        throw new ScheduleRefusal(409, "clock_moved", "ui.scheduled.clockMoved");
      const now = this.clock.now();
      const to =
        step === "hour"
          ? new Date(now.getTime() + HOUR_MS)
          : step === "day"
            ? new Date(now.getTime() + DAY_MS)
            : nextMondayMorning(await this.#zone(), now);
      return this.#moveTo(to);
    });
  }

  async #moveTo(to: Date): Promise<MoveResult> {
    const from = this.clock.now();
    if (to > from) {
      this.clock.advance(to.getTime() - from.getTime());
      saveClock(this.clockFile, this.clock);
      const change = { now: this.clock.now().toISOString(), offsetMs: this.clock.offsetMs };
      for (const listener of this.#listeners) listener(change);
    }
    const now = this.clock.now();
    const ran = await this.#catchUp(from, now);
    return { from: from.toISOString(), to: now.toISOString(), offsetMs: this.clock.offsetMs, ran };
  }

  /**
   * What the schedules would have struck between `from` and `to`: for each team, the latest slot of each
   * routine it has on within `CATCH_UP_MS` of `to`, oldest first (a standup before its summary, each
   * finished before the next starts); then the meeting sweep at `to`, which posts the reminders due.
   */
  async #catchUp(from: Date, to: Date): Promise<MoveResult["ran"]> {
    const due: { teamId: number; post: RoutinePost; slot: Date }[] = [];
    if (to > from) {
      for (const { team } of await this.#teams()) {
        const settings = await routineSettings(this.deps.db, this.workspaceId, team.id);
        for (const post of SCHEDULED_POSTS) {
          if (post === "meetings" || !this.deps.jobs.defines(JOB_OF[post])) continue;
          const plan = planOf(settings, team.timeZone, post);
          if (!plan) continue;
          const slot = Schedules.slotsBetween(plan.spec, from, to).at(-1);
          if (slot && to.getTime() - slot.getTime() <= CATCH_UP_MS) due.push({ teamId: team.id, post, slot });
        }
      }
    }
    due.sort((a, b) => a.slot.getTime() - b.slot.getTime());
    const ran: MoveResult["ran"] = [];
    for (const { teamId, post, slot } of due) {
      if (ran.length > 0) await this.deps.jobs.idle().catch(() => undefined);
      if (await this.#strike(post, teamId, slot)) ran.push({ teamId, post, slot: slot.toISOString() });
    }
    if (this.deps.jobs.defines("meetings.sweep")) {
      await this.deps.schedules.strike("meetings.sweep", "all", to, { slot: slotOf(to).toISOString() });
    }
    return ran;
  }

  #strike(post: RoutinePost, teamId: number, slot: Date): Promise<boolean> {
    return this.deps.schedules.strike(JOB_OF[post], String(teamId), slot, {
      workspaceId: this.workspaceId,
      teamId,
      slot: slot.toISOString(),
    });
  }
}

/** How the routines' clock runs a post for a team (its job, cron and zone), or undefined when it is off. */
function planOf(settings: RoutineSettings, timeZone: string, post: RoutinePost): RoutinePlan | undefined {
  return routinePlans(settings, timeZone).find((plan) => plan.job === JOB_OF[post]);
}
