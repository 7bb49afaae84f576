import { describe, expect, it } from "vitest";
import { type Actor, decide } from "../../src/platform/access/index.js";

const person = (over: Partial<Actor> = {}): Actor => ({
  workspaceId: "T1",
  userId: "U1",
  admin: false,
  executive: false,
  supervises: [],
  repOf: null,
  ...over,
});

describe("who may do what", () => {
  it("lets admins do everything", () => {
    const admin = person({ admin: true });
    for (const permission of [
      { type: "team.create" },
      { type: "role.manage" },
      { type: "team.manage", teamId: 1 },
      { type: "team.view", teamId: 1 },
      { type: "rep.move", fromTeamId: 1, toTeamId: 2 },
    ] as const) {
      expect(decide(admin, permission)).toEqual({ allowed: true });
    }
  });

  it("keeps team creation and roles to admins", () => {
    const boss = person({ executive: true, supervises: [1] });
    expect(decide(boss, { type: "team.create" })).toEqual({ allowed: false, whoMay: "admins" });
    expect(decide(boss, { type: "role.manage" })).toEqual({ allowed: false, whoMay: "admins" });
  });

  it("lets a supervisor manage only their own teams", () => {
    const sara = person({ supervises: [1, 3] });
    expect(decide(sara, { type: "team.manage", teamId: 3 })).toEqual({ allowed: true });
    expect(decide(sara, { type: "team.manage", teamId: 2 })).toEqual({
      allowed: false,
      whoMay: "teamSupervisors",
    });
    expect(decide(person({ repOf: 2 }), { type: "team.manage", teamId: 2 })).toEqual({
      allowed: false,
      whoMay: "teamSupervisors",
    });
  });

  it("moves a rep only for someone who leads both teams", () => {
    expect(decide(person({ supervises: [1, 2] }), { type: "rep.move", fromTeamId: 1, toTeamId: 2 })).toEqual({
      allowed: true,
    });
    expect(decide(person({ supervises: [2] }), { type: "rep.move", fromTeamId: 1, toTeamId: 2 })).toEqual({
      allowed: false,
      whoMay: "supervisorsOfBoth",
    });
  });

  it("shows a team's figures to its people, executives and admins only", () => {
    expect(decide(person({ repOf: 1 }), { type: "team.view", teamId: 1 })).toEqual({ allowed: true });
    expect(decide(person({ supervises: [1] }), { type: "team.view", teamId: 1 })).toEqual({ allowed: true });
    expect(decide(person({ executive: true }), { type: "team.view", teamId: 1 })).toEqual({ allowed: true });
    expect(decide(person({ repOf: 2 }), { type: "team.view", teamId: 1 })).toEqual({
      allowed: false,
      whoMay: "teamMembers",
    });
  });
});

describe("who may see and act on a rep's record (warnings, coaching plans)", () => {
  // Alice sells in team 1 (led by Sara); Olle leads team 2; Erik is an executive; Ada an admin.
  const people = {
    alice: person({ userId: "alice", repOf: 1 }),
    bo: person({ userId: "bo", repOf: 1 }),
    sara: person({ userId: "sara", supervises: [1] }),
    olle: person({ userId: "olle", supervises: [2] }),
    erik: person({ userId: "erik", executive: true }),
    ada: person({ userId: "ada", admin: true }),
    nobody: person({ userId: "nobody" }),
  };
  type Who = keyof typeof people;
  const rows: { who: Who; see: boolean; act: boolean }[] = [
    { who: "alice", see: true, act: false },
    { who: "bo", see: false, act: false },
    { who: "sara", see: true, act: true },
    { who: "olle", see: false, act: false },
    { who: "erik", see: true, act: true },
    { who: "ada", see: true, act: true },
    { who: "nobody", see: false, act: false },
  ];

  it.each(rows)("$who: sees Alice's record: $see; warns or coaches her: $act", ({ who, see, act }) => {
    const actor = people[who];
    const seen = decide(actor, { type: "rep.record.view", repId: "alice", repTeamId: 1 });
    const acted = decide(actor, { type: "rep.discipline", repId: "alice", repTeamId: 1 });
    expect(seen).toEqual(see ? { allowed: true } : { allowed: false, whoMay: "repAndSupervisors" });
    expect(acted).toEqual(act ? { allowed: true } : { allowed: false, whoMay: "repSupervisors" });
  });

  it("leaves a rep in no team to executives and admins; nobody warns themself", () => {
    for (const who of ["sara", "olle"] as const) {
      expect(decide(people[who], { type: "rep.discipline", repId: "cecilia", repTeamId: null }).allowed).toBe(
        false,
      );
      expect(
        decide(people[who], { type: "rep.record.view", repId: "cecilia", repTeamId: null }).allowed,
      ).toBe(false);
    }
    expect(decide(people.erik, { type: "rep.discipline", repId: "cecilia", repTeamId: null }).allowed).toBe(
      true,
    );
    expect(decide(people.erik, { type: "rep.discipline", repId: "erik", repTeamId: null }).allowed).toBe(
      false,
    );
    // A supervisor who also sells in their own team sees their own record but does not warn themself.
    const both = person({ userId: "sam", supervises: [1], repOf: 1 });
    expect(decide(both, { type: "rep.discipline", repId: "sam", repTeamId: 1 }).allowed).toBe(false);
    expect(decide(both, { type: "rep.record.view", repId: "sam", repTeamId: 1 }).allowed).toBe(true);
  });
});

describe("who may publish policies and see who acknowledged them", () => {
  // Sara leads teams 1 and 3, Olle team 2; Alice sells in team 1; Erik is an executive; Ada an admin.
  const people = {
    alice: person({ userId: "alice", repOf: 1 }),
    sara: person({ userId: "sara", supervises: [1, 3] }),
    olle: person({ userId: "olle", supervises: [2] }),
    erik: person({ userId: "erik", executive: true }),
    ada: person({ userId: "ada", admin: true }),
  };
  type Who = keyof typeof people;
  const rows: { who: Who; teams: number[]; publish: boolean; status: boolean }[] = [
    { who: "alice", teams: [1], publish: false, status: false },
    { who: "sara", teams: [1], publish: true, status: true },
    { who: "sara", teams: [1, 3], publish: true, status: true },
    { who: "sara", teams: [1, 2], publish: false, status: true },
    { who: "sara", teams: [2], publish: false, status: false },
    { who: "sara", teams: [], publish: false, status: false },
    { who: "olle", teams: [1], publish: false, status: false },
    { who: "erik", teams: [1, 2], publish: true, status: true },
    { who: "ada", teams: [2], publish: true, status: true },
  ];
  it.each(rows)(
    "$who for teams $teams: publish $publish, status $status",
    ({ who, teams, publish, status }) => {
      const actor = people[who];
      expect(decide(actor, { type: "policy.publish", teamIds: teams })).toEqual(
        publish ? { allowed: true } : { allowed: false, whoMay: "policyPublishers" },
      );
      const first = teams[0] ?? 0;
      expect(decide(actor, { type: "policy.status", teamId: first })).toEqual(
        status ? { allowed: true } : { allowed: false, whoMay: "policyReaders" },
      );
    },
  );
});
