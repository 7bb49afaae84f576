/**
 * Questions one part of the app asks and later parts answer, without the asker importing them: the team
 * directory asks "does anything still count in this currency?" and quotas answer. Each question is
 * declared by its asker (declaration merging, as `name: { args; answer }`), so both sides are typed.
 */
export interface HookTypes {
  /**
   * Something a person's App Home shows has changed (fired by a feature after its change commits): Home
   * answers by refreshing those people's Home tabs, coalesced and paced. Nobody answering is fine.
   */
  "home.changed": { args: { workspaceId: string; userIds: string[] }; answer: undefined };
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
