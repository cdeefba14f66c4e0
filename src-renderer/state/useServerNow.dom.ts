import { useEffect, useState } from 'react';
import { useApp } from './appStore.dom.ts';

/** The server's clock as last measured by sync, ticking every 30 s for live countdowns. */
export function useServerNow(): number {
  const offset = useApp((s) => s.syncStatus?.serverOffsetMs ?? 0);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now + offset;
}
