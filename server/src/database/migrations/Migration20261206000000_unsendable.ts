import { Migration } from '@mikro-orm/migrations';

/**
 * Messages found unsendable (outbox-key.ts: recordUnsendable) are audit entries the sweeps look up by their
 * outbox key: indexed by it, for those entries only, and unique, so that two processes finding the same message
 * unsendable at once write one entry.
 */
export class Migration20261206000000_unsendable extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create unique index "audit_log_unsendable_key_index" on "audit_log" ((changes->'sourceId'->>'to'), (changes->'kind'->>'to')) where "action" = 'notice.unsendable'`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "audit_log_unsendable_key_index"`);
  }
}
