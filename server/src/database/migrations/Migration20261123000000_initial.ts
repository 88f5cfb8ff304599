import { Migration } from '@mikro-orm/migrations';

/** Users, departments, sessions, channels, customers and contacts, inbound events, incidents, messages, audit. */
export class Migration20261123000000_initial extends Migration {
  override async up(): Promise<void> {
    const statements = [
      `create table "departments" ("id" uuid not null, "name" varchar(120) not null, "created_at" timestamptz not null, constraint "departments_pkey" primary key ("id"))`,
      `alter table "departments" add constraint "departments_name_unique" unique ("name")`,

      `create table "users" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(200) not null, "password_hash" varchar(255) not null, "role" text check ("role" in ('admin', 'agent', 'technician')) not null, "locale" text check ("locale" in ('es', 'en', 'ro')) not null default 'es', "active" boolean not null default true, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"))`,
      `alter table "users" add constraint "users_email_unique" unique ("email")`,
      `create index "users_role_index" on "users" ("role")`,
      `create table "user_departments" ("user_id" uuid not null references "users" ("id") on update cascade on delete cascade, "department_id" uuid not null references "departments" ("id") on update cascade on delete cascade, constraint "user_departments_pkey" primary key ("user_id", "department_id"))`,

      `create table "sessions" ("token_hash" varchar(64) not null, "user_id" uuid not null references "users" ("id") on update cascade on delete cascade, "csrf_token" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "sessions_pkey" primary key ("token_hash"))`,
      `create index "sessions_user_id_index" on "sessions" ("user_id")`,
      `create index "sessions_expires_at_index" on "sessions" ("expires_at")`,

      `create table "channels" ("id" uuid not null, "kind" text check ("kind" in ('webform', 'email', 'sms', 'whatsapp', 'phone')) not null, "name" varchar(200) not null, "key" varchar(64) not null, "config" jsonb not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "channels_pkey" primary key ("id"))`,
      `alter table "channels" add constraint "channels_key_unique" unique ("key")`,

      `create table "customers" ("id" uuid not null, "name" varchar(200) not null, "created_at" timestamptz not null, constraint "customers_pkey" primary key ("id"))`,
      `create table "contacts" ("id" uuid not null, "customer_id" uuid null references "customers" ("id") on update cascade on delete set null, "name" varchar(200) not null, "email" varchar(254) null, "phone" varchar(20) null, "locale" varchar(5) null, "created_at" timestamptz not null, constraint "contacts_pkey" primary key ("id"))`,
      `create index "contacts_customer_id_index" on "contacts" ("customer_id")`,
      // One contact per address and per number; both optional.
      `create unique index "contacts_email_unique" on "contacts" ("email") where "email" is not null`,
      `create unique index "contacts_phone_unique" on "contacts" ("phone") where "phone" is not null`,

      `create table "inbound_events" ("id" uuid not null, "channel_id" uuid not null references "channels" ("id") on update cascade on delete restrict, "idempotency_key" varchar(255) not null, "payload" jsonb not null, "status" text check ("status" in ('received', 'processed', 'ignored', 'failed', 'invalid')) not null default 'received', "attempts" int not null default 0, "error" text null, "incident_id" uuid null, "message_id" uuid null, "received_at" timestamptz not null, "processed_at" timestamptz null, constraint "inbound_events_pkey" primary key ("id"))`,
      `create index "inbound_events_status_received_at_index" on "inbound_events" ("status", "received_at")`,
      `alter table "inbound_events" add constraint "inbound_events_channel_id_idempotency_key_unique" unique ("channel_id", "idempotency_key")`,

      `create sequence "incident_reference_seq" start with 1001`,
      `create table "incidents" ("id" uuid not null, "reference" varchar(20) not null, "subject" varchar(200) not null, "status" text check ("status" in ('new', 'open', 'pending', 'resolved', 'closed')) not null default 'new', "priority" text check ("priority" in ('low', 'normal', 'high', 'urgent')) not null default 'normal', "department_id" uuid null references "departments" ("id") on update cascade on delete set null, "assignee_id" uuid null references "users" ("id") on update cascade on delete set null, "contact_id" uuid null references "contacts" ("id") on update cascade on delete set null, "customer_id" uuid null references "customers" ("id") on update cascade on delete set null, "channel_kind" text check ("channel_kind" in ('webform', 'email', 'sms', 'whatsapp', 'phone')) not null, "channel_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "last_message_at" timestamptz not null, "last_message_preview" varchar(200) not null default '', "message_count" int not null default 0, "version" int not null default 1, constraint "incidents_pkey" primary key ("id"))`,
      `alter table "incidents" add constraint "incidents_reference_unique" unique ("reference")`,
      `create index "incidents_department_id_index" on "incidents" ("department_id")`,
      `create index "incidents_assignee_id_index" on "incidents" ("assignee_id")`,
      `create index "incidents_contact_id_index" on "incidents" ("contact_id")`,
      `create index "incidents_status_index" on "incidents" ("status")`,
      `create index "incidents_updated_at_id_index" on "incidents" ("updated_at", "id")`,

      `create table "messages" ("id" uuid not null, "incident_id" uuid not null references "incidents" ("id") on update cascade on delete cascade, "kind" text check ("kind" in ('inbound', 'outbound', 'note')) not null, "channel_kind" text check ("channel_kind" in ('webform', 'email', 'sms', 'whatsapp', 'phone')) null, "body" text not null, "author_user_id" uuid null references "users" ("id") on update cascade on delete set null, "author_contact_id" uuid null references "contacts" ("id") on update cascade on delete set null, "inbound_event_id" uuid null, "created_at" timestamptz not null, constraint "messages_pkey" primary key ("id"))`,
      `alter table "messages" add constraint "messages_inbound_event_id_unique" unique ("inbound_event_id")`,
      `create index "messages_incident_id_created_at_index" on "messages" ("incident_id", "created_at")`,

      `create table "audit_log" ("id" uuid not null, "entity_type" varchar(40) not null, "entity_id" uuid not null, "actor_id" uuid null references "users" ("id") on update cascade on delete set null, "action" varchar(60) not null, "changes" jsonb not null, "created_at" timestamptz not null, constraint "audit_log_pkey" primary key ("id"))`,
      `create index "audit_log_entity_type_entity_id_created_at_index" on "audit_log" ("entity_type", "entity_id", "created_at")`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const table of ['audit_log', 'messages', 'incidents', 'inbound_events', 'contacts', 'customers', 'channels', 'sessions', 'user_departments', 'users', 'departments']) {
      this.addSql(`drop table if exists "${table}" cascade`);
    }
    this.addSql(`drop sequence if exists "incident_reference_seq"`);
  }
}
