import { describe, expect, it } from "vitest";
import { parseTeamCommand, tokenize } from "../../src/features/team/command.js";

describe("/team text", () => {
  it("shows the team when empty and knows help, list, roles and edit", () => {
    expect(parseTeamCommand("")).toEqual({ kind: "show" });
    expect(parseTeamCommand("  HELP ")).toEqual({ kind: "help" });
    expect(parseTeamCommand("hjälp")).toEqual({ kind: "help" });
    expect(parseTeamCommand("list")).toEqual({ kind: "list" });
    expect(parseTeamCommand("roles")).toEqual({ kind: "roles" });
    expect(parseTeamCommand("edit")).toEqual({ kind: "edit" });
  });

  it("reads escaped mentions and channels as Slack sends them with should_escape", () => {
    expect(tokenize('add <@U123|alice> <@W9> <#C42|sales> "two words"')).toEqual([
      { type: "word", text: "add", raw: "add" },
      { type: "user", id: "U123", raw: "<@U123|alice>" },
      { type: "user", id: "W9", raw: "<@W9>" },
      { type: "channel", id: "C42", raw: "<#C42|sales>" },
      { type: "word", text: "two words", raw: '"two words"' },
    ]);
  });

  it("creates a team with a name of several words and its supervisors", () => {
    expect(parseTeamCommand("create Sales North <@U1|sara> <@U2|per>")).toEqual({
      kind: "create",
      name: "Sales North",
      supervisorIds: ["U1", "U2"],
      channelId: null,
    });
    expect(parseTeamCommand("create")).toEqual({
      kind: "create",
      name: "",
      supervisorIds: [],
      channelId: null,
    });
  });

  it("adds, moves and removes people, once each", () => {
    expect(parseTeamCommand("add <@U1|a> <@U2|b> <@U1|a>")).toEqual({ kind: "add", userIds: ["U1", "U2"] });
    expect(parseTeamCommand("move <@U3|c>")).toEqual({ kind: "move", userIds: ["U3"] });
    expect(parseTeamCommand("remove <@U3|c>")).toEqual({ kind: "remove", userIds: ["U3"] });
    expect(parseTeamCommand("supervisor add <@U4|d>")).toEqual({
      kind: "supervisor",
      op: "add",
      userIds: ["U4"],
    });
    expect(parseTeamCommand("supervisors remove <@U4|d>")).toEqual({
      kind: "supervisor",
      op: "remove",
      userIds: ["U4"],
    });
  });

  it("explains what is missing instead of guessing", () => {
    expect(parseTeamCommand("add")).toEqual({
      kind: "invalid",
      problem: { key: "team.parse.needPeople", params: { command: "add" } },
    });
    expect(parseTeamCommand("add @alice")).toEqual({
      kind: "invalid",
      problem: { key: "team.parse.unlinkedMention", params: { names: "@alice" } },
    });
    expect(parseTeamCommand("supervisor <@U1|a>")).toEqual({
      kind: "invalid",
      problem: { key: "team.parse.supervisorUsage", params: undefined },
    });
    expect(parseTeamCommand("set timezone")).toMatchObject({
      kind: "invalid",
      problem: { key: "team.parse.setUsage" },
    });
    expect(parseTeamCommand("grant <@U1|a>")).toMatchObject({
      kind: "invalid",
      problem: { key: "team.parse.roleUsage", params: { command: "grant" } },
    });
    expect(parseTeamCommand("frobnicate now")).toEqual({
      kind: "invalid",
      problem: { key: "team.parse.unknown", params: { word: "frobnicate" } },
    });
    expect(parseTeamCommand("<@U1|a>")).toMatchObject({
      kind: "invalid",
      problem: { key: "team.parse.unknown" },
    });
  });

  it("reads settings and role changes", () => {
    expect(parseTeamCommand("set timezone Europe/Stockholm")).toEqual({
      kind: "set",
      key: "timezone",
      value: "Europe/Stockholm",
      channelId: null,
    });
    expect(parseTeamCommand("set channel <#C9|north>")).toEqual({
      kind: "set",
      key: "channel",
      value: "<#C9|north>",
      channelId: "C9",
    });
    expect(parseTeamCommand("grant <@U1|a> executive")).toEqual({
      kind: "grant",
      userIds: ["U1"],
      role: "executive",
    });
    expect(parseTeamCommand("revoke <@U1|a> ADMIN")).toEqual({
      kind: "revoke",
      userIds: ["U1"],
      role: "admin",
    });
  });
});
