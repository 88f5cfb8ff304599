/**
 * After the webhooks: what the database holds for the bench's SMS channel, against what was sent. Exactly
 * once = every MessageSid answered 200 is stored as exactly one inbound message, none twice, none the bench
 * did not send. And the conversations: a number's first message opens an incident, its next ones join it.
 */
import type pg from 'pg';

export interface ExactlyOnceResult {
  /** Distinct MessageSids sent (first deliveries). */
  sentMessageSids: number;
  /** Distinct MessageSids some delivery of which was answered 200. */
  answeredMessageSids: number;
  /** Redeliveries answered 200. */
  redeliveriesAnswered: number;
  /** Inbound messages stored on the channel. */
  storedMessages: number;
  /** MessageSids stored more than once. */
  storedTwice: number;
  /** Answered MessageSids with no message. */
  missing: number;
  /** Stored messages whose MessageSid the bench never sent. */
  unknown: number;
  /** Sent, never answered 200 (errors, time-outs), yet stored: not a fault (Twilio would redeliver). */
  storedUnanswered: number;
  /** inbound_events rows of the channel by status. */
  inboundEvents: Record<string, number>;
  pass: boolean;
  reasons: string[];
}

export interface ConversationsResult {
  /** Distinct numbers the messages came from (stored). */
  senders: number;
  incidents: number;
  /** Messages that joined an incident opened by an earlier one. */
  joined: number;
  /** Numbers whose messages went to more than one incident (e.g. two first messages at the same moment). */
  sendersWithSeveralIncidents: number;
}

export async function checkExactlyOnce(
  db: pg.Client,
  channelId: string,
  sent: { sent: ReadonlyMap<string, string>; answered: ReadonlySet<string>; redeliveriesAnswered: number },
): Promise<{ exactlyOnce: ExactlyOnceResult; conversations: ConversationsResult }> {
  const { rows } = await db.query<{ sid: string | null; n: number }>(
    `select meta->>'messageSid' as sid, count(*)::int as n from messages where channel_id = $1 and kind = 'inbound' group by 1`,
    [channelId],
  );
  const stored = new Map(rows.map((r) => [r.sid ?? '(none)', r.n]));
  let storedMessages = 0;
  let storedTwice = 0;
  let unknown = 0;
  let storedUnanswered = 0;
  for (const [sid, n] of stored) {
    storedMessages += n;
    if (n > 1) storedTwice++;
    if (!sent.sent.has(sid)) unknown += n;
    else if (!sent.answered.has(sid)) storedUnanswered++;
  }
  let missing = 0;
  for (const sid of sent.answered) if (!stored.has(sid)) missing++;

  const events = await db.query<{ status: string; n: number }>(`select status, count(*)::int as n from inbound_events where channel_id = $1 group by 1 order by 1`, [channelId]);
  const reasons = [
    ...(storedTwice ? [`${storedTwice} MessageSid(s) stored more than once`] : []),
    ...(missing ? [`${missing} MessageSid(s) answered 200 but not stored`] : []),
    ...(unknown ? [`${unknown} stored message(s) with a MessageSid the bench did not send`] : []),
    ...(sent.answered.size === 0 ? ['no webhook was answered 200'] : []),
  ];

  const [c] = (
    await db.query<{ senders: number; incidents: number; messages: number }>(
      `select count(distinct author_contact_id)::int as senders, count(distinct incident_id)::int as incidents, count(*)::int as messages
       from messages where channel_id = $1 and kind = 'inbound'`,
      [channelId],
    )
  ).rows;
  const [several] = (
    await db.query<{ n: number }>(
      `select count(*)::int as n from (select author_contact_id from messages where channel_id = $1 and kind = 'inbound'
       group by author_contact_id having count(distinct incident_id) > 1) s`,
      [channelId],
    )
  ).rows;

  return {
    exactlyOnce: {
      sentMessageSids: sent.sent.size,
      answeredMessageSids: sent.answered.size,
      redeliveriesAnswered: sent.redeliveriesAnswered,
      storedMessages,
      storedTwice,
      missing,
      unknown,
      storedUnanswered,
      inboundEvents: Object.fromEntries(events.rows.map((r) => [r.status, r.n])),
      pass: reasons.length === 0,
      reasons,
    },
    conversations: { senders: c.senders, incidents: c.incidents, joined: c.messages - c.incidents, sendersWithSeveralIncidents: several.n },
  };
}
