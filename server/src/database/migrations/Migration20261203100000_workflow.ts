import { Migration } from '@mikro-orm/migrations';

/**
 * Workflow rules: ordered, edited by admins, evaluated when an incident is created or changes (each firing
 * is an audit entry 'rule.fired' on the incident's timeline). Incidents get what rules read and set beyond
 * department and priority: the maintenance kind, tags and the SLA policy (service_type is the incident's type).
 */
export class Migration20261203100000_workflow extends Migration {
  override async up(): Promise<void> {
    for (const sql of [
      `create table "workflow_rules" (
        "id" uuid not null,
        "name" varchar(200) not null,
        "position" int not null,
        "active" boolean not null default true,
        "triggers" text[] not null,
        "match" text check ("match" in ('all', 'any')) not null default 'all',
        "conditions" jsonb not null,
        "actions" jsonb not null,
        "created_by" uuid null references "users" ("id") on update cascade on delete set null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "version" int not null default 1,
        constraint "workflow_rules_pkey" primary key ("id"))`,
      `create index "workflow_rules_position_index" on "workflow_rules" ("position")`,
      `alter table "incidents" add column "maintenance_kind" text check ("maintenance_kind" in ('preventive', 'conductive', 'corrective', 'inductive')) null`,
      `alter table "incidents" add column "tags" text[] not null default '{}'`,
      `alter table "incidents" add column "sla_policy_id" uuid null`,
    ])
      this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of [
      `alter table "incidents" drop column if exists "sla_policy_id"`,
      `alter table "incidents" drop column if exists "tags"`,
      `alter table "incidents" drop column if exists "maintenance_kind"`,
      `drop table if exists "workflow_rules"`,
    ])
      this.addSql(sql);
  }
}
