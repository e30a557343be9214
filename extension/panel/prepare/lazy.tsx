/**
 * The Prepare tab's extra parts (invites, "since last time", the one-pager), mounted from
 * `PrepareTab.tsx` but loaded as their own chunk after the first paint.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../../shared/schemas/records';

type Parts = typeof import('./parts');
let loading: Promise<Parts> | null = null;
let loaded: Parts | null = null;
const load = () => {
  loading ??= import('./parts').then((m) => {
    loaded = m;
    return m;
  });
  return loading;
};

function useParts(): Parts | null {
  const [parts, setParts] = useState<Parts | null>(loaded);
  useEffect(() => {
    if (parts) return;
    let live = true;
    void load().then((m) => live && setParts(m));
    return () => {
      live = false;
    };
  }, []);
  return parts;
}

/** Above the steps: the invite being opened, the launcher's question, "since last time", invites from anywhere. */
export function PrepareTop({ session }: { session: Session | null }) {
  const p = useParts();
  return p ? <p.PrepareTop session={session} /> : null;
}

/** Step 2: the employee one-pager. */
export function PrepareFacts({ session }: { session: Session }) {
  const p = useParts();
  return p ? <p.OnePager session={session} /> : null;
}
