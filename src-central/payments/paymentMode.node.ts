// Which card acquirer `npm run central` takes payments with. Only the test acquirer exists in
// this repository (no real one is reachable from here), and it accepts any Luhn-valid number:
// a service that started with it silently would hand out tickets nobody paid for. So it must
// be asked for by name, and it says so loudly when it is.
export type PaymentMode =
  | { ok: true; mode: 'test'; banner: string }
  | { ok: false; problem: string };

export function paymentModeFrom(env: NodeJS.ProcessEnv): PaymentMode {
  if (env.GUICHET_PAYMENTS === 'test') {
    return {
      ok: true, mode: 'test',
      banner: '*** TEST PAYMENTS: cards are never charged, any Luhn-valid number pays (4242 4242 4242 4242). Demo and tests only. ***',
    };
  }
  return {
    ok: false,
    problem: 'Guichet central: no card acquirer is configured, and it will not take payments it cannot collect. '
      + 'For a demo or tests, set GUICHET_PAYMENTS=test to use the test acquirer (any Luhn-valid card number pays).',
  };
}
