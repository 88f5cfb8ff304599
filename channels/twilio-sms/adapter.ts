/** SMS through Twilio: see twilio-webhook.ts. */
import type { ChannelAdapter } from '../core/index.js';
import { normalizeTwilioMessage, type TwilioChannelConfig, type TwilioParams } from './twilio-webhook.js';

export const twilioSmsAdapter: ChannelAdapter<TwilioChannelConfig> = {
  kind: 'sms',
  normalize: (raw, config) => normalizeTwilioMessage(raw as TwilioParams, config, 'sms'),
};
