/**
 * The sandbox's own guide on the app's Home tab, shown while the app publishes no Home view of its own:
 * who the acting person is in the demo, and one or two commands that work for their part, each in the
 * channel where it makes sense. Only commands that exist, run by someone the app lets run them.
 */
import { DEMO_IDS, type Persona, personaOf } from "./demo-workspace.js";
import type { SandboxMessages } from "./messages.js";

type Key = keyof SandboxMessages;

export interface FirstStep {
  /** Exactly what to type, e.g. `/quota targets`. */
  command: string;
  /** The channel to type it in. */
  channel: string;
  /** What it does, in the page's words. */
  about: Key;
}

export interface Guide {
  persona: Persona | null;
  /** "You are {name}, …" */
  you: Key;
  steps: readonly FirstStep[];
}

const { team, spare } = DEMO_IDS.channels;

export const FIRST_STEPS: Readonly<Record<Persona, readonly FirstStep[]>> = {
  supervisor: [
    { command: "/quota targets", channel: team, about: "ui.start.supervisor.targets" },
    { command: "/quota team", channel: team, about: "ui.start.supervisor.team" },
    { command: "/leave team", channel: team, about: "ui.start.supervisor.leave" },
    { command: "/report productivity", channel: team, about: "ui.start.supervisor.report" },
    { command: "/report policy", channel: team, about: "ui.start.supervisor.policyReport" },
  ],
  rep: [
    { command: "/quota 12500 Acme", channel: team, about: "ui.start.rep.checkin" },
    { command: "/quota", channel: team, about: "ui.start.rep.progress" },
    { command: "/leave", channel: team, about: "ui.start.rep.leave" },
  ],
  admin: [
    { command: "/team", channel: team, about: "ui.start.admin.team" },
    { command: "/team create", channel: spare, about: "ui.start.admin.create" },
  ],
  executive: [
    { command: "/quota team", channel: team, about: "ui.start.executive.team" },
    { command: "/report productivity all", channel: team, about: "ui.start.executive.report" },
    { command: "/report policy all", channel: team, about: "ui.start.executive.policyReport" },
  ],
};

/** The guide for one person of the sandbox (someone not in the demo gets the general hint only). */
export function guideFor(userId: string): Guide {
  const persona = personaOf(userId) ?? null;
  if (!persona) return { persona, you: "ui.start.you", steps: [] };
  return { persona, you: `ui.start.you.${persona}`, steps: FIRST_STEPS[persona] };
}
