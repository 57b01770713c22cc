/**
 * What `/proc` says about a process: its resident memory and the CPU time it (and what it forked) used. Linux only,
 * like the benches that read it.
 */
import { readdir, readFile } from 'node:fs/promises';

/** `sysconf(_SC_CLK_TCK)`: the unit of the CPU times in `/proc/<pid>/stat`, 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Resident memory of a process in bytes (`VmRSS` of `/proc/<pid>/status`). */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

interface Stat {
  ppid: number;
  /** User and system time of the process and of its children it has waited for, in seconds. */
  cpuSeconds: number;
}

async function stat(pid: number): Promise<Stat | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (text === null) return null;
  // The command name may hold spaces and parentheses; the fields after its last `)` are fixed (proc(5)).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((index) => Number(fields[index]));
  return { ppid: Number(fields[1]), cpuSeconds: (utime + stime + cutime + cstime) / CLOCK_TICKS_PER_SECOND };
}

/** CPU seconds used by a process, every thread of it and the children it has reaped. */
export async function cpuSeconds(pid: number): Promise<number> {
  const own = await stat(pid);
  if (!own) throw new Error(`no process ${pid}`);
  return own.cpuSeconds;
}

/**
 * CPU seconds of a process and its live children (PostgreSQL's backends run as children of the postmaster, which
 * reaps them, so a backend that ended is counted in the postmaster's children's time).
 */
export async function treeCpuSeconds(pid: number): Promise<number> {
  let total = await cpuSeconds(pid);
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = await stat(Number(entry));
    if (child?.ppid === pid) total += child.cpuSeconds;
  }
  return total;
}
