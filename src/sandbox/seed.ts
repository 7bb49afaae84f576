/**
 * The demo data of the sandbox, put in through each feature's own services (as the demo admin, so
 * access checks, the audit log and the DMs are what they would be in Slack). One seeder per feature; a
 * seeder checks for itself whether its data is there already, so seeding again changes nothing.
 */
import { decideRequest } from "../features/approvals/index.js";
import { allowancesOf, requestLeave, setAllowance } from "../features/leave/index.js";
import { saveMeeting } from "../features/meetings/index.js";
import { acknowledgePolicy, policyStatus, publishPolicy } from "../features/policies/index.js";
import { addProduct, listProducts } from "../features/products/index.js";
import { checkIn, currentPeriod, hasQuotaData, repProgress, saveTargets } from "../features/quota/index.js";
import {
  changeMembers,
  createTeam,
  type Team,
  type TeamWithMembers,
  teamsInWorkspace,
  teamToday,
  workCalendarOf,
} from "../features/team/index.js";
import { changeRole } from "../platform/access/index.js";
import { listAudit } from "../platform/audit/index.js";
import { contextFor, type RequestContext } from "../platform/context.js";
import type { Deps } from "../platform/deps.js";
import { currencyDigits } from "../platform/i18n/index.js";
import {
  addDays,
  FixedClock,
  type IsoWeekday,
  type LocalDate,
  localDate,
  startOfLocalDate,
  workingDays,
} from "../platform/time/index.js";
import { DEMO_IDS } from "./demo-workspace.js";

export interface SeedContext {
  deps: Deps;
  workspaceId: string;
}

export interface Seeder {
  /** Which feature's demo data, for the log. */
  name: string;
  /** Puts the demo data in when it is not there; true when it did. */
  run(context: SeedContext): Promise<boolean>;
}

/** Team directory: Sales North in #sales-north led by Sara with three reps; Erik is an executive. */
export const teamSeeder: Seeder = {
  name: "team",
  async run({ deps, workspaceId }) {
    const admin = as(deps, workspaceId, DEMO_IDS.admin);
    if ((await teamsInWorkspace(admin)).length > 0) return false;
    const created = await createTeam(admin, {
      name: "Sales North",
      channelId: DEMO_IDS.channels.team,
      supervisorIds: [DEMO_IDS.supervisor],
    });
    await changeMembers(admin, created.team, "add", [...DEMO_IDS.reps]);
    await changeRole(admin, "grant", [DEMO_IDS.executive], "executive");
    return true;
  },
};

/**
 * Product library: three products of Sales North with their key selling points, added by Sara, its
 * supervisor. Seeded once: products taken off the list later are not brought back.
 */
export const productSeeder: Seeder = {
  name: "product",
  async run({ deps, workspaceId }) {
    const team = await salesNorth(deps, workspaceId);
    if (!team) return false;
    if ((await listProducts(deps.db, team.team.id, { includeArchived: true })).length > 0) return false;
    const supervisor = as(deps, workspaceId, DEMO_IDS.supervisor);
    for (const product of DEMO_PRODUCTS) await addProduct(supervisor, team, product);
    return true;
  },
};

const DEMO_PRODUCTS = [
  {
    name: "Ärlig Kaffe",
    keyPoints: [
      "Organic, fairly traded beans, roasted in Gävle every week",
      "Machine, service and beans for one price per month: no surprise bills",
      "Try it for 30 days; no binding period",
    ].join("\n"),
  },
  {
    name: "Ergo Chair 2",
    keyPoints: [
      "Adjusts to anyone from 155 to 200 cm in under a minute",
      "Ten-year warranty on frame and mechanism",
      "Made in Småland from 70% recycled aluminium",
    ].join("\n"),
  },
  {
    name: "Flex Lease",
    keyPoints: [
      "New laptops for a fixed monthly fee, service and insurance included",
      "Swap to the latest model every three years",
      "Old devices wiped, refurbished or recycled, with a certificate for the sustainability report",
    ].join("\n"),
  },
] as const;

/**
 * Quotas: Sales North part-way through its period. On the period's first working day Sara sets each rep's
 * target and the team's own; then the reps check in a few sales (most tagged with a demo product) on the
 * period's past working days, each at that day's time, so the audit log, the DMs, the posts in
 * #sales-north (one after another, oldest first) and the totals are what Slack would have. Jonas is ahead,
 * Emma on track and Oliver behind: the amounts follow how much of the period has passed, so the picture
 * holds on whatever day the sandbox is first started. Seeded once, while the team has no targets and no
 * check-ins at all.
 */
export const quotaSeeder: Seeder = {
  name: "quota",
  async run({ deps, workspaceId }) {
    const team = await salesNorth(deps, workspaceId);
    if (!team?.supervisorIds.includes(DEMO_IDS.supervisor)) return false;
    if (await hasQuotaData(deps.db, team.team.id)) return false;
    const reps = DEMO_QUOTAS.filter((rep) => team.repIds.includes(rep.repId));
    const [someRep] = reps;
    if (!someRep) return false;

    const now = deps.clock.now();
    const days = saleDays(team.team, now);
    const first = days[0] as LocalDate;
    const at = (day: LocalDate, hour: number): Date => {
      const wall = new Date(startOfLocalDate(day, team.team.timeZone).getTime() + hour * HOUR_MS);
      return wall < now ? wall : now;
    };
    // The services read "now" from the clock: each step gets one stopped at its own moment.
    const asOf = (when: Date): Deps => ({ ...deps, clock: new FixedClock(when) });
    const unit = 10 ** currencyDigits(team.team.currency);

    await saveTargets(as(asOf(at(first, 8.5)), workspaceId, DEMO_IDS.supervisor), team, [
      ...reps.map((rep) => ({ repId: rep.repId, amountMinor: rep.target * unit })),
      { repId: null, amountMinor: DEMO_TEAM_TARGET * unit },
    ]);
    // The share of the period's working days behind us, as the quota feature counts it for pace.
    const { expected } = (await repProgress(deps, team.team, someRep.repId, now)).pace;
    // A product taken off the list before this seed ran (an older sandbox) is left out of the note.
    const tags = new Set((await listProducts(deps.db, team.team.id)).map((p) => p.tag));
    const sales = reps
      .flatMap((rep) =>
        rep.sales.map((sale) => {
          const day = days[Math.round(sale.when * (days.length - 1))] as LocalDate;
          const major = rep.target * Math.max(expected, 0.05) * rep.pace * sale.share;
          const amount = Math.max(1, Math.round(major / 500)) * 500;
          const note = sale.product && tags.has(sale.product) ? `${sale.note} #${sale.product}` : sale.note;
          return { repId: rep.repId, at: at(day, sale.hour), text: `${amount} ${note}` };
        }),
      )
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const [i, sale] of sales.entries()) {
      const rep = contextFor(asOf(sale.at), {
        workspaceId,
        userId: sale.repId,
        channelId: team.team.channelId,
        requestId: `seed:${i + 1}`,
      });
      await checkIn(rep, sale.text);
      // Each post reaches the channel before the next sale: the team channel reads oldest first.
      await deps.jobs.idle();
    }
    return true;
  },
};

/**
 * Leave: 25 vacation days a year (set by Sara), Emma's vacation in a few weeks approved by Sara, and
 * Jonas's two days next week waiting for her decision, so a newcomer sees a DM with buttons, the balances
 * and `/leave team` with something in it.
 */
export const leaveSeeder: Seeder = {
  name: "leave",
  async run({ deps, workspaceId }) {
    const team = await salesNorth(deps, workspaceId);
    if (!team?.supervisorIds.includes(DEMO_IDS.supervisor)) return false;
    if ((await allowancesOf(deps.db, team.team.id)).length > 0) return false;
    const sara = as(deps, workspaceId, DEMO_IDS.supervisor);
    await setAllowance(sara, { type: "vacation", days: 25, startMonth: null, carry: 5 });
    const today = teamToday(team.team, deps.clock);
    const ahead = workingDays(workCalendarOf(team.team), addDays(today, 7), addDays(today, 60));
    const file = async (repId: string, from: number, to: number, note: string) => {
      if (!team.repIds.includes(repId) || !ahead[from] || !ahead[to]) return null;
      const result = await requestLeave(as(deps, workspaceId, repId), {
        type: "vacation",
        start: ahead[from],
        end: ahead[to],
        halfDayStart: false,
        halfDayEnd: false,
        note,
      });
      return result.ok ? result.request : null;
    };
    const emma = await file(EMMA as string, 10, 14, "Family in Gothenburg");
    if (emma) {
      // As in Slack: Sara decides from the request's DM, so it is there (and shows her decision) first.
      await deps.jobs.idle();
      await decideRequest(sara, emma.id, "approved", null);
    }
    await file(JONAS as string, 0, 1, "Moving house");
    return true;
  },
};

/**
 * Meetings: Sales North's weekly sales meeting, Tuesdays at 10:00 in the team's channel with the default
 * reminders (a day and 15 minutes before), set up by Sara. Seeded once: a meeting deleted later is not
 * brought back (its addition is in the audit log).
 */
export const meetingSeeder: Seeder = {
  name: "meeting",
  async run({ deps, workspaceId }) {
    const team = await salesNorth(deps, workspaceId);
    if (!team?.supervisorIds.includes(DEMO_IDS.supervisor)) return false;
    if ((await listAudit(deps.db, workspaceId, { action: "meetings.add" })).length > 0) return false;
    await saveMeeting(as(deps, workspaceId, DEMO_IDS.supervisor), {
      teamId: team.team.id,
      meetingId: null,
      version: null,
      kind: "sales",
      title: "Weekly sales meeting",
      repId: null,
      days: [2],
      time: "10:00",
      cron: "",
      zone: "",
      where: "team",
      channelId: null,
      agenda: "Wins of the week, the pipeline deal by deal, who needs a hand",
      offsets: "",
    });
    return true;
  },
};

const HOUR_MS = 3_600_000;
const [JONAS, EMMA, OLIVER] = DEMO_IDS.reps;

/** The team's own target, a little under what its reps' targets add up to (370 000). */
const DEMO_TEAM_TARGET = 350_000;

/**
 * Each rep's target (whole currency units), how they sell against the period's pace (1 = exactly on
 * pace) and their sales: `share` of their total, `when` from the first (0) to the last (1) past working
 * day, at `hour` local time, with the note (in the rep's language) and the tag of a demo product.
 */
const DEMO_QUOTAS: readonly {
  repId: string;
  target: number;
  pace: number;
  sales: readonly { share: number; when: number; hour: number; note: string; product?: string }[];
}[] = [
  {
    repId: JONAS,
    target: 150_000,
    pace: 1.3,
    sales: [
      { share: 0.3, when: 0.1, hour: 10.25, note: "Nordea Gävle, kaffeavtal", product: "ärlig-kaffe" },
      { share: 0.25, when: 0.55, hour: 14.5, note: "Sandvik, 30 stolar", product: "ergo-chair-2" },
      { share: 0.45, when: 1, hour: 11, note: "Skanska, 40 datorer", product: "flex-lease" },
    ],
  },
  {
    repId: EMMA,
    target: 120_000,
    pace: 1,
    sales: [
      { share: 0.35, when: 0, hour: 15.75, note: "Spotify office coffee", product: "ärlig-kaffe" },
      { share: 0.4, when: 0.4, hour: 9.75, note: "Klarna, 25 chairs", product: "ergo-chair-2" },
      { share: 0.25, when: 0.85, hour: 13.25, note: "IKEA pilot, 10 laptops", product: "flex-lease" },
    ],
  },
  {
    repId: OLIVER,
    target: 100_000,
    pace: 0.55,
    sales: [
      { share: 0.6, when: 0.25, hour: 11.5, note: "Ericsson laptop refresh", product: "flex-lease" },
      { share: 0.4, when: 0.7, hour: 16, note: "H&M head office" },
    ],
  },
];

/**
 * The days the demo sales were made: the period's working days before today, or today alone when the
 * period has just begun.
 */
function saleDays(team: Team, now: Date): readonly LocalDate[] {
  const period = currentPeriod(team, now);
  const today = localDate(now, team.timeZone);
  const past =
    today > period.start
      ? workingDays(
          { workWeek: team.workWeek as IsoWeekday[], holidayCountry: team.holidayCountry },
          period.start,
          addDays(today, -1),
        )
      : [];
  return past.length > 0 ? past : [today];
}

/**
 * Policies: Erik (the executive) publishes "Discounts over 20%" for Sales North, effective today, through
 * the policies service: each rep gets it by DM with its button, the channel a notice. Oliver has
 * acknowledged it, so `/policy status` shows one of three and a newcomer sees a DM waiting. Seeded once.
 */
export const policySeeder: Seeder = {
  name: "policy",
  async run({ deps, workspaceId }) {
    const team = await salesNorth(deps, workspaceId);
    if (!team) return false;
    if ((await policyStatus(deps, { workspaceId })).length > 0) return false;
    const policy = await publishPolicy(as(deps, workspaceId, DEMO_IDS.executive), {
      title: "Discounts over 20%",
      body: [
        "From today, any discount over 20% of list price needs your supervisor's approval before the quote goes out.",
        "Ask in the team channel or by DM; note the approval on the deal.",
      ].join("\n"),
      effectiveOn: teamToday(team.team, deps.clock),
      teamIds: [team.team.id],
    });
    if (team.repIds.includes(OLIVER as string)) {
      await deps.jobs.idle();
      await acknowledgePolicy(as(deps, workspaceId, OLIVER as string), policy.id, policy.version);
    }
    return true;
  },
};

async function salesNorth(deps: Deps, workspaceId: string): Promise<TeamWithMembers | undefined> {
  return (await teamsInWorkspace(as(deps, workspaceId, DEMO_IDS.admin))).find(
    (t) => t.team.name === "Sales North",
  );
}

/** The seed acting as one of the demo people (no Slack request behind it). */
function as(deps: Deps, workspaceId: string, userId: string): RequestContext {
  return contextFor(deps, { workspaceId, userId });
}

/** Every feature's seeder, in dependency order (later features add theirs here). */
export const SEEDERS: readonly Seeder[] = [
  teamSeeder,
  productSeeder,
  quotaSeeder,
  leaveSeeder,
  meetingSeeder,
  policySeeder,
];

/**
 * Seeds what is missing and waits for the notifications each seeder caused (DMs) to be delivered before
 * the next one runs, so the demo's DMs read in the order things happened. Returns the names of the
 * seeders that put data in.
 */
export async function seedDemoData(
  context: SeedContext,
  seeders: readonly Seeder[] = SEEDERS,
): Promise<string[]> {
  const ran: string[] = [];
  for (const seeder of seeders) {
    if (await seeder.run(context)) ran.push(seeder.name);
    await context.deps.jobs.idle();
  }
  return ran;
}
