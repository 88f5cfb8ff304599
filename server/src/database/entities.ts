import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Session } from '../auth/session.entity.js';
import { Channel } from '../channels/channel.entity.js';
import { Contact } from '../customers/contact.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { Incident } from '../incidents/incident.entity.js';
import { Attachment } from '../incidents/attachment.entity.js';
import { Message } from '../incidents/message.entity.js';
import { InboundEvent } from '../ingest/inbound-event.entity.js';
import { Department } from '../users/department.entity.js';
import { User } from '../users/user.entity.js';

export const ENTITIES = [User, Department, Session, Channel, Customer, Contact, InboundEvent, Incident, Message, Attachment, AuditEntry];
