import { Migration } from '@mikro-orm/migrations';

/**
 * The trigger that keeps resolution and pauses with the status (Migration20261203300000_sla); with `recheck`,
 * it also makes an incident under a policy due for the SLA sweep when its status or policy changes.
 */
const statusTrigger = (recheck: boolean) => `create or replace function "incidents_sla_status"() returns trigger language plpgsql as $$
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
         end if;${
           recheck
             ? `
         if new.sla_policy_id is not null and (new.status is distinct from old.status or new.sla_policy_id is distinct from old.sla_policy_id) then
           new.sla_next_check_at := now();
         end if;`
             : ''
         }
         return new;
       end $$`;

/**
 * An incident under a policy is due for the SLA sweep whenever its status or its policy changes, whoever
 * changes it: an agent, a customer's reply reopening it, a workflow rule setting a policy, an unmerge, an
 * offer handed back. (Until now only an agent's edit asked for a look, so a resolved incident reopened by a
 * reply kept no clock.) The trigger that keeps resolution and pauses now also sets sla_next_check_at.
 */
export class Migration20261205000000_sla_recheck extends Migration {
  override async up(): Promise<void> {
    this.addSql(statusTrigger(true));
    this.addSql(`drop trigger if exists "incidents_sla_status" on "incidents"`);
    this.addSql(`create trigger "incidents_sla_status" before update of "status", "sla_policy_id" on "incidents" for each row execute function "incidents_sla_status"()`);
  }

  override async down(): Promise<void> {
    this.addSql(statusTrigger(false));
    this.addSql(`drop trigger if exists "incidents_sla_status" on "incidents"`);
    this.addSql(`create trigger "incidents_sla_status" before update of "status" on "incidents" for each row execute function "incidents_sla_status"()`);
  }
}
