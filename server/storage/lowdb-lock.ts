/** The lock file of a data directory (see lowdb.ts). */
import { link, open, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FILES, readIfExists, StoreLockedError } from './lowdb-files';

// ---------------------------------------------------------------------------------------------
// Lock

const openDirs = new Set<string>();

type LockInfo = { pid: number; hostname: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedMessage(dir: string, holder: string): string {
  return (
    `Tandem cannot start: another Tandem service (${holder}) is using the data directory ${dir}; stop it or ` +
    `choose another TANDEM_DATA_DIR. If you are sure no such service runs, delete ${path.join(dir, FILES.lock)}.`
  );
}

export async function acquireLock(dir: string, log: (m: string) => void): Promise<() => Promise<void>> {
  const file = path.join(dir, FILES.lock);
  if (openDirs.has(dir)) throw new StoreLockedError(lockedMessage(dir, `this process, pid ${process.pid}`));
  const mine: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 10; attempt++) {
    // Created complete under a private name, then linked in: `link` fails if the lock exists (like
    // open with `wx`), and no one ever sees a lock file without its pid.
    const tmp = path.join(dir, `${FILES.lock}.${process.pid}.${attempt}.tmp`);
    let created = false;
    try {
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(text);
      } finally {
        await fh.close();
      }
      try {
        await link(tmp, file);
        created = true;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') created = false;
        else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
          // No hard links on this file system: fall back to an exclusive create.
          try {
            const fh = await open(file, 'wx');
            await fh.writeFile(text);
            await fh.close();
            created = true;
          } catch (e2) {
            if ((e2 as NodeJS.ErrnoException).code !== 'EEXIST') throw e2;
          }
        } else throw e;
      }
    } finally {
      await rm(tmp, { force: true });
    }
    if (created) {
      openDirs.add(dir);
      return async () => {
        openDirs.delete(dir);
        const now = await readIfExists(file);
        if (now && now.toString('utf8') === text) await rm(file, { force: true });
      };
    }

    const raw = (await readIfExists(file))?.toString('utf8') ?? null;
    if (raw === null) continue; // released meanwhile: try again
    let holder: LockInfo | null = null;
    try {
      const v = JSON.parse(raw) as LockInfo;
      if (Number.isInteger(v.pid) && v.pid > 0) holder = v;
    } catch {}
    if (holder) {
      const sameHost = holder.hostname === os.hostname();
      if (!sameHost)
        throw new StoreLockedError(lockedMessage(dir, `pid ${holder.pid} on host ${holder.hostname}`));
      // Our own pid without our own lock is a leftover of an earlier life of this pid (pid 1 in a container).
      if (holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new StoreLockedError(lockedMessage(dir, `pid ${holder.pid}`));
      }
    }
    // Stale (dead pid, or a lock file this code never writes): move it aside, then make sure what
    // we moved is what we judged stale, not a fresh lock taken by another starter meanwhile.
    const aside = path.join(dir, `${FILES.lock}.stale-${process.pid}-${attempt}`);
    try {
      await rename(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = (await readIfExists(aside))?.toString('utf8') ?? null;
    if (moved !== raw) {
      await link(aside, file).catch(() => {});
      await rm(aside, { force: true });
      continue;
    }
    await rm(aside, { force: true });
    log(
      holder
        ? `tandem: took over the stale lock of pid ${holder.pid} (no longer running) in ${dir}`
        : `tandem: replaced an unreadable lock file in ${dir}`,
    );
  }
  throw new StoreLockedError(
    `Tandem cannot start: could not take the lock ${file}: other processes keep taking it. Try again.`,
  );
}
