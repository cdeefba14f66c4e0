// Where a CPU-bound figure's time goes: the CPU time spent during a phase by the processes
// named, the rest of the machine (PostgreSQL's backends, here) and how busy the cores were.
// Linux only (/proc); elsewhere the meter reads nothing and says so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const TICK_MS = 1000 / Number((() => {
  try {
    return execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  } catch {
    return '100';
  }
})());

/** user + system ticks of one process; fields 14 and 15 of /proc/PID/stat, after the parenthesised name. */
function processTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** busy and idle ticks of the whole machine (/proc/stat's first line). */
function machineTicks(): { busy: number; idle: number } {
  const [, user, nice, system, idle, iowait, irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return { busy: user! + nice! + system! + irq! + softirq! + steal!, idle: idle! + iowait! };
}

export interface CpuSpent {
  /** CPU milliseconds of each process named. */
  byProcess: Record<string, number>;
  /** CPU milliseconds of everything else on the machine. */
  rest: number;
  /** Share of the cores' time that was busy. */
  busyShare: number;
  cores: number;
}

export function startCpuMeter(pids: Record<string, number>): { stop(): CpuSpent | null } {
  if (!fs.existsSync('/proc/stat')) return { stop: () => null };
  const before = { machine: machineTicks(), processes: Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processTicks(pid)])) };
  return {
    stop() {
      const machine = machineTicks();
      const byProcess = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, (processTicks(pid) - before.processes[name]!) * TICK_MS]));
      const busy = (machine.busy - before.machine.busy) * TICK_MS;
      const idle = (machine.idle - before.machine.idle) * TICK_MS;
      const named = Object.values(byProcess).reduce((a, b) => a + b, 0);
      return { byProcess, rest: Math.max(0, busy - named), busyShare: busy / (busy + idle), cores: os.cpus().length };
    },
  };
}
