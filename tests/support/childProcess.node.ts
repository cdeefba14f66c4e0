// A Guichet program started as a user starts it: its own process, `tsx` on its entry point (plain
// Node on a bundle, `.cjs`), ready once it prints the line `ready` matches; stopped with SIGTERM and awaited.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface StartedChild {
  /** What `ready`'s first group captured. */
  printed: string;
  /** Its operating-system process id (the benches read its CPU time). */
  pid: number;
  stop(onExit?: () => void): Promise<void>;
}

export async function startChild(entry: string, env: Record<string, string>, ready: RegExp, what: string): Promise<StartedChild> {
  const args = entry.endsWith('.cjs') ? [path.join(root, entry)] : ['--import', 'tsx', path.join(root, entry)];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const printed = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 2 minutes:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
  return {
    printed,
    pid: child.pid!,
    stop: (onExit) => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.once('exit', () => {
        onExit?.();
        resolve();
      });
      child.kill('SIGTERM');
    }),
  };
}
