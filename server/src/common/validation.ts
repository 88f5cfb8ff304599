import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';

/** Parses input with a zod schema; on failure a 400 whose `fields` say what to fix, per field. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  throw new BadRequestException({
    message: `Invalid input: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`,
    fields,
  });
}
