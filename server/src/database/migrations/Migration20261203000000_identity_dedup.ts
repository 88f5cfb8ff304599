import { Migration } from '@mikro-orm/migrations';

/**
 * One customer, one incident:
 * - contact identities: a contact has many addresses and numbers, each unique across contacts (what intake
 *   recognises a sender by); contacts merge into one another (undoable: contact_merges keeps what moved);
 * - customers get a zone and a branch (routing conditions) and contacts a name key (likely-same suggestions);
 * - incidents merge (incident_merges keeps what moved and how both were, for unmerge; a request that joined
 *   an incident by itself has no source incident until it is unmerged), duplicate suggestions wait for an agent,
 *   and a department may set its own duplicate thresholds and window.
 */
export class Migration20261203000000_identity_dedup extends Migration {
  override async up(): Promise<void> {
    const statements = [
      `create table "contact_identities" (
        "id" uuid not null,
        "contact_id" uuid not null references "contacts" ("id") on update cascade on delete cascade,
        "kind" text check ("kind" in ('email', 'phone')) not null,
        "value" varchar(254) not null,
        "created_at" timestamptz not null,
        constraint "contact_identities_pkey" primary key ("id"))`,
      `create unique index "contact_identities_kind_value_unique" on "contact_identities" ("kind", "value")`,
      `create index "contact_identities_contact_id_index" on "contact_identities" ("contact_id")`,
      `insert into "contact_identities" ("id", "contact_id", "kind", "value", "created_at")
         select gen_random_uuid(), "id", 'email', "email", "created_at" from "contacts" where "email" is not null`,
      `insert into "contact_identities" ("id", "contact_id", "kind", "value", "created_at")
         select gen_random_uuid(), "id", 'phone', "phone", "created_at" from "contacts" where "phone" is not null`,
      `alter table "contacts" add column "merged_into_id" uuid null references "contacts" ("id") on update cascade on delete set null`,
      `alter table "contacts" add column "name_key" varchar(200) null`,
      // as domain/identity nameKey() computes it (for the letters of Spanish, English and Romanian)
      `update "contacts" set "name_key" = trim(regexp_replace(lower(translate("name", 'áàäâãéèëêíìïîóòöôõúùüûñçăâîșşțţÁÀÄÂÉÈËÍÌÏÓÒÖÚÙÜÑÇĂÂÎȘŞȚŢ', 'aaaaaeeeeiiiiooooouuuuncaaissttAAAAEEEIIIOOOUUUNCAAISSTT')), '[^a-z0-9]+', ' ', 'g'))`,
      `create index "contacts_name_key_index" on "contacts" ("name_key") where "merged_into_id" is null`,
      `alter table "customers" add column "zone" varchar(100) null`,
      `alter table "customers" add column "branch" varchar(100) null`,
      `create table "contact_merges" (
        "id" uuid not null,
        "target_id" uuid not null references "contacts" ("id") on update cascade on delete cascade,
        "source_id" uuid not null references "contacts" ("id") on update cascade on delete cascade,
        "moved" jsonb not null,
        "actor_id" uuid null references "users" ("id") on update cascade on delete set null,
        "created_at" timestamptz not null,
        "undone_at" timestamptz null,
        "undone_by" uuid null references "users" ("id") on update cascade on delete set null,
        constraint "contact_merges_pkey" primary key ("id"))`,
      `create index "contact_merges_target_id_index" on "contact_merges" ("target_id")`,
      `alter table "incidents" add column "merged_into_id" uuid null references "incidents" ("id") on update cascade on delete set null`,
      // Duplicate candidates: the open incidents of a contact, or of a customer, recently active.
      `create index "incidents_open_contact_index" on "incidents" ("contact_id", "last_message_at") where "status" in ('new', 'open', 'pending')`,
      `create index "incidents_open_customer_index" on "incidents" ("customer_id", "last_message_at") where "status" in ('new', 'open', 'pending') and "customer_id" is not null`,
      `create table "incident_merges" (
        "id" uuid not null,
        "source_id" uuid null references "incidents" ("id") on update cascade on delete cascade,
        "target_id" uuid not null references "incidents" ("id") on update cascade on delete cascade,
        "automatic" boolean not null,
        "score" real null,
        "reasons" jsonb not null default '[]',
        "note" text null,
        "moved_messages" uuid[] not null,
        "moved_calls" uuid[] not null default '{}',
        "before" jsonb not null,
        "released" jsonb null,
        "actor_id" uuid null references "users" ("id") on update cascade on delete set null,
        "created_at" timestamptz not null,
        "undone_at" timestamptz null,
        "undone_by" uuid null references "users" ("id") on update cascade on delete set null,
        constraint "incident_merges_pkey" primary key ("id"))`,
      `create index "incident_merges_target_id_index" on "incident_merges" ("target_id")`,
      `create index "incident_merges_source_id_index" on "incident_merges" ("source_id")`,
      `create table "duplicate_suggestions" (
        "id" uuid not null,
        "incident_id" uuid not null references "incidents" ("id") on update cascade on delete cascade,
        "candidate_id" uuid not null references "incidents" ("id") on update cascade on delete cascade,
        "score" real not null,
        "reasons" jsonb not null,
        "status" text check ("status" in ('open', 'merged', 'dismissed')) not null default 'open',
        "created_at" timestamptz not null,
        "decided_by" uuid null references "users" ("id") on update cascade on delete set null,
        "decided_at" timestamptz null,
        constraint "duplicate_suggestions_pkey" primary key ("id"))`,
      `create unique index "duplicate_suggestions_pair_unique" on "duplicate_suggestions" ("incident_id", "candidate_id")`,
      `create index "duplicate_suggestions_candidate_id_index" on "duplicate_suggestions" ("candidate_id")`,
      `alter table "departments" add column "dedup_policy" jsonb null`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of [
      `alter table "departments" drop column if exists "dedup_policy"`,
      `drop table if exists "duplicate_suggestions"`,
      `drop table if exists "incident_merges"`,
      `drop index if exists "incidents_open_customer_index"`,
      `drop index if exists "incidents_open_contact_index"`,
      `alter table "incidents" drop column if exists "merged_into_id"`,
      `drop table if exists "contact_merges"`,
      `alter table "customers" drop column if exists "branch"`,
      `alter table "customers" drop column if exists "zone"`,
      `alter table "contacts" drop column if exists "name_key"`,
      `alter table "contacts" drop column if exists "merged_into_id"`,
      `drop table if exists "contact_identities"`,
    ])
      this.addSql(sql);
  }
}
