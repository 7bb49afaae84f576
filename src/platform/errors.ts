import type { Catalog, ParamsOf } from "./i18n/catalog.js";

/**
 * An expected failure the person can act on: bad input, a refusal, a conflict. It carries a message key
 * (rendered in the person's language by the listener wrapper) and, for modals, the input block it belongs to.
 * Features make them through their typed `problemsOf<Messages>()`, so a key that is not in the catalog, or
 * wrong parameters, fail typecheck.
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly params?: unknown,
    readonly field?: string,
  ) {
    super(key);
    this.name = "UserError";
  }
}

/** A short reference quoted to the person and written in the log, to find one failure among many. */
export function errorRef(): string {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}

/** A rule broken by a value, as a message key with its parameters; the caller decides where to show it. */
export interface Problem {
  key: string;
  params?: Record<string, unknown>;
}

/** What a pure rule makes of a value: the value, or the problem with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** Message keys of a catalog whose message takes these parameters (none, or an object). */
type Key<C extends Catalog> = keyof C & string;

/** A feature's problems and errors, typed by its catalog: the key must exist and the parameters fit. */
export interface Problems<C extends Catalog> {
  problem<K extends Key<C>>(key: K, ...params: ParamsOf<C[K]>): Problem;
  fail<K extends Key<C>>(key: K, ...params: ParamsOf<C[K]>): Parsed<never>;
  /** A failure for a reply (or, from a modal, for a message on top of it). */
  error<K extends Key<C>>(key: K, ...params: ParamsOf<C[K]>): UserError;
  /** A failure that belongs to one input block of a modal. */
  fieldError<K extends Key<C>>(field: string, key: K, ...params: ParamsOf<C[K]>): UserError;
}

/** Binds the problem and error makers to a catalog's type (nothing at run time depends on it). */
export function problemsOf<C extends Catalog>(): Problems<C> {
  const problem = (key: string, params?: unknown): Problem =>
    params === undefined ? { key } : { key, params: params as Record<string, unknown> };
  return {
    problem: (key, ...params) => problem(key, params[0]),
    fail: (key, ...params) => ({ ok: false, problem: problem(key, params[0]) }),
    error: (key, ...params) => new UserError(key, params[0]),
    fieldError: (field, key, ...params) => new UserError(key, params[0], field),
  };
}

/** A field's problem as the UserError a form save throws (for problems that come from rules). */
export function problemError(problem: Problem, field?: string): UserError {
  return new UserError(problem.key, problem.params, field);
}
