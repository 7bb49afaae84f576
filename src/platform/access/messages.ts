import { defineMessages } from "../i18n/index.js";

const en = new Intl.ListFormat("en", { type: "conjunction" });
const enOr = new Intl.ListFormat("en", { type: "disjunction" });
const sv = new Intl.ListFormat("sv", { type: "conjunction" });
const svOr = new Intl.ListFormat("sv", { type: "disjunction" });
const who = (ids: readonly string[]) => ids.map((id) => `<@${id}>`);

/** Refusals that say who may, the granted roles' names, and the notices of a role granted or revoked. */
export const accessMessages = defineMessages(
  {
    "access.refused.admins":
      "Only admins can do that: Slack workspace owners and admins, and people made Supervisor admins.",
    "access.refused.adminsNamed": (p: { admins: string[] }) =>
      `Only admins can do that: Slack workspace owners and admins, and Supervisor admins such as ${enOr.format(who(p.admins))}.`,
    "access.refused.supervisors": (p: { team: string; supervisors: string[] }) =>
      p.supervisors.length > 0
        ? `Only the supervisors of ${p.team} (${en.format(who(p.supervisors))}) and admins can change this team.`
        : `Only the supervisors of ${p.team} and admins can change this team.`,
    "access.refused.move": (p: { team: string; from: string }) =>
      `Moving a rep from ${p.from} to ${p.team} takes an admin, or someone who supervises both teams.`,
    "access.refused.members": (p: { team: string }) =>
      `Only the people of ${p.team}, executives and admins can see that.`,
    "access.refused.repSupervisors": (p: { team: string; supervisors: string[] }) =>
      p.team
        ? p.supervisors.length > 0
          ? `Only the rep's supervisors in ${p.team} (${en.format(who(p.supervisors))}), executives and admins can do that.`
          : `Only the rep's supervisors in ${p.team}, executives and admins can do that.`
        : "Only the rep's supervisors, executives and admins can do that.",
    "access.refused.repRecord": (p: { team: string }) =>
      p.team
        ? `A rep's warnings and coaching plans are seen only by the rep, the supervisors of ${p.team}, executives and admins.`
        : "A rep's warnings and coaching plans are seen only by the rep, their supervisors, executives and admins.",
    "access.refused.policyPublish":
      "Only executives publish, revise and retire policies, and supervisors for their own teams.",
    "access.refused.policyStatus": (p: { team: string }) =>
      p.team
        ? `Only the supervisors of ${p.team}, executives and admins see who acknowledged its policies.`
        : "Only supervisors, executives and admins see who acknowledged a policy.",
    "access.role.executive": "executive",
    "access.role.admin": "admin",
    "access.notice.roleGranted": (p: { role: string; by: string }) =>
      `<@${p.by}> gave you the ${p.role} role in Supervisor.`,
    "access.notice.roleRevoked": (p: { role: string; by: string }) =>
      `<@${p.by}> removed your ${p.role} role in Supervisor.`,
  },
  {
    "access.refused.admins":
      "Bara administratörer kan göra det: ägare och administratörer av Slack-arbetsytan, och de som gjorts till administratörer i Supervisor.",
    "access.refused.adminsNamed": (p) =>
      `Bara administratörer kan göra det: ägare och administratörer av Slack-arbetsytan, och Supervisor-administratörer som ${svOr.format(who(p.admins))}.`,
    "access.refused.supervisors": (p) =>
      p.supervisors.length > 0
        ? `Bara handledarna för ${p.team} (${sv.format(who(p.supervisors))}) och administratörer kan ändra det här teamet.`
        : `Bara handledarna för ${p.team} och administratörer kan ändra det här teamet.`,
    "access.refused.move": (p) =>
      `För att flytta en säljare från ${p.from} till ${p.team} krävs en administratör, eller någon som är handledare för båda teamen.`,
    "access.refused.members": (p) => `Bara de som är med i ${p.team}, chefer och administratörer kan se det.`,
    "access.refused.repSupervisors": (p) =>
      p.team
        ? p.supervisors.length > 0
          ? `Bara säljarens handledare i ${p.team} (${sv.format(who(p.supervisors))}), chefer och administratörer kan göra det.`
          : `Bara säljarens handledare i ${p.team}, chefer och administratörer kan göra det.`
        : "Bara säljarens handledare, chefer och administratörer kan göra det.",
    "access.refused.repRecord": (p) =>
      p.team
        ? `En säljares varningar och coachningsplaner ses bara av säljaren, handledarna för ${p.team}, chefer och administratörer.`
        : "En säljares varningar och coachningsplaner ses bara av säljaren, säljarens handledare, chefer och administratörer.",
    "access.refused.policyPublish":
      "Bara chefer publicerar, reviderar och avvecklar policyer, och handledare för sina egna team.",
    "access.refused.policyStatus": (p) =>
      p.team
        ? `Bara handledarna för ${p.team}, chefer och administratörer ser vem som bekräftat dess policyer.`
        : "Bara handledare, chefer och administratörer ser vem som bekräftat en policy.",
    "access.role.executive": "chef",
    "access.role.admin": "administratör",
    "access.notice.roleGranted": (p) => `<@${p.by}> gav dig rollen ${p.role} i Supervisor.`,
    "access.notice.roleRevoked": (p) => `<@${p.by}> tog bort din roll ${p.role} i Supervisor.`,
  },
);
export type AccessMessages = (typeof accessMessages)["en"];
