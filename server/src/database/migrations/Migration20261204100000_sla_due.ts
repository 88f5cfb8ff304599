import { Migration } from '@mikro-orm/migrations';

/**
 * The SLA sweep reads only the incidents whose clocks are due to move: each incident under a policy keeps
 * when it next needs a look (its next warning point or due time, at most an hour ahead while open; none once
 * closed), and the sweep takes those due (index incidents_sla_next_check_index) instead of every open one.
 * Incidents already under a policy are due at once, so the first sweep sets their time.
 */
export class Migration20261204100000_sla_due extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "incidents" add column "sla_next_check_at" timestamptz null`);
    this.addSql(`create index "incidents_sla_next_check_index" on "incidents" ("sla_next_check_at") where "sla_next_check_at" is not null`);
    this.addSql(`update "incidents" set "sla_next_check_at" = now() where "sla_policy_id" is not null and ("status" in ('new', 'open', 'pending') or "resolved_at" > now() - interval '1 hour')`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "incidents_sla_next_check_index"`);
    this.addSql(`alter table "incidents" drop column if exists "sla_next_check_at"`);
  }
}
