import { Migration } from '@mikro-orm/migrations';

/**
 * Phone calls: one row per call, merged from its events (CTI newCall / answer / hangup, Twilio Voice status
 * callbacks; each event is also an inbound_events row, unique per (channel, event)), or logged by hand.
 * The call's timeline entry is a message (channel_kind 'phone') pointing back at it.
 */
export class Migration20261202000000_phone extends Migration {
  override async up(): Promise<void> {
    const statements = [
      `create table "calls" (
        "id" uuid not null,
        "channel_id" uuid null references "channels" ("id") on update cascade on delete set null,
        "call_id" varchar(255) null,
        "source" text check ("source" in ('cti', 'twilio', 'manual')) not null,
        "direction" text check ("direction" in ('in', 'out')) not null,
        "from_number" text null,
        "to_number" text null,
        "agent_user_id" uuid null references "users" ("id") on update cascade on delete set null,
        "agent_label" text null,
        "queue" text null,
        "outcome" text check ("outcome" in ('ringing', 'in-progress', 'answered', 'missed', 'busy', 'failed')) not null,
        "started_at" timestamptz null,
        "answered_at" timestamptz null,
        "ended_at" timestamptz null,
        "duration_seconds" int null,
        "cause" text null,
        "answering_number" text null,
        "recording_url" text null,
        "notes" text null,
        "state" jsonb not null,
        "contact_id" uuid null references "contacts" ("id") on update cascade on delete set null,
        "incident_id" uuid null references "incidents" ("id") on update cascade on delete set null,
        "message_id" uuid null references "messages" ("id") on update cascade on delete set null,
        "created_by" uuid null references "users" ("id") on update cascade on delete set null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        constraint "calls_pkey" primary key ("id"))`,
      `create unique index "calls_channel_id_call_id_unique" on "calls" ("channel_id", "call_id") where "call_id" is not null`,
      `create index "calls_created_at_index" on "calls" ("created_at")`,
      `create index "calls_contact_id_index" on "calls" ("contact_id") where "contact_id" is not null`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calls"`);
  }
}
