/**
 * What customers write to a field-service desk, in Spanish, English and Romanian: a few dozen problems
 * (boiler, lift, AC leak, no internet, invoice...), each with its subject, a first message and a second
 * wording of the same problem (a customer writing again), plus follow-ups that name no problem. The data
 * set's incidents and messages and the bench's requests are all made from these. `{n}` stands for a small
 * number (floor, portal, unit), `{code}` for an error code, filled in differently each time.
 */

export const LOCALES = ['es', 'en', 'ro'] as const;
export type Locale = (typeof LOCALES)[number];

/** The department a problem belongs to (its key: see dataset.ts DEPARTMENTS). */
export type DepartmentKey = 'hvac' | 'lifts' | 'electrical' | 'plumbing' | 'network' | 'billing';

export interface Problem {
  locale: Locale;
  department: DepartmentKey;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  subject: string;
  body: string;
  /** The same problem told again (another message, another day, maybe another person). */
  again: string;
}

const p = (locale: Locale, department: DepartmentKey, priority: Problem['priority'], subject: string, body: string, again: string): Problem => ({ locale, department, priority, subject, body, again });

export const PROBLEMS: readonly Problem[] = [
  // Spanish
  p('es', 'hvac', 'normal', 'Caldera sin funcionar', 'Buenos días, la caldera no enciende desde ayer por la tarde y no tenemos agua caliente en el piso {n}. En la pantalla aparece el código {code}.', 'Seguimos sin agua caliente, la caldera sigue marcando el error {code}. ¿Cuándo puede venir el técnico?'),
  p('es', 'hvac', 'urgent', 'Huele a gas en la sala de calderas', 'Hola, en la sala de calderas de la planta {n} huele a gas desde esta mañana. Hemos abierto las ventanas. Por favor vengan cuanto antes, es urgente.', 'Sigue oliendo a gas en la sala de calderas, ¿viene alguien ya? Es urgente.'),
  p('es', 'hvac', 'normal', 'Fuga de agua del aire acondicionado', 'El split del aire acondicionado de la oficina {n} gotea agua por la parte de abajo y se está formando un charco en el suelo.', 'El aire acondicionado sigue goteando en la oficina {n}, ya hemos puesto un cubo.'),
  p('es', 'hvac', 'normal', 'Calefacción no calienta', 'Los radiadores de la planta {n} están fríos aunque la calefacción está encendida. La presión de la caldera marca 0,5 bar.', 'La calefacción sigue sin calentar, los radiadores están fríos otra vez.'),
  p('es', 'lifts', 'urgent', 'Persona atrapada en el ascensor', 'Hay una persona atrapada en el ascensor del portal {n}, se ha parado entre la planta 2 y la 3. Por favor envíen a alguien urgente.', 'La vecina sigue atrapada en el ascensor del portal {n}, ¿cuánto tardan? Es una emergencia.'),
  p('es', 'lifts', 'high', 'Ascensor parado', 'El ascensor del portal {n} no funciona desde esta mañana, se queda parado en la planta baja con la puerta abierta. Tenemos vecinos mayores.', 'El ascensor sigue parado en el portal {n}. ¿Hay alguna novedad?'),
  p('es', 'electrical', 'high', 'Sin luz en el local', 'Nos hemos quedado sin luz en el local {n}, salta el diferencial del cuadro eléctrico cada vez que lo subimos.', 'Seguimos sin luz en el local {n}, el diferencial salta otra vez.'),
  p('es', 'plumbing', 'high', 'Fuga de agua en el baño', 'Hay una fuga de agua en la tubería del baño del piso {n}, está goteando al piso de abajo. Hemos cerrado la llave de paso.', 'La fuga del baño del piso {n} sigue, el vecino de abajo tiene una mancha en el techo.'),
  p('es', 'plumbing', 'normal', 'Desagüe atascado', 'El desagüe de la cocina de la planta {n} está atascado y el agua no baja.', 'El desagüe sigue atascado, el agua no baja nada.'),
  p('es', 'network', 'normal', 'Sin internet en la oficina', 'Desde esta mañana no tenemos internet en la oficina {n}. El router tiene la luz roja parpadeando y la fibra no conecta.', 'Seguimos sin conexión a internet, el router sigue con la luz roja.'),
  p('es', 'network', 'low', 'El wifi va muy lento', 'El wifi de la planta {n} va muy lento y se corta cada pocos minutos, sobre todo por las tardes.', 'El wifi sigue cortándose, hoy otra vez muy lento.'),
  p('es', 'billing', 'low', 'Duda sobre la factura', 'Hola, en la factura de este mes nos cobran dos veces la visita del técnico del día {n}. ¿Pueden revisarla y enviarnos un abono?', 'Les escribí por la factura cobrada dos veces, ¿han podido revisarla?'),
  // English
  p('en', 'hvac', 'normal', 'Boiler not working', 'Hi, our boiler stopped working last night and there is no hot water in flat {n}. The display shows fault code {code}.', 'Still no hot water, the boiler is showing {code} again. When can an engineer come out?'),
  p('en', 'hvac', 'urgent', 'Smell of gas in the plant room', 'There is a strong smell of gas in the plant room on floor {n}. We have opened the windows and nobody is using the kitchen. Please send someone urgently.', 'The smell of gas is still there in the plant room, is anyone on the way? This is an emergency.'),
  p('en', 'hvac', 'normal', 'Air conditioning leaking', 'The air conditioning unit in office {n} is leaking water onto the carpet, there is a puddle under it.', 'The AC in office {n} is still dripping, we have put a bucket under it.'),
  p('en', 'hvac', 'normal', 'Heating not coming on', 'The radiators on floor {n} are cold even though the heating is on. Boiler pressure is down to 0.5 bar.', 'Heating still not working, the radiators are cold again this morning.'),
  p('en', 'lifts', 'urgent', 'Person trapped in the lift', 'Someone is trapped in the lift at block {n}, it stopped between the 2nd and 3rd floor. Please send an engineer urgently.', 'Our resident is still trapped in the lift at block {n}, how long will you be? This is an emergency.'),
  p('en', 'lifts', 'high', 'Lift out of order', 'The lift at block {n} has been out of order since this morning, it stays at the ground floor with the doors open. We have elderly residents.', 'Lift at block {n} still out of order. Any update?'),
  p('en', 'electrical', 'high', 'Power cut in the shop', 'We have no power in shop {n}, the breaker trips every time we switch it back on at the fuse board.', 'Still no power in shop {n}, the breaker keeps tripping.'),
  p('en', 'plumbing', 'high', 'Water leak in the bathroom', 'There is a water leak from a pipe in the bathroom of flat {n}, it is dripping through to the flat below. We have turned the stopcock off.', 'The leak in flat {n} is still going, the flat below has a stain on the ceiling now.'),
  p('en', 'plumbing', 'normal', 'Blocked drain', 'The kitchen drain on floor {n} is blocked and the water will not go down.', 'The drain is still blocked, nothing is going down.'),
  p('en', 'network', 'normal', 'No internet in the office', 'Since this morning we have no internet in office {n}. The router has a red light flashing and the fibre will not connect.', 'Still no internet connection, the router still has the red light.'),
  p('en', 'network', 'low', 'Wifi very slow', 'The wifi on floor {n} is very slow and drops every few minutes, mostly in the afternoon.', 'Wifi keeps dropping, very slow again today.'),
  p('en', 'billing', 'low', 'Question about our invoice', 'Hello, this month\'s invoice charges us twice for the engineer visit on the {n}th. Could you check it and send us a refund?', 'I emailed about the invoice that charged us twice, have you been able to check it?'),
  // Romanian
  p('ro', 'hvac', 'normal', 'Centrala nu funcționează', 'Bună ziua, centrala nu mai pornește de aseară și nu avem apă caldă în apartamentul {n}. Pe ecran apare eroarea {code}.', 'Tot nu avem apă caldă, centrala arată din nou eroarea {code}. Când poate veni tehnicianul?'),
  p('ro', 'hvac', 'urgent', 'Miroase a gaz în centrala termică', 'În camera centralei de la etajul {n} miroase puternic a gaz de azi dimineață. Am deschis geamurile. Vă rugăm să veniți urgent.', 'Tot miroase a gaz în camera centralei, vine cineva? Este o urgență.'),
  p('ro', 'hvac', 'normal', 'Aerul condiționat curge', 'Aparatul de aer condiționat din biroul {n} picură apă pe jos și s-a făcut o baltă.', 'Aerul condiționat din biroul {n} tot curge, am pus o găleată.'),
  p('ro', 'hvac', 'normal', 'Caloriferele sunt reci', 'Caloriferele de la etajul {n} sunt reci deși încălzirea este pornită. Presiunea la centrală este 0,5 bar.', 'Caloriferele sunt tot reci, încălzirea iar nu merge.'),
  p('ro', 'lifts', 'urgent', 'Persoană blocată în lift', 'O persoană este blocată în liftul de la scara {n}, s-a oprit între etajul 2 și 3. Vă rugăm să trimiteți urgent pe cineva.', 'Vecina este tot blocată în liftul de la scara {n}, cât mai durează? Este o urgență.'),
  p('ro', 'lifts', 'high', 'Liftul nu funcționează', 'Liftul de la scara {n} nu funcționează de azi dimineață, stă la parter cu ușa deschisă. Avem locatari în vârstă.', 'Liftul de la scara {n} tot nu merge. Vreo noutate?'),
  p('ro', 'electrical', 'high', 'Fără curent în magazin', 'Nu avem curent în magazinul {n}, siguranța sare de fiecare dată când o ridicăm la tabloul electric.', 'Tot nu avem curent în magazinul {n}, siguranța sare din nou.'),
  p('ro', 'plumbing', 'high', 'Scurgere de apă în baie', 'Avem o scurgere de apă la o țeavă din baia apartamentului {n}, curge la vecinul de dedesubt. Am închis robinetul principal.', 'Scurgerea din apartamentul {n} continuă, vecinul de jos are o pată pe tavan.'),
  p('ro', 'plumbing', 'normal', 'Scurgerea de la bucătărie înfundată', 'Scurgerea de la bucătăria de la etajul {n} este înfundată și apa nu se scurge.', 'Scurgerea este tot înfundată, apa nu se duce deloc.'),
  p('ro', 'network', 'normal', 'Nu avem internet la birou', 'De azi dimineață nu avem internet la biroul {n}. Routerul are un led roșu care clipește și fibra nu se conectează.', 'Tot nu avem conexiune la internet, routerul are tot ledul roșu.'),
  p('ro', 'network', 'low', 'Wifi-ul merge foarte încet', 'Wifi-ul de la etajul {n} merge foarte încet și se întrerupe la câteva minute, mai ales după-amiaza.', 'Wifi-ul tot se întrerupe, azi iar foarte încet.'),
  p('ro', 'billing', 'low', 'Întrebare despre factură', 'Bună ziua, în factura din luna aceasta ne-ați taxat de două ori vizita tehnicianului din data de {n}. Puteți verifica și să ne returnați banii?', 'V-am scris despre factura taxată de două ori, ați reușit să o verificați?'),
];

/** Follow-ups that name no problem (a later message on an open incident). */
export const FOLLOW_UPS: Readonly<Record<Locale, readonly string[]>> = {
  es: ['¿Hay alguna novedad? Seguimos esperando.', '¿Cuándo vendrá el técnico? Gracias.', 'Ya funciona, muchas gracias por la rapidez.', 'Confirmo la cita de mañana por la mañana.', 'Les acabo de llamar por lo mismo, ¿saben algo?'],
  en: ['Any update on this? We are still waiting.', 'When will the engineer come? Thanks.', 'Working now, thanks for sorting it so quickly.', 'I confirm the appointment tomorrow morning.', 'I have already rung you about this, any news?'],
  ro: ['Vreo noutate? Încă așteptăm.', 'Când vine tehnicianul? Mulțumesc.', 'Acum merge, mulțumim pentru rapiditate.', 'Confirm programarea de mâine dimineață.', 'V-am sunat deja pentru asta, știți ceva?'],
};

const CODES = ['F28', 'F22', 'E10', 'E133', 'EA', 'F75', 'E9', 'L2'];

/** A text with its placeholders filled in (`rand` in [0, 1)). */
export function fill(text: string, rand: () => number): string {
  return text.replaceAll('{n}', String(1 + Math.floor(rand() * 12))).replaceAll('{code}', CODES[Math.floor(rand() * CODES.length)]!);
}

/** The same placeholders filled in by SQL, per row (`expr` is a text expression). */
export const fillSql = (expr: string) =>
  `replace(replace(${expr}, '{n}', (1 + floor(random() * 12))::int::text), '{code}', (array['${CODES.join("','")}'])[1 + floor(random() * ${CODES.length})::int])`;
