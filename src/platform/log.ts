import type { Logger, LogLevel } from "@slack/bolt";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Log = Logger & { child(name: string): Log };

/**
 * A small logger that satisfies Bolt's Logger interface: one line per entry,
 * time, level, name and message; errors keep their stack.
 */
export function createLogger(
  level: Level,
  name = "supervisor",
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Log {
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
    write(`${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} [${currentName}] ${text}`);
  };
  return {
    debug: (...args) => emit("debug", args),
    info: (...args) => emit("info", args),
    warn: (...args) => emit("warn", args),
    error: (...args) => emit("error", args),
    setLevel: (next: LogLevel) => {
      current = next as Level;
    },
    getLevel: () => current as LogLevel,
    setName: (next: string) => {
      currentName = next;
    },
    child: (childName: string) => createLogger(current, `${currentName}:${childName}`, write),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
