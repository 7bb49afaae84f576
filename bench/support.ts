/** Small helpers the benchmark parts share: child processes, ports, statistics, the machine. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, freemem, loadavg, totalmem } from "node:os";

export const root = new URL("..", import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** A child process started with tsx, and the lines it wrote to stdout and stderr once it was ready. */
export interface Child {
  readonly process: ChildProcess;
  /** Lines written after the ready line; `take()` hands them over and forgets them. */
  take(): string[];
}

export function startChild(
  args: string[],
  env: Record<string, string>,
  readyPattern: RegExp,
): Promise<Child> {
  return new Promise((resolve, reject) => {
    // BENCH_NODE_FLAGS: more flags for the children, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile.
    const flags = (process.env.BENCH_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...flags, "--import", "tsx", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let startup = "";
    let ready = false;
    let pending = "";
    let lines: string[] = [];
    const onData = (chunk: Buffer) => {
      if (!ready) {
        startup += chunk.toString();
        if (readyPattern.test(startup)) {
          ready = true;
          resolve({
            process: child,
            take: () => {
              const taken = lines;
              lines = [];
              return taken;
            },
          });
        }
        return;
      }
      pending += chunk.toString();
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      // Keep a bounded sample: a flood of errors only needs counting and a few examples.
      for (const line of parts) if (lines.length < 10_000) lines.push(line);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${startup}`)));
  });
}

export function stopChild(child: Child | null | undefined): Promise<void> {
  const process = child?.process;
  return new Promise((resolve) => {
    if (!process || process.exitCode !== null || process.signalCode !== null) return resolve();
    process.removeAllListeners("exit");
    process.on("exit", () => resolve());
    process.kill("SIGTERM");
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The nearest-rank percentile (0..100). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `done()` holds or `timeoutMs` passed; resolves with whether it held. */
export async function waitUntil(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() >= until) return false;
    await sleep(25);
  }
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} x ${cpu[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} free), Node ${process.version}, ${process.platform} ${process.arch}`;
}

/** The 1-minute load average: how busy the machine was with other work when a part started. */
export function load1(): string {
  return (loadavg()[0] ?? 0).toFixed(2);
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

/** Linux's USER_HZ: /proc counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms; null when it is gone or this is not Linux. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU time (ms) a changing set of processes (e.g. database backends) used while `work` ran; null if none. */
export async function measureCpu<T>(
  pids: () => Promise<number[]>,
  work: () => Promise<T>,
): Promise<{ result: T; ms: number | null }> {
  const before = new Map((await pids()).map((pid) => [pid, cpuMs(pid)]));
  const result = await work();
  const after = await pids();
  if (after.length === 0 && before.size === 0) return { result, ms: null };
  let ms = 0;
  for (const pid of after) {
    const now = cpuMs(pid);
    // A process that started during the work used all its time during it.
    if (now !== null) ms += now - (before.get(pid) ?? 0);
  }
  return { result, ms };
}
