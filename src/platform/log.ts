import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { Logger, LogLevel } from "@slack/bolt";
import pino from "pino";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Log = Logger & { child(name: string): Log };

/** `pretty`: one readable line per entry (development); `json`: one JSON object per line (production). */
export type LogFormat = "pretty" | "json";

/** What a log line says about the work it belongs to: the Slack request, or the job, under way. */
interface Scope {
  req: string;
}

const scope = new AsyncLocalStorage<Scope>();

// This process's requests are numbered after a random start, so ids of several instances rarely meet and
// making one costs a counter, not a draw from the system's random source on every request.
let lastRequest = randomBytes(4).readUInt32BE(0);

/** A short id for one request or one job run (10 hex digits), to find all of its log lines. */
export function newRequestId(): string {
  lastRequest = (lastRequest + 1) % 0x10000000000;
  return lastRequest.toString(16).padStart(10, "0");
}

/** Runs `work` as part of request (or job) `req`: every log line written meanwhile carries the id. */
export function inRequest<T>(req: string, work: () => T): T {
  return scope.run({ req }, work);
}

/** The id of the request or job under way, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.req;
}

/**
 * The app's logger, satisfying Bolt's Logger interface. Readable lines in development (time, level, name,
 * request id, message; errors keep their stack); JSON lines through pino in production, with the same
 * fields, for a log collector to index. `write` replaces standard error (tests keep it quiet).
 */
export function createLogger(
  level: Level,
  name = "supervisor",
  write?: (line: string) => void,
  format: LogFormat = "pretty",
): Log {
  return format === "json" ? jsonLogger(level, name, write) : prettyLogger(level, name, write);
}

function prettyLogger(level: Level, name: string, write?: (line: string) => void): Log {
  const out = write ?? ((line: string) => process.stderr.write(`${line}\n`));
  let current: Level = level;
  let currentName = name;
  const emit = (at: Level, args: unknown[]) => {
    if (order[at] < order[current]) return;
    const text = args
      .map((arg) =>
        arg instanceof Error
          ? (arg.stack ?? `${arg.name}: ${arg.message}`)
          : typeof arg === "string"
            ? arg
            : safeJson(arg),
      )
      .join(" ");
    const req = currentRequestId();
    out(
      `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} [${currentName}]${req ? ` (${req})` : ""} ${text}`,
    );
  };
  return {
    ...levelMethods(emit),
    setLevel: (next: LogLevel) => {
      current = next as Level;
    },
    getLevel: () => current as LogLevel,
    setName: (next: string) => {
      currentName = next;
    },
    child: (childName: string) => prettyLogger(current, `${currentName}:${childName}`, write),
  };
}

function jsonLogger(level: Level, name: string, write?: (line: string) => void): Log {
  const destination = write
    ? { write: (line: string) => write(line.trimEnd()) }
    : pino.destination({ dest: 1, sync: true });
  const root = pino(
    {
      level,
      base: { pid: process.pid },
      // Level names, not numbers, and the request or job each line belongs to.
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const req = currentRequestId();
        return req ? { req } : {};
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
  const make = (loggerName: string, at: Level): Log => {
    let current = root.child({ name: loggerName }, { level: at });
    const emit = (to: Level, args: unknown[]) => {
      if (!current.isLevelEnabled(to)) return;
      const err = args.find((arg): arg is Error => arg instanceof Error);
      const data = args.filter((arg) => !(arg instanceof Error) && typeof arg !== "string");
      const msg = args.filter((arg): arg is string => typeof arg === "string").join(" ");
      const fields: Record<string, unknown> = {};
      if (err) fields.err = err;
      if (data.length > 0) fields.data = data.length === 1 ? data[0] : data;
      current[to](fields, msg || err?.message || "");
    };
    return {
      ...levelMethods(emit),
      setLevel: (next: LogLevel) => {
        current.level = next;
      },
      getLevel: () => current.level as LogLevel,
      setName: (next: string) => {
        current = root.child({ name: next }, { level: current.level });
      },
      child: (childName: string) => make(`${loggerName}:${childName}`, current.level as Level),
    };
  };
  return make(name, level);
}

/** Bolt's four level methods, each handing its arguments to `emit`. */
function levelMethods(emit: (at: Level, args: unknown[]) => void): Pick<Logger, Level> {
  return {
    debug: (...args) => emit("debug", args),
    info: (...args) => emit("info", args),
    warn: (...args) => emit("warn", args),
    error: (...args) => emit("error", args),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
