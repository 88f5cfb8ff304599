import { Migration } from '@mikro-orm/migrations';

/**
 * Service addresses compared: each incident keeps, next to the address as written, its comparison key
 * (server/src/domain/dedup/site.ts: case, accents, abbreviations away), so duplicate detection finds the open
 * incidents at the same address whoever reports them. Index-backed like the contact and customer candidates.
 */
export class Migration20261204000000_site extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "incidents" add column "site_key" varchar(300) null`);
    this.addSql(
      `create index "incidents_open_site_index" on "incidents" ("site_key", "last_message_at") where "status" in ('new', 'open', 'pending') and "site_key" is not null`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "incidents_open_site_index"`);
    this.addSql(`alter table "incidents" drop column if exists "site_key"`);
  }
}
