/**
 * Everyday words name no equipment. The vocabulary is matched word by word through a light stemmer in three
 * languages at once, so an entry of one language can stem to an ordinary word of another ('toldo', an awning,
 * stems to English "told"). These lists are the words any message is full of: greetings, people, time, verbs
 * of telling and coming, and the desk's own words; none of them may make a request about a machine.
 */
import { describe, expect, it } from 'vitest';
import { gistOf } from '../../src/domain/dedup/index.js';
import { incident, judge, req, type Case } from './dedup-fixtures.js';

const EN = `told tell telling said say says sent send came come coming went go going gone got get back called call calling rang
  phoned texted emailed asked ask know knew think thought hope hoped sure see saw seen look looked looking wait waiting waited left
  leave leaving arrived arrive found find tried try trying fixed sorted done made make making put turned let keep kept gave give
  today tomorrow yesterday morning afternoon evening night tonight week weekend monday friday hour hours minute minutes day days time
  please thanks thank cheers sorry hello hi dear regards best kind wishes urgent asap soon later still again now just also only already
  since after before about around because here there where when what which who someone anyone nobody everyone
  man lady guy lad lads son daughter mother mum mom dad father wife husband neighbour friend customer manager boss staff team guests
  people kids children family owner tenant landlord resident residents
  work job visit booked appointment message text photo picture video number address email reply update news
  the and but with without from into over under yet ever never always right wrong good bad fine okay great better worse big small new
  old same other another first last next both all some many much little lot problem issue note money paid price order need want
  press pressed sign signed screen speaker pole line floor wall ceiling tiles charge charged project gym garden fire sound music
  board table wash spin ramp bay wheel
  thanx thankyou some1 any1 appt cust txt yday tmw tomoz wot cud abt thru btw fyi hrs mins hiya ta joy chap bloke sparky`;
const ES = `dijo dicho contado mandado enviado llamado llamo vino venido fue ido vuelto dejado puesto hecho visto mirado probado
  hoy mañana ayer tarde noche semana lunes viernes hora horas minutos dia dias rato
  gracias favor perdon hola buenas saludos urgente todavia ahora ya tambien solo pronto luego desde despues antes sobre porque
  aqui alli donde cuando quien alguien nadie todos
  chico chica señora señor hijo hija madre padre mujer marido vecino vecina amigo cliente jefe gente niños dueño inquilino
  trabajo cita mensaje foto video numero direccion correo respuesta noticias novedades
  pero con sin para bajo nunca siempre bien mal bueno malo grande pequeño nuevo viejo mismo otro primero ultimo siguiente
  algunos mucho poco mejor peor problema nota dinero pagado precio pedido necesito quiero esperando espero seguro quizas medio
  proyecto prensa grua torno puente surtido compacto valle cerca pintura cinta pantalla techo suelo pared sonido musica soldado
  parque coche rueda juego
  porfi xk tdo tds wasap guasap kiero qnd muxas aver rellamada cita fecha aviso incidencia chaval`;
const RO = `spus zis trimis sunat venit plecat fost ajuns lasat pus facut vazut uitat incercat
  azi astazi maine ieri seara noapte saptamana luni vineri ora ore minute zi zile
  multumesc multumim rog scuze salut buna urgent inca acum deja doar curand dupa inainte despre pentru aici acolo unde cand cine
  cineva nimeni toti
  baiatul baiat doamna domnul fiul fiica mama tata sotia sotul vecinul vecina prieten client seful lume copii proprietar
  lucru programare mesaj poza numar adresa raspuns vesti noutati
  dar cu fara sub niciodata mereu bine rau bun mare mic nou vechi acelasi alt primul ultimul urmatorul unii mult putin problema
  nota bani platit pret comanda vreau asteptam sper sigur poate
  greșit gresit presa firma semnatura ecran tavan podea perete proiect macaragiu banda vopsea curte parc joc muzica sunet roata
  mltm mersii nimik cva trb slt vrg veste sesizare programare domnul colegul`;

const words = (list: string) => list.split(/\s+/).filter(Boolean);

describe('everyday words name no equipment', () => {
  for (const [lang, list] of [['en', EN], ['es', ES], ['ro', RO]] as const) {
    it(`in ${lang}`, () => {
      const named = words(list)
        .map((w) => [w, [...gistOf(w).equipment]] as const)
        .filter(([, e]) => e.length > 0)
        .map(([w, e]) => `${w} -> ${e.join(', ')}`);
      expect(named).toEqual([]);
    });
  }

  it.each([
    ["Pat's just told me the phone's working again", []],
    ['Mi hermano os ha llamado esta mañana, dice que ya le habéis dado cita', []],
    ['Mama mi-a spus că a sunat deja, vine cineva azi?', []],
  ])('%s', (text, equipment) => {
    expect([...gistOf(text).equipment]).toEqual(equipment);
  });
});

describe('who came is no equipment, and compounds are read whole', () => {
  it.each([
    ['Ya está aquí el fontanero', [], []],
    ['Gas engineer on site at the middle cottage now', [], []],
    ['El técnico del frío ya está en la cocina', [], []],
    ['A venit frigotehnistul', [], []],
    // The heating engineer's trade does say which incident: kept.
    ['The heating engineer is here', ['heating'], []],
    // A marina's shore power is the power supply, not a UPS ("hook-ups" is no "ups").
    ['The electric hook-ups on B pontoon are all off', ['power'], ['nofunction']],
    ['UPS in the comms room beeping', ['ups'], ['noise']],
  ])('%s', (text, equipment, symptoms) => {
    const g = gistOf(text);
    expect([...g.equipment]).toEqual(equipment);
    expect([...g.symptoms]).toEqual(symptoms);
  });
});

describe('"either" and "as well": one more of the same fault, elsewhere', () => {
  const liveRoom = () => incident('live', ['The ceiling air con in the live room is rattling loudly'], { contact: 'ct-2' });
  const cases: Case[] = [
    {
      name: 'the other room’s air con "not cooling either" is not joined',
      request: req("control room B aircon's not cooling at all either, the one over the desk", { hours: 1 }),
      open: [liveRoom()],
      action: 'new',
    },
    {
      name: 'the same report "sent by e-mail as well" joins',
      request: req('Live room air con rattling, I sent this by email as well', { hours: 1 }),
      open: [liveRoom()],
      action: 'join',
      best: 'live',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => judge(c));
});

describe('which gas', () => {
  it.each([
    // The refrigerant charged is the cold-making circuit's.
    ['Ha venido el técnico y ha cargado gas al aire', ['refcircuit', 'aircon']],
    ['Engineer regassed the unit yesterday', ['refcircuit']],
    ['Au încărcat freon la frigider', ['refcircuit', 'fridge']],
    // An idiom: working at half speed.
    ['Seguimos a medio gas', []],
    // The gas supply, and the cooker's.
    ['Huele a gas en la cocina', ['gas']],
    ['Lipsă gaz la aragaz', ['gas', 'oven']],
  ])('%s: %j', (text, equipment) => expect([...gistOf(text).equipment].sort()).toEqual([...equipment].sort()));
});
