import { Migration } from '@mikro-orm/migrations';

/**
 * What the sweeps that pick up after a crash read, indexed by time, so that each sweep costs the last hour's or
 * day's rows, not the whole history: rule firings (their effects, a rule's assign-best), SLA events (their
 * notices), declined and expired offers (the next offer that never followed).
 */
export class Migration20261205100000_sweep_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "audit_log_rule_fired_created_at_index" on "audit_log" ("created_at") where "action" = 'rule.fired'`);
    this.addSql(`create index "sla_events_created_at_index" on "sla_events" ("created_at")`);
    this.addSql(`create index "assignment_offers_ended_index" on "assignment_offers" ("answered_at") where "status" in ('declined', 'expired')`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "assignment_offers_ended_index"`);
    this.addSql(`drop index if exists "sla_events_created_at_index"`);
    this.addSql(`drop index if exists "audit_log_rule_fired_created_at_index"`);
  }
}
