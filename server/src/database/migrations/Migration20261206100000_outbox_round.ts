import { Migration } from '@mikro-orm/migrations';

/**
 * An outbox row's round of sending: 0 as queued, one more each time an agent sends it again. An agent's "send
 * again" starts the attempts afresh (a mail whose retries ran out gets its retries again); the round keeps the
 * job of each attempt apart from the jobs of earlier rounds, which the queue may still hold.
 */
export class Migration20261206100000_outbox_round extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox" add column "round" int not null default 0`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox" drop column "round"`);
  }
}
