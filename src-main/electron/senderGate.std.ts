// Every IPC message passes this gate (after VS Code): only the app's own page, in
// its main frame, may call the main process. An iframe or a page navigated elsewhere
// gets FORBIDDEN_SENDER and never reaches dispatch.
export const APP_ORIGIN = 'app://guichet';

export interface SenderFacts {
  frameUrl: string | undefined;
  isMainFrame: boolean;
}

export function isTrustedSender({ frameUrl, isMainFrame }: SenderFacts): boolean {
  if (!isMainFrame || !frameUrl) return false;
  try {
    return new URL(frameUrl).origin === APP_ORIGIN || frameUrl.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/** Links the app may open in the user's browser: https only, on these hosts. */
const EXTERNAL_HOSTS = ['www.monuments-nationaux.fr', 'monuments-nationaux.fr', 'billetterie.madparis.fr'];

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
}
