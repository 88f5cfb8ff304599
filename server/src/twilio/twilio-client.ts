/**
 * The twilio library's client for a channel's account. TWILIO_API_URL points it elsewhere than
 * https://api.twilio.com (the tests' local fake of the REST API; an egress proxy).
 */
import twilio from 'twilio';

export function twilioClient(accountSid: string, authToken: string, apiUrl?: string) {
  if (!apiUrl) return twilio(accountSid, authToken);
  const base = apiUrl.replace(/\/+$/, '');
  class Redirecting extends twilio.RequestClient {
    override request<T>(opts: Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0]) {
      return super.request<T>({ ...opts, uri: String(opts.uri).replace(/^https:\/\/[a-z0-9.-]*twilio\.com/i, base) } as never);
    }
  }
  return twilio(accountSid, authToken, { httpClient: new Redirecting() });
}
