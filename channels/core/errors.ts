/** A payload an adapter cannot turn into messages. `fields` says what to fix, per field. */
export class InvalidPayloadError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'InvalidPayloadError';
  }
}

/** The payload is valid but deliberately dropped (spam trap, auto-reply ...). Not an error for the sender. */
export class IgnoredPayloadError extends Error {
  constructor(readonly reason: string) {
    super(`ignored: ${reason}`);
    this.name = 'IgnoredPayloadError';
  }
}
