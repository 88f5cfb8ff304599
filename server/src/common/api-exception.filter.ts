import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Response } from 'express';
import { InvalidPayloadError } from '../../../channels/core/index.js';
import type { ApiError, InUseDto } from '../contracts/api.js';
import { TransitionError } from '../domain/incident-state.js';

/** Every error leaves as ApiError JSON: a status, a message that says what to fix, and fields when known. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500) this.log.error(exception instanceof Error ? exception.stack : String(exception));
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toApiError(e: unknown): ApiError {
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const r = e.getResponse();
      const obj = typeof r === 'string' ? { message: r } : (r as Record<string, unknown>);
      const message = Array.isArray(obj.message) ? obj.message.join('; ') : String(obj.message ?? e.message);
      return { statusCode: status, error: HttpStatus[status] ?? 'Error', message, ...(obj.fields ? { fields: obj.fields as Record<string, string> } : {}), ...(obj.inUse ? { inUse: obj.inUse as InUseDto } : {}) };
    }
    if (e instanceof TransitionError) return { statusCode: 400, error: 'BAD_REQUEST', message: e.message, fields: { status: e.message } };
    if (e instanceof InvalidPayloadError) return { statusCode: 400, error: 'BAD_REQUEST', message: e.message, fields: e.fields };
    if (e instanceof OptimisticLockError) {
      return { statusCode: 409, error: 'CONFLICT', message: 'Someone else changed this incident meanwhile. Reload it and try again.' };
    }
    if (e instanceof UniqueConstraintViolationException) return { statusCode: 409, error: 'CONFLICT', message: 'That already exists.' };
    return { statusCode: 500, error: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; it has been logged.' };
  }
}
