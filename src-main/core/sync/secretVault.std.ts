// Where the office's sign-in tokens are sealed before they are written to the data file: the
// system keychain under Electron (safeStorage), nothing more than the file's owner-only mode in
// the browser host, which has no keychain to ask.

export interface OpenedSecret {
  plain: string;
  /** The keychain changed its key since sealing: seal again so the next launch can still open it. */
  reseal: boolean;
}

export interface SecretVault {
  /** Kept beside the sealed bytes: a secret sealed by one vault is never handed to another. */
  readonly kind: string;
  seal(plain: string): Promise<Uint8Array>;
  open(sealed: Uint8Array): Promise<OpenedSecret>;
}

/** No keychain: the secret is written as it is, in a data file only its user can read. */
export const ownerOnlyFileVault: SecretVault = {
  kind: 'owner-only-file',
  seal: async (plain) => new TextEncoder().encode(plain),
  open: async (sealed) => ({ plain: new TextDecoder().decode(sealed), reseal: false }),
};
