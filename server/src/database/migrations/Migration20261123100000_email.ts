import { Migration } from '@mikro-orm/migrations';

/**
 * The e-mail channel: mailbox sync state, what a message needs for threading and for showing mail
 * (Message-ID, who sent it, sanitised HTML and the rest of the e-mail meta, flags, delivery status),
 * attachments, the outbox, and more addresses per user (technicians reply from their phones).
 */
export class Migration20261123100000_email extends Migration {
  override async up(): Promise<void> {
    const statements = [
      `create table "mailbox_sync" ("channel_id" uuid not null references "channels" ("id") on update cascade on delete cascade, "folder" varchar(200) not null, "uid_validity" bigint not null, "last_uid" bigint not null default 0, "fetched_messages" bigint not null default 0, "fetched_bytes" bigint not null default 0, "synced_at" timestamptz null, "last_error" text null, "updated_at" timestamptz not null, constraint "mailbox_sync_pkey" primary key ("channel_id", "folder"))`,

      `alter table "messages" add column "channel_id" uuid null`,
      // The RFC 5322 Message-ID (normalised, <local@domain>) of a mail received or sent: threading looks replies up by it.
      `alter table "messages" add column "external_id" varchar(998) null`,
      `alter table "messages" add column "sender_kind" text check ("sender_kind" in ('customer', 'contact', 'technician', 'agent', 'unknown')) null`,
      `alter table "messages" add column "meta" jsonb null`,
      `alter table "messages" add column "flags" text[] not null default '{}'`,
      `alter table "messages" add column "delivery_status" text check ("delivery_status" in ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'bounced')) null`,
      `alter table "messages" add column "delivery_error" text null`,
      `create index "messages_channel_id_external_id_index" on "messages" ("channel_id", "external_id") where "external_id" is not null`,

      `create table "attachments" ("id" uuid not null, "message_id" uuid not null references "messages" ("id") on update cascade on delete cascade, "filename" varchar(255) not null, "content_type" varchar(127) not null, "declared_type" varchar(127) null, "size" int not null, "sha256" char(64) not null, "inline" boolean not null default false, "cid" varchar(255) null, "source" varchar(500) null, "content" bytea null, "rejected" varchar(200) null, "created_at" timestamptz not null, constraint "attachments_pkey" primary key ("id"))`,
      `create index "attachments_message_id_index" on "attachments" ("message_id")`,
      // Where a file was fetched from (Twilio media URL): fetched once per message, however often retried.
      `create unique index "attachments_message_id_source_unique" on "attachments" ("message_id", "source") where "source" is not null`,

      // One row per mail to send. `source_id`: what an automatic mail is about (the inbound message it acknowledges,
      // the assignment a service order is for): one mail of a kind per source, however often it is processed.
      `create table "outbox" ("id" uuid not null, "message_id" uuid null references "messages" ("id") on update cascade on delete cascade, "source_id" uuid null, "channel_id" uuid not null references "channels" ("id") on update cascade on delete cascade, "kind" varchar(40) not null, "automatic" boolean not null default false, "recipient" varchar(254) not null, "mail" jsonb not null, "status" text check ("status" in ('queued', 'sending', 'sent', 'failed', 'suppressed')) not null default 'queued', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "outbox_pkey" primary key ("id"))`,
      `create index "outbox_status_next_attempt_at_index" on "outbox" ("status", "next_attempt_at")`,
      `create index "outbox_recipient_created_at_index" on "outbox" ("recipient", "created_at")`,
      `create unique index "outbox_kind_source_message_id_unique" on "outbox" ("kind", "source_id") where "source_id" is not null`,
      // A permanent bounce marks the address: automatic mail stops going there until it changes.
      `alter table "contacts" add column "email_undeliverable_at" timestamptz null`,

      `alter table "users" add column "extra_emails" text[] not null default '{}'`,
      // A technician's registered mobile (E.164): service orders by SMS, and only answers from it count.
      `alter table "users" add column "phone" varchar(20) null`,
      `create unique index "users_phone_unique" on "users" ("phone") where "phone" is not null`,

      // The technician's answer to the current assignment (a new assignment_id per assignment), and what a
      // service order tells them.
      `alter table "incidents" add column "assignment_id" uuid null`,
      `alter table "incidents" add column "assignment_status" text check ("assignment_status" in ('pending', 'confirmed', 'declined')) null`,
      `alter table "incidents" add column "site_address" varchar(300) null`,
      `alter table "incidents" add column "asset" varchar(200) null`,
      `alter table "incidents" add column "service_type" varchar(100) null`,
      `alter table "incidents" add column "requested_window" varchar(200) null`,
      `create index "incidents_assignment_status_index" on "incidents" ("assignment_status") where "assignment_status" = 'pending'`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "extra_emails"`);
    this.addSql(`alter table "users" drop column "phone"`);
    for (const c of ['assignment_id', 'assignment_status', 'site_address', 'asset', 'service_type', 'requested_window']) this.addSql(`alter table "incidents" drop column "${c}"`);
    this.addSql(`alter table "contacts" drop column "email_undeliverable_at"`);
    this.addSql(`drop table if exists "outbox"`);
    this.addSql(`drop table if exists "attachments"`);
    for (const c of ['channel_id', 'external_id', 'sender_kind', 'meta', 'flags', 'delivery_status', 'delivery_error']) this.addSql(`alter table "messages" drop column "${c}"`);
    this.addSql(`drop table if exists "mailbox_sync"`);
  }
}
