import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isTrustedSender } from '../../src-main/electron/senderGate.std.ts';

describe('the IPC sender gate', () => {
  it('lets the app page, in its main frame, call the main process', () => {
    expect(isTrustedSender({ frameUrl: 'app://guichet/index.html#/calendar', isMainFrame: true })).toBe(true);
  });
  it.each([
    ['an iframe of the app', 'app://guichet/index.html', false],
    ['a web page', 'https://evil.example/', true],
    ['a local file', 'file:///etc/passwd', true],
    ['a look-alike origin', 'app://guichet.evil/index.html', true],
    ['no frame at all', undefined, true],
  ])('refuses %s', (_what, frameUrl, isMainFrame) => {
    expect(isTrustedSender({ frameUrl, isMainFrame })).toBe(false);
  });
  it('opens only allow-listed https links externally', () => {
    expect(isAllowedExternalUrl('https://www.monuments-nationaux.fr/groupes')).toBe(true);
    expect(isAllowedExternalUrl('http://www.monuments-nationaux.fr/')).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });
});
