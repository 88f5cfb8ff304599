import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, Roles, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import type { ContactDto } from '../contracts/api.js';
import type { ContactDetailDto, ContactMergeDto, CustomerDto } from '../contracts/people.js';
import { DirectoryService } from './directory.service.js';

const text = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `at most ${max} characters`).transform((v) => v || null).nullable().optional();
const Identity = z.object({ kind: z.enum(['email', 'phone'], { error: 'must be "email" or "phone"' }), value: text(254) }).strict();
const Locale = z.enum(['es', 'en', 'ro'], { error: 'must be es, en or ro' }).nullable().optional();

const List = z.object({ q: z.string().trim().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
const ContactList = List.extend({ customerId: z.string().uuid('must be an id').optional() });
const NewCustomer = z.object({ name: text(200), zone: optionalText(100), branch: optionalText(100) }).strict();
const CustomerPatch = z.object({ name: text(200).optional(), zone: optionalText(100), branch: optionalText(100) }).strict();
const NewContact = z.object({ name: text(200), customerId: z.string().uuid('must be an id').nullable().optional(), locale: Locale, identities: z.array(Identity).max(20).optional() }).strict();
const ContactPatch = z.object({ name: text(200).optional(), customerId: z.string().uuid('must be an id').nullable().optional(), locale: Locale }).strict();
const Merge = z.object({ sourceId: z.string().uuid('must be an id') }).strict();

@ApiTags('customers')
@ApiCookieAuth()
@Roles('admin', 'agent')
@Controller('api')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('customers')
  @ApiOperation({ summary: 'Customers by name (q), with how many contacts each has' })
  customers(@Query() query: unknown): Promise<CustomerDto[]> {
    const q = parse(List, query);
    return this.directory.customers(q.q || undefined, q.limit);
  }

  @Post('customers')
  @ApiOperation({ summary: 'A new customer (zone and branch are routing conditions)' })
  createCustomer(@Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<CustomerDto> {
    return this.directory.createCustomer(parse(NewCustomer, body), viewer);
  }

  @Get('customers/:id')
  customer(@Param('id') id: string): Promise<CustomerDto> {
    return this.directory.customer(id);
  }

  @Patch('customers/:id')
  updateCustomer(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<CustomerDto> {
    return this.directory.updateCustomer(id, parse(CustomerPatch, body), viewer);
  }

  @Get('contacts')
  @ApiOperation({ summary: 'Contacts by name, address or number (q), or of one customer' })
  contacts(@Query() query: unknown): Promise<ContactDto[]> {
    const q = parse(ContactList, query);
    return this.directory.contacts({ q: q.q || undefined, customerId: q.customerId, limit: q.limit });
  }

  @Post('contacts')
  @ApiOperation({ summary: 'A new contact with its identities (normalised; each may belong to one contact only)' })
  createContact(@Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<ContactDetailDto> {
    return this.directory.createContact(parse(NewContact, body), viewer);
  }

  @Get('contacts/:id')
  @ApiOperation({ summary: 'A contact with its identities, likely-same contacts and merges' })
  contact(@Param('id') id: string): Promise<ContactDetailDto> {
    return this.directory.contact(id);
  }

  @Patch('contacts/:id')
  updateContact(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<ContactDetailDto> {
    return this.directory.updateContact(id, parse(ContactPatch, body), viewer);
  }

  @Post('contacts/:id/identities')
  @ApiOperation({ summary: 'Add an e-mail address or phone number (409 when another contact has it)' })
  addIdentity(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<ContactDetailDto> {
    return this.directory.addIdentity(id, parse(Identity, body), viewer);
  }

  @Delete('contacts/:id/identities/:identityId')
  removeIdentity(@Param('id') id: string, @Param('identityId') identityId: string, @CurrentViewer() viewer: Viewer): Promise<ContactDetailDto> {
    return this.directory.removeIdentity(id, identityId, viewer);
  }

  @Post('contacts/:id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge another contact into this one (identities, incidents, messages, calls move; undoable)' })
  merge(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<ContactDetailDto> {
    return this.directory.merge(id, parse(Merge, body).sourceId, viewer);
  }

  @Post('contact-merges/:id/undo')
  @HttpCode(200)
  @ApiOperation({ summary: 'Undo a contact merge: exactly what moved goes back' })
  undo(@Param('id') id: string, @CurrentViewer() viewer: Viewer): Promise<ContactMergeDto> {
    return this.directory.undoMerge(id, viewer);
  }
}
