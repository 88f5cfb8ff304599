import { Global, Module } from '@nestjs/common';
import { InboxPublisher } from './inbox-publisher.js';

/** The publisher is global: services push events; only the server process adds the gateway. */
@Global()
@Module({ providers: [InboxPublisher], exports: [InboxPublisher] })
export class RealtimeModule {}
