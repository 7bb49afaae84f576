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
