// The desk holds some work back until the window shows its first screen ('app.shown'): it
// is told once, when the first screen has what it came for, whichever screen that is.
import { useEffect } from 'react';
import { call } from '../transport/bridge.dom.ts';

let told = false;

/** Tells the desk, once `shown` holds, that the first screen is up. */
export function useFirstScreenShown(shown: boolean): void {
  useEffect(() => {
    if (!shown || told) return;
    told = true;
    void call('app.shown', {}).catch(() => undefined);
  }, [shown]);
}
