/** A small, believable data set for trying Switchboard: a utility/ISP field-service desk in es/en/ro. */
import type { Locale, Role } from '../contracts/api.js';

export const DEMO_PASSWORD = 'switchboard-demo';

export const DEMO_DEPARTMENTS = ['Soporte técnico', 'Field service', 'Facturare'];

export const DEMO_USERS: { email: string; name: string; role: Role; locale: Locale; departments: string[] }[] = [
  { email: 'lucia@demo.switchboard', name: 'Lucía Fernández', role: 'agent', locale: 'es', departments: [] },
  { email: 'james@demo.switchboard', name: 'James Carter', role: 'agent', locale: 'en', departments: ['Field service'] },
  { email: 'ioana@demo.switchboard', name: 'Ioana Popescu', role: 'agent', locale: 'ro', departments: ['Facturare'] },
  { email: 'javier@demo.switchboard', name: 'Javier Ruiz', role: 'technician', locale: 'es', departments: ['Soporte técnico'] },
  { email: 'mihai@demo.switchboard', name: 'Mihai Ionescu', role: 'technician', locale: 'ro', departments: ['Field service'] },
  { email: 'sarah@demo.switchboard', name: 'Sarah Mitchell', role: 'technician', locale: 'en', departments: ['Field service'] },
];

export interface DemoRequest {
  name: string;
  email?: string;
  phone?: string;
  subject: string;
  message: string;
  locale: Locale;
  /** what agents did next */
  then?: { assignTo?: string; department?: string; status?: 'pending' | 'resolved'; priority?: 'high' | 'urgent'; note?: { by: string; body: string } };
}

export const DEMO_REQUESTS: DemoRequest[] = [
  {
    name: 'María José Sánchez', email: 'mj.sanchez@ejemplo.es', phone: '+34 612 345 678', locale: 'es',
    subject: 'Sin conexión a internet desde ayer',
    message: 'Buenas tardes:\ndesde ayer por la tarde el router parpadea en rojo y no tenemos internet en casa. Ya lo hemos reiniciado dos veces.\nGracias.',
    then: { assignTo: 'javier@demo.switchboard', department: 'Soporte técnico', priority: 'high', note: { by: 'lucia@demo.switchboard', body: 'Hay otra avería abierta en la misma calle; puede ser la caja de distribución.' } },
  },
  {
    name: 'Andrei Dumitrescu', email: 'andrei.dumitrescu@exemplu.ro', locale: 'ro',
    subject: 'Centrala termică afișează eroarea E04',
    message: 'Bună ziua,\ncentrala termică din apartament afișează eroarea E04 de azi-dimineață și nu avem apă caldă. Vă rog să trimiteți un tehnician.\nMulțumesc.',
    then: { assignTo: 'mihai@demo.switchboard', department: 'Field service', priority: 'urgent' },
  },
  {
    name: 'Emma Thompson', email: 'emma.thompson@example.co.uk', phone: '+44 20 7946 0958', locale: 'en',
    subject: 'Meter reading looks wrong on the last bill',
    message: 'Hello,\nmy last bill shows a reading of 48,210 kWh but the meter in the hallway says 41,880. Could someone check it?\nThanks, Emma',
    then: { department: 'Facturare', status: 'pending', note: { by: 'ioana@demo.switchboard', body: 'Am cerut fotografia contorului clientei.' } },
  },
  {
    name: 'Talleres Hermanos Gil', email: 'taller@hermanosgil.es', locale: 'es',
    subject: 'Mantenimiento anual del compresor',
    message: 'Queremos programar la revisión anual del compresor de la nave 2 para la semana que viene, preferiblemente por la mañana.',
    then: { assignTo: 'javier@demo.switchboard', status: 'resolved' },
  },
  {
    name: 'Elena Marinescu', phone: '+40 721 234 567', locale: 'ro',
    subject: 'Cablu căzut pe stradă',
    message: 'Pe strada Florilor nr. 12 a căzut un cablu de la stâlp după furtuna de aseară. Este periculos pentru copii.',
  },
  {
    name: 'David Brooks', email: 'd.brooks@example.com', locale: 'en',
    subject: 'Technician did not show up',
    message: 'We had a visit booked for this morning between 9 and 12 and nobody came. Please call me to rebook.',
    then: { assignTo: 'sarah@demo.switchboard', department: 'Field service' },
  },
  {
    name: 'Comunidad de Propietarios Alameda 7', email: 'administracion@alameda7.es', locale: 'es',
    subject: 'Ascensor parado en el portal B',
    message: 'El ascensor del portal B está parado en la tercera planta desde las 8:00. Hay vecinos mayores que no pueden bajar.',
  },
];
