/** WhatsApp through Twilio: the same webhook as SMS, identities `whatsapp:+E164`, ProfileName kept. */
import type { ChannelAdapter } from '../core/index.js';
import { normalizeTwilioMessage, type TwilioChannelConfig, type TwilioParams } from '../twilio-sms/twilio-webhook.js';

export const twilioWhatsAppAdapter: ChannelAdapter<TwilioChannelConfig> = {
  kind: 'whatsapp',
  normalize: (raw, config) => normalizeTwilioMessage(raw as TwilioParams, config, 'whatsapp'),
};
