import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_initial } from './Migration20261123000000_initial.js';
import { Migration20261123100000_email } from './Migration20261123100000_email.js';
import { Migration20261202000000_phone } from './Migration20261202000000_phone.js';
import { Migration20261203000000_identity_dedup } from './Migration20261203000000_identity_dedup.js';
import { Migration20261203100000_workflow } from './Migration20261203100000_workflow.js';
import { Migration20261203200000_assignment } from './Migration20261203200000_assignment.js';
import { Migration20261203300000_sla } from './Migration20261203300000_sla.js';
import { Migration20261204000000_site } from './Migration20261204000000_site.js';
import { Migration20261204100000_sla_due } from './Migration20261204100000_sla_due.js';
import { Migration20261205000000_sla_recheck } from './Migration20261205000000_sla_recheck.js';
import { Migration20261205100000_sweep_indexes } from './Migration20261205100000_sweep_indexes.js';
import { Migration20261206000000_unsendable } from './Migration20261206000000_unsendable.js';
import { Migration20261206100000_outbox_round } from './Migration20261206100000_outbox_round.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123000000_initial', class: Migration20261123000000_initial },
  { name: 'Migration20261123100000_email', class: Migration20261123100000_email },
  { name: 'Migration20261202000000_phone', class: Migration20261202000000_phone },
  { name: 'Migration20261203000000_identity_dedup', class: Migration20261203000000_identity_dedup },
  { name: 'Migration20261203100000_workflow', class: Migration20261203100000_workflow },
  { name: 'Migration20261203200000_assignment', class: Migration20261203200000_assignment },
  { name: 'Migration20261203300000_sla', class: Migration20261203300000_sla },
  { name: 'Migration20261204000000_site', class: Migration20261204000000_site },
  { name: 'Migration20261204100000_sla_due', class: Migration20261204100000_sla_due },
  { name: 'Migration20261205000000_sla_recheck', class: Migration20261205000000_sla_recheck },
  { name: 'Migration20261205100000_sweep_indexes', class: Migration20261205100000_sweep_indexes },
  { name: 'Migration20261206000000_unsendable', class: Migration20261206000000_unsendable },
  { name: 'Migration20261206100000_outbox_round', class: Migration20261206100000_outbox_round },
];
