import { Migration } from '@mikro-orm/migrations';

/**
 * SLAs: business calendars (time zone, weekly hours, holidays) and policies (first-response and
 * resolution targets, warning point, actions). Each incident records its first response, its resolution
 * and its pauses (time in 'pending', waiting for the customer) — kept by triggers, so that every path that
 * changes a status or sends an agent's reply counts, whoever wrote it. sla_events holds each warning and
 * breach once (unique): the worker acts on an event only when it inserted it.
 */
export class Migration20261203300000_sla extends Migration {
  override async up(): Promise<void> {
    for (const sql of [
      `create table "business_calendars" (
        "id" uuid not null,
        "name" varchar(120) not null,
        "time_zone" varchar(64) not null,
        "hours" jsonb not null,
        "holidays" text[] not null default '{}',
        "created_at" timestamptz not null,
        constraint "business_calendars_pkey" primary key ("id"))`,
      `create table "sla_policies" (
        "id" uuid not null,
        "name" varchar(120) not null,
        "first_response_minutes" int null check ("first_response_minutes" > 0),
        "resolution_minutes" int null check ("resolution_minutes" > 0),
        "warn_at_percent" int not null default 80 check ("warn_at_percent" between 1 and 100),
        "calendar_id" uuid null references "business_calendars" ("id") on update cascade on delete set null,
        "actions" jsonb not null default '[]',
        "created_at" timestamptz not null,
        constraint "sla_policies_pkey" primary key ("id"))`,
      `alter table "incidents" add constraint "incidents_sla_policy_id_foreign" foreign key ("sla_policy_id") references "sla_policies" ("id") on update cascade on delete set null`,
      `alter table "incidents" add column "first_response_at" timestamptz null`,
      `alter table "incidents" add column "resolved_at" timestamptz null`,
      `alter table "incidents" add column "sla_state" jsonb null`,
      `create index "incidents_sla_open_index" on "incidents" ("sla_policy_id") where "sla_policy_id" is not null and "status" in ('new', 'open', 'pending')`,
      `create table "sla_pauses" (
        "id" uuid not null default gen_random_uuid(),
        "incident_id" uuid not null references "incidents" ("id") on update cascade on delete cascade,
        "started_at" timestamptz not null,
        "ended_at" timestamptz null,
        constraint "sla_pauses_pkey" primary key ("id"))`,
      `create index "sla_pauses_incident_id_index" on "sla_pauses" ("incident_id")`,
      `create table "sla_events" (
        "id" uuid not null default gen_random_uuid(),
        "incident_id" uuid not null references "incidents" ("id") on update cascade on delete cascade,
        "target" text check ("target" in ('first-response', 'resolution')) not null,
        "state" text check ("state" in ('warning', 'breached')) not null,
        "due_at" timestamptz not null,
        "created_at" timestamptz not null default now(),
        constraint "sla_events_pkey" primary key ("id"))`,
      `create unique index "sla_events_once_unique" on "sla_events" ("incident_id", "target", "state")`,
      // Resolution and pauses follow the status, whoever changes it.
      `create or replace function "incidents_sla_status"() returns trigger language plpgsql as $$
       begin
         if new.status is distinct from old.status then
           if new.status = 'pending' then
             insert into sla_pauses (incident_id, started_at) values (new.id, now());
           elsif old.status = 'pending' then
             update sla_pauses set ended_at = now() where incident_id = new.id and ended_at is null;
           end if;
           if new.status in ('resolved', 'closed') and new.resolved_at is null then
             new.resolved_at := now();
           elsif new.status in ('new', 'open', 'pending') then
             new.resolved_at := null;
           end if;
         end if;
         return new;
       end $$`,
      `create trigger "incidents_sla_status" before update of "status" on "incidents" for each row execute function "incidents_sla_status"()`,
      // The first answer an agent sends is the first response.
      `create or replace function "messages_first_response"() returns trigger language plpgsql as $$
       begin
         if new.kind = 'outbound' and new.author_user_id is not null then
           update incidents set first_response_at = new.created_at where id = new.incident_id and first_response_at is null;
         end if;
         return new;
       end $$`,
      `create trigger "messages_first_response" after insert on "messages" for each row execute function "messages_first_response"()`,
    ])
      this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of [
      `drop trigger if exists "messages_first_response" on "messages"`,
      `drop function if exists "messages_first_response"()`,
      `drop trigger if exists "incidents_sla_status" on "incidents"`,
      `drop function if exists "incidents_sla_status"()`,
      `drop table if exists "sla_events"`,
      `drop table if exists "sla_pauses"`,
      `drop index if exists "incidents_sla_open_index"`,
      `alter table "incidents" drop column if exists "sla_state"`,
      `alter table "incidents" drop column if exists "resolved_at"`,
      `alter table "incidents" drop column if exists "first_response_at"`,
      `alter table "incidents" drop constraint if exists "incidents_sla_policy_id_foreign"`,
      `drop table if exists "sla_policies"`,
      `drop table if exists "business_calendars"`,
    ])
      this.addSql(sql);
  }
}
