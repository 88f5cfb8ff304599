import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { MailboxSyncRepository } from './mailbox-sync.repository.js';
import { MailboxSyncService } from './mailbox-sync.service.js';

/** The e-mail channel's moving parts: the mailbox sync (IMAP in). */
@Module({
  imports: [ChannelsModule, IngestModule],
  providers: [MailboxSyncService, MailboxSyncRepository],
  exports: [MailboxSyncService, MailboxSyncRepository],
})
export class EmailModule {}
