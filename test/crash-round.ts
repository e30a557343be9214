/**
 * One round of the crash experiment, shared by the crash test and the durability benchmark:
 * starts `server/storage/crash-worker.ts` on a data dir, waits until it writes, kills it with
 * SIGKILL after `delayMs` and returns the ids whose writes were acknowledged before the kill.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKER = fileURLToPath(new URL('../server/storage/crash-worker.ts', import.meta.url));

export type Round = { acked: string[]; ready: boolean; stderr: string; signal: NodeJS.Signals | null };

/** Starts the worker, waits until it is writing, kills it after `delayMs`. */
export function crashRound(dir: string, delayMs: number, compactAtBytes: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dir, '6', String(compactAtBytes)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buf = '';
    let stderr = '';
    let ready = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        else if (line.startsWith('ready') && !ready) {
          ready = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
        nl = buf.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => {
      stderr += c;
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      resolve({ acked, ready, stderr, signal });
    });
  });
}
