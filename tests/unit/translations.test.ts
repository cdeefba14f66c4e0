import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CENTRAL_ERROR_CODES } from '../../src-main/contract/centralApi.std.ts';
import { ERROR_CODES, type RpcError } from '../../src-main/contract/errors.std.ts';
import { errorMessage } from '../../src-renderer/i18n/errorMessage.dom.ts';
import { en } from '../../src-renderer/i18n/en.std.ts';
import { fr } from '../../src-renderer/i18n/fr.std.ts';

const leaves = (tree: object, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`));

describe('French and English', () => {
  it('have the same keys and no empty string', () => {
    expect(leaves(fr).map(([k]) => k).sort()).toEqual(leaves(en).map(([k]) => k).sort());
    expect([...leaves(fr), ...leaves(en)].filter(([, v]) => v.trim() === '')).toEqual([]);
  });
  it('say every error code', () => {
    for (const code of ERROR_CODES) {
      expect(en.errors[code]).toBeTruthy();
      expect(fr.errors[code]).toBeTruthy();
    }
  });
  it('say every refusal of the central service, and when to try again after "too many at once"', async () => {
    // A sentence that counts (minutes to wait) has its plural forms instead of one text.
    const says = (messages: Record<string, string>, code: string) => messages[code] ?? messages[`${code}_other`];
    for (const code of CENTRAL_ERROR_CODES) {
      expect(says(en.errors.central as Record<string, string>, code), code).toBeTruthy();
      expect(says(fr.errors.central as Record<string, string>, code), code).toBeTruthy();
    }
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'fr', interpolation: { escapeValue: false } });
    const busy: RpcError = { code: 'CENTRAL_REFUSED', message: 'This office already has 4 ticket e-mails under way', details: { reason: 'TICKET_MAILS_BUSY', retryAfterSeconds: 5 } };
    expect(errorMessage(busy, i18n.getFixedT('fr'))).toBe(
      'Le service central a refusé : votre agence a déjà plusieurs envois de billets en cours. Rien n’a été attribué : réessayez dans 5 secondes.');
    expect(errorMessage(busy, i18n.getFixedT('en'))).toBe(
      'The central service refused: your office already has several ticket e-mails on their way. Nothing was assigned: try again in 5 seconds.');
  });
  it('say a slot that has started as started, not as "not enough places"', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'fr', interpolation: { escapeValue: false } });
    const atCheckout: RpcError = { code: 'CENTRAL_REFUSED', message: 'The slot has already started', details: { reason: 'SLOT_STARTED', itemIds: ['x'] } };
    expect(errorMessage(atCheckout, i18n.getFixedT('fr'))).toBe(
      'Le service central a refusé : ce créneau a déjà commencé, il n’est plus en vente : retirez l’achat du panier et choisissez un créneau plus tard. Rien n’a été débité.');
    const onTheDesk: RpcError = { code: 'RULE_VIOLATION', message: 'started', details: { rule: 'SLOT_STARTED', count: 1 } };
    expect(errorMessage(onTheDesk, i18n.getFixedT('en'))).toMatch(/1 visit in the cart has already started: remove it from the cart to pay the rest/);
    const buying: RpcError = { code: 'RULE_VIOLATION', message: 'started', details: { rule: 'SLOT_STARTED' } };
    expect(errorMessage(buying, i18n.getFixedT('fr'))).toMatch(/ce créneau a déjà commencé : choisissez un créneau plus tard/);
  });
  it('use the platform words for the cart error and the menus', () => {
    expect(fr.nav.tickets).toBe('Attribution de billets');
    expect(fr.nav.companions).toBe('Accompagnateurs');
    expect(en.nav.options).toBe('Provisional bookings');
  });
});
