import { Module } from '@nestjs/common';
import { ContactsService } from './contacts.service.js';
import { DirectoryController } from './directory.controller.js';
import { DirectoryRepository } from './directory.repository.js';
import { DirectoryService } from './directory.service.js';

/** Customers, contacts and their identities: recognising senders (intake) and keeping the directory (agents). */
@Module({ controllers: [DirectoryController], providers: [ContactsService, DirectoryRepository, DirectoryService], exports: [ContactsService] })
export class CustomersModule {}
