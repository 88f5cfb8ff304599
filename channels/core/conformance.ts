/**
 * Conformance suite every adapter must pass: call it from the adapter's test with recorded payloads.
 * Written against Vitest's globals passed in, so channels/core stays free of test-runner imports.
 */
import { InvalidPayloadError } from './errors.js';
import type { ChannelAdapter, InboundMessage } from './types.js';

export interface ConformanceCase<Config> {
  adapter: ChannelAdapter<Config>;
  config: Config;
  /** Recorded real payloads that must normalise to at least one message. */
  valid: { name: string; raw: unknown }[];
  /** Payloads that must be refused with InvalidPayloadError. */
  invalid: { name: string; raw: unknown }[];
}

interface TestApi {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => void | Promise<void>): void;
  expect: (value: unknown) => any;
}

export function channelConformance<Config>(t: TestApi, c: ConformanceCase<Config>): void {
  const { describe, it, expect } = t;
  describe(`${c.adapter.kind} adapter conformance`, () => {
    for (const { name, raw } of c.valid) {
      it(`normalises ${name} into well-formed messages`, async () => {
        const messages = await c.adapter.normalize(raw, c.config);
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) assertWellFormed(m, c.adapter.kind, expect);
      });
      it(`gives ${name} the same idempotency key every time (a redelivery is recognised)`, async () => {
        const a = (await c.adapter.normalize(structuredClone(raw), c.config)).map((m) => m.idempotencyKey);
        const b = (await c.adapter.normalize(structuredClone(raw), c.config)).map((m) => m.idempotencyKey);
        expect(a).toEqual(b);
      });
      it(`does not mutate ${name}`, async () => {
        const copy = structuredClone(raw);
        await c.adapter.normalize(copy, c.config);
        expect(copy).toEqual(raw);
      });
    }
    for (const { name, raw } of c.invalid) {
      it(`refuses ${name} with InvalidPayloadError`, async () => {
        // A synchronous throw and a rejection are both a refusal.
        await expect(Promise.resolve().then(() => c.adapter.normalize(raw, c.config))).rejects.toThrow(InvalidPayloadError);
      });
    }
  });
}

function assertWellFormed(m: InboundMessage, kind: string, expect: TestApi['expect']): void {
  expect(m.kind).toBe(kind);
  expect(typeof m.idempotencyKey).toBe('string');
  expect(m.idempotencyKey.length).toBeGreaterThan(0);
  expect(m.idempotencyKey.length).toBeLessThanOrEqual(255);
  expect(m.sentAt).toBeInstanceOf(Date);
  expect(Number.isNaN(m.sentAt.getTime())).toBe(false);
  expect(typeof m.text).toBe('string');
  expect(Boolean(m.from.email || m.from.phone || m.from.name)).toBe(true);
  if (m.from.email) expect(m.from.email).toBe(m.from.email.toLowerCase());
  if (m.from.phone) expect(m.from.phone).toMatch(/^\+[1-9]\d{6,14}$/);
  expect(() => JSON.stringify(m.meta ?? {})).not.toThrow();
}
