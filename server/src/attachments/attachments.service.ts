import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import { classifyFile, type InboundAttachment } from '../../../channels/core/index.js';
import type { Viewer } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { AttachmentDto } from '../contracts/api.js';
import { sqlOf, type Sql } from '../database/sql.js';
import { IncidentsService } from '../incidents/incidents.service.js';

/** Images a browser may show inline (never SVG: it can carry script). */
export const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * Files that come with messages: typed by their content, kept when allowed and within the size limit,
 * otherwise recorded with the reason (the agent sees a file was sent and why it is not there).
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly incidents: IncidentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Inside the caller's transaction, with the message they belong to. A file with a `source` (where it was
   * fetched from) is stored once per message: a second fetch of the same source stores nothing.
   */
  async store(sql: Sql, messageId: string, files: (InboundAttachment & { source?: string })[]): Promise<AttachmentDto[]> {
    const stored: AttachmentDto[] = [];
    for (const f of files) {
      const verdict = classifyFile(f.content, f.declaredType, this.config.attachmentMaxBytes);
      const id = randomUUID();
      const filename = (f.filename ?? '').replace(/[\u0000-\u001f\\/]/g, '_').slice(0, 255) || (f.inline ? 'image' : 'attachment');
      const rows = await sql(
        `insert into attachments (id, message_id, filename, content_type, declared_type, size, sha256, inline, cid, source, content, rejected, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict do nothing returning id`,
        [id, messageId, filename, verdict.contentType, f.declaredType.slice(0, 127), f.content.length, createHash('sha256').update(f.content).digest('hex'), f.inline, f.cid?.slice(0, 255) ?? null, f.source?.slice(0, 500) ?? null, verdict.rejected ? null : f.content, verdict.rejected ?? null],
      );
      if (rows.length === 0) continue;
      stored.push({ id, filename, contentType: verdict.contentType, size: f.content.length, inline: f.inline, cid: f.cid ?? null, rejected: verdict.rejected ?? null });
    }
    return stored;
  }

  /** Outside a transaction: see store. */
  storeNow(messageId: string, files: (InboundAttachment & { source?: string })[]): Promise<AttachmentDto[]> {
    return this.store(sqlOf(this.em), messageId, files);
  }

  /** The file, for someone who may see its incident. */
  async download(id: string, viewer: Viewer): Promise<{ filename: string; contentType: string; content: Buffer }> {
    const notFound = () => new NotFoundException(`No attachment ${id} (or you may not see it).`);
    const [row] = await sqlOf(this.em)<{ message_id: string; filename: string; content_type: string; content: Buffer | null }>(
      `select message_id, filename, content_type, content from attachments where id = ?`,
      [id],
    );
    if (!row) throw notFound();
    await this.incidents.messageVisible(row.message_id, viewer);
    if (!row.content) throw new NotFoundException('This file was not kept (see the reason next to it).');
    return { filename: row.filename, contentType: row.content_type, content: row.content };
  }
}
