import type { Log } from "./log.js";

/**
 * Questions one part of the app asks and later parts answer, without the asker importing them: the team
 * directory asks "does anything still count in this currency?" and quotas answer. Each question is
 * declared by its asker (declaration merging, as `name: { args; answer }`), so both sides are typed.
 */
export interface HookTypes {
  /**
   * Something people see on their Home tab changed (a request filed or decided, a warning, an escalation,
   * a check-in…): fired by the feature that changed it, after its change committed. The Home feature
   * answers by refreshing those people's Home tabs (coalesced per person, at Slack's pace); with no Home
   * feature nobody answers and nothing happens.
   */
  "home.changed": { args: HomeChange; answer: undefined };
}

/** Whose Home tabs show something that changed, in which workspace. */
export interface HomeChange {
  workspaceId: string;
  userIds: string[];
}

export type HookName = keyof HookTypes & string;
type ArgsOf<N extends HookName> = HookTypes[N] extends { args: infer A } ? A : never;
type AnswerOf<N extends HookName> = HookTypes[N] extends { answer: infer R } ? R : never;

export class Hooks {
  readonly #answerers = new Map<string, ((args: never) => Promise<unknown>)[]>();

  answer<N extends HookName>(name: N, answerer: (args: ArgsOf<N>) => Promise<AnswerOf<N>>): void {
    this.#answerers.set(name, [
      ...(this.#answerers.get(name) ?? []),
      answerer as (args: never) => Promise<unknown>,
    ]);
  }

  /** Every registered answer, in registration order (none when nobody answers). */
  async ask<N extends HookName>(name: N, args: ArgsOf<N>): Promise<AnswerOf<N>[]> {
    const answerers = (this.#answerers.get(name) ?? []) as ((args: ArgsOf<N>) => Promise<AnswerOf<N>>)[];
    const answers: AnswerOf<N>[] = [];
    for (const answerer of answerers) answers.push(await answerer(args));
    return answers;
  }
}

/**
 * Tells the Home tab that something on it changed for these people (see "home.changed"). Call it after the
 * change committed (from a job the change queued, or after its transaction). A refresh that cannot be
 * queued is logged, never the caller's failure: the Home catches up the next time it is opened.
 */
export async function homeChanged(
  deps: { hooks: Hooks; log: Pick<Log, "warn"> },
  change: HomeChange,
): Promise<void> {
  const userIds = [...new Set(change.userIds.filter((id) => id !== ""))];
  if (userIds.length === 0) return;
  try {
    await deps.hooks.ask("home.changed", { workspaceId: change.workspaceId, userIds });
  } catch (error) {
    deps.log.warn("could not queue a Home refresh", error);
  }
}
