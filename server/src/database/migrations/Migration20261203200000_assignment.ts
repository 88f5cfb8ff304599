import { Migration } from '@mikro-orm/migrations';

/**
 * Assignment to the most qualified free technician: technicians' skills (with levels), zones, capacity,
 * working hours and absences; the skills each service type needs; each department's supervisor and how
 * long an offer waits for an answer; and the offers themselves (offered -> confirmed / declined / expired /
 * withdrawn). An offer's id is the incident's assignment_id while it stands.
 */
export class Migration20261203200000_assignment extends Migration {
  override async up(): Promise<void> {
    for (const sql of [
      `create table "technician_profiles" (
        "user_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "skills" jsonb not null default '{}',
        "zones" text[] not null default '{}',
        "capacity" int not null default 5 check ("capacity" >= 0),
        "working_hours" jsonb not null,
        "time_zone" varchar(64) not null,
        "updated_at" timestamptz not null,
        constraint "technician_profiles_pkey" primary key ("user_id"))`,
      `create table "absences" (
        "id" uuid not null,
        "user_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "starts_at" timestamptz not null,
        "ends_at" timestamptz not null check ("ends_at" > "starts_at"),
        "reason" varchar(200) null,
        "created_at" timestamptz not null,
        constraint "absences_pkey" primary key ("id"))`,
      `create index "absences_user_id_ends_at_index" on "absences" ("user_id", "ends_at")`,
      `create table "service_types" (
        "name" varchar(100) not null,
        "required_skills" jsonb not null default '{}',
        "updated_at" timestamptz not null,
        constraint "service_types_pkey" primary key ("name"))`,
      `alter table "departments" add column "supervisor_id" uuid null references "users" ("id") on update cascade on delete set null`,
      `alter table "departments" add column "offer_minutes" int not null default 30 check ("offer_minutes" between 1 and 10080)`,
      `create table "assignment_offers" (
        "id" uuid not null,
        "incident_id" uuid not null references "incidents" ("id") on update cascade on delete cascade,
        "technician_id" uuid not null references "users" ("id") on update cascade on delete cascade,
        "status" text check ("status" in ('offered', 'confirmed', 'declined', 'expired', 'withdrawn')) not null,
        "round" int not null,
        "reasons" jsonb not null default '[]',
        "offered_at" timestamptz not null,
        "expires_at" timestamptz not null,
        "answered_at" timestamptz null,
        "via" varchar(20) null,
        constraint "assignment_offers_pkey" primary key ("id"))`,
      `create index "assignment_offers_incident_id_index" on "assignment_offers" ("incident_id")`,
      `create unique index "assignment_offers_one_open_unique" on "assignment_offers" ("incident_id") where "status" = 'offered'`,
      `create index "assignment_offers_expiry_index" on "assignment_offers" ("expires_at") where "status" = 'offered'`,
      `create index "assignment_offers_technician_index" on "assignment_offers" ("technician_id", "offered_at")`,
      `create index "incidents_open_assignee_index" on "incidents" ("assignee_id") where "status" in ('new', 'open', 'pending')`,
    ])
      this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of [
      `drop index if exists "incidents_open_assignee_index"`,
      `drop table if exists "assignment_offers"`,
      `alter table "departments" drop column if exists "offer_minutes"`,
      `alter table "departments" drop column if exists "supervisor_id"`,
      `drop table if exists "service_types"`,
      `drop table if exists "absences"`,
      `drop table if exists "technician_profiles"`,
    ])
      this.addSql(sql);
  }
}
