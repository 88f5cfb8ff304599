import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { InboxGateway } from './inbox.gateway.js';

@Module({ imports: [AuthModule, IncidentsModule], providers: [InboxGateway] })
export class GatewayModule {}
