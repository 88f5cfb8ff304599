/**
 * What a field-service request is about, in the words customers use in Spanish, English and Romanian:
 * the equipment (what broke), the symptom (how), the room, and the cues around them. Pure data.
 *
 * Entries are matched word by word against the normalised text (lower case, no diacritics, see text.ts),
 * never as raw substrings: the old prefix matching found 'apa' (water) in 'apagado' and 'aparato', 'gree'
 * (a brand) in 'Greenfield', 'rece' (cold) in 'recepción' and 'flood' in 'Floodgate Street'. A word of an
 * entry is, by its spelling:
 *   - `radiador`   a word: equal after the light stemmer (plural -s/-es, a final vowel, Romanian articles
 *                  -ul/-ului/-le/-lor/-ii/-ei...), so 'radiador' finds 'radiadores', 'centrala' finds
 *                  'centralei', 'boiler' finds "boiler's" and 'boilerul';
 *   - `calefac*`   a prefix of the word ('calefacción', 'calefactor'), for families of derived words;
 *   - `=tele`      exactly this word (short words whose stem would collide: 'tele' is not 'tel.').
 * Several words are a phrase, matched on consecutive words; within a table the longest phrase wins and
 * takes its words, so "water heater" is hot water (not heating plus water), "heat pump" is air
 * conditioning and "server room" is a room, not a server. Concepts named '-' take words and mean nothing:
 * "aire frío" / "aer rece" / "cold air" are how a unit blows, not the air conditioning.
 */
export type Vocabulary = Record<string, readonly string[]>;

/** The equipment itself, its families and supplies: equipment.ts. */

/**
 * Sanitary fittings: "el váter está atascado", "se ha atascado el fregadero", "the toilet is blocked" say it is
 * clogged, not stuck ("la persiana está atascada", "the door is blocked" are nofunction).
 */
const FITTINGS_ES = ['vater', 'water', 'inodoro', 'wc', 'retrete', 'taza', 'fregadero', 'desague', 'lavabo', 'lavamanos', 'ducha', 'plato de ducha', 'banera', 'sumidero', 'arqueta', 'bajante', 'tuberia', 'sifon', 'urinario'];
const FITTINGS_EN = ['toilet', 'loo', 'wc', 'sink', 'drain', 'shower', 'bath', 'gully', 'waste', 'urinal', 'basin', 'pipe', 'soil stack'];
const CLOGGED = [
  ...FITTINGS_ES.flatMap((x) => [`${x} atasc*`, `${x} esta atasc*`, `${x} se ha atascado`, `atasc* el ${x}`, `atasc* la ${x}`, `atasco en el ${x}`, `atasco en la ${x}`]),
  ...FITTINGS_EN.flatMap((x) => [`${x} is blocked`, `${x} are blocked`, `${x} blocked`, `blocked ${x}`, `${x} blocked up`, `${x} is blocked up`]),
];

/**
 * A repair asked for, in words of a resolution ("can you get it sorted?", "need this fixed now", "necesito que esté
 * arreglado", "vreau să fie rezolvat"), and the wait complained of ("ya va siendo hora", "ya va a hacer una semana"):
 * it does not work (SYMPTOMS) and its clause says nothing works (NEGATIONS), though "sorted", "arreglado" or "ya va"
 * are in it.
 */
const REPAIR_WANTED = [
  ...['get', 'need', 'want', 'have', 'getting', 'like'].flatMap((v) => ['it', 'this', 'that'].flatMap((o) => [`${v} ${o} =sorted`, `${v} ${o} =fixed now`])),
  'que este arreglad*', 'que este solucionad*', 'que quede arreglad*', 'que quede solucionad*', 'lo quiero arreglad*', 'sa fie rezolvat*', 'sa fie reparat*', 'sa fie remediat*',
  'ya va siendo hora', 'ya va a hacer', 'ya va a ser', 'ya va para', 'ya va a venir', 'ya va a llegar',
];

export const SYMPTOMS: Vocabulary = {
  // Equipment named after a symptom word: a smoke detector is no smoke, a heat pump's 'calor' no heat, a cold
  // room no cold; the engineer stuck in traffic is no stuck machine.
  '-': [
    'smoke detector*', 'smoke alarm*', 'smoke vent*', 'smoke control', 'smoke extraction', 'detector* de humo', 'detector* de fum', 'detectoare de fum', 'detectorul de fum', 'detectorii de fum', 'trapa de fum', 'trape de fum',
    'cos de fum', 'cosul de fum', 'extraccion de humos', 'salida de humos', 'conducto de humos', 'control de humos',
    'bomba de calor', 'bombas de calor', 'recuperador de calor', 'detector de calor', 'cold room', 'cold rooms', 'cold store', 'cold storage',
    'stuck in traffic', 'traffic jam', 'en un atasco', 'atasco de trafico', 'blocat in trafic', 'prins in trafic',
    // The tradesman named by his trade: "el técnico del frío ya está" says who came, not that it is cold.
    'tecnico del frio', 'tecnicos del frio', 'el del frio', 'frigorista', 'frigoristas', 'tehnicianul de frig', 'frigotehnist*',
    // Something falling off is no connection dropping ("se cae un trozo del techo", "se cae la pintura").
    'se cae un', 'se cae una', 'se cae el techo', 'se cae la pintura', 'se cae el yeso', 'se cae a trozos', 'se cae a pedazos', 'se caen', 'se cae la persiana',
  ],
  nofunction: [
    'no funciona', 'not working', 'isnt working', 'nu functioneaza', 'nu merge', 'no va', 'stopped', 'dead', 'no enciende', 'no arranca', 'nu porneste', 'wont start', 'wont', 'doesnt work', 'down', 'caido', 'caida',
    'cortado', 'cortada', 'sin', 'without', 'fara', 'lipsa', 'no hay', 'no tenemos', 'nu avem', 'no', 'nu', 'not', 'off', 'offline', 'packed in', 'broken', 'roto', 'averia', 'avaria', 'avarie', 'out of order',
    'locked out', 'locking out', 'lock out', 'se apaga', 'se opreste', 'oprit*', 'bloqueo', 'blocat*', 'stuck', 'atascad*', '=parado', '=parada', 'atrapad*', 'trapped', '=blocked',
    'stricat*', 'defect*', 'averiad*', 'no abre', 'no cierra', 'wont open', 'wont close', 'nu se deschide', 'nu se inchide', 'se ha parado', 'se paro',
    // Other ways of saying it: English negative contractions (written without the apostrophe), breakdown
    // verbs, the outage itself ("se fue la luz" / "power cut" / "pană de curent": the supply is down).
    'doesnt', 'isnt', 'arent', 'cant', 'dont', 'didnt', 'wasnt', 'hasnt', 'havent', 'no prende', 'no anda', 'no furula', 'dejado de funcionar', 'dejo de funcionar', 'estropead*', 'packed up', 'gave up',
    'nu mai merge', 'nu mai functioneaza', 'nu mai porneste', 'a cazut', 'a picat', 'power cut', 'power outage', 'outage', 'blackout', 'apagon', 'corte de luz', 'cortes de luz', 'se fue la luz', 'ido la luz',
    'pana de curent', 'picat curentul', 'cazut curentul', 'wouldnt', 'couldnt', 'nofunciona', 'kaput',
    'out of service', 'fuera de servicio', 'scos din uz', 'scos din functiune', 'nu mai functioneaza deloc',
    // It works badly ("funciona mal", "merge prost"), broke, failed, burnt out, blew; switched off or gone out.
    'funciona mal', 'funcionan mal', 'va mal', 'anda mal', 'merge prost', 'functioneaza prost', 'works badly', 'working badly', 'playing up', 'acting up', 'on the blink', 'on the fritz',
    '=fallo', '=fallos', '=falla', '=fault', '=faults', 'failure', 'has failed', 'have failed', 'failed again', 'keeps failing', 'is faulty', 'are faulty', 'malfunction*', '=broke', 'broke down', 'breaks down', 'breaking down', '=died', 'has died', 'given up', 'a cedat',
    '=parados', '=paradas', '=picat', '=picata', 'lipseste', 'lipsesc', 'se va la luz', 'se va otra vez la luz', 'se ha ido la luz', 'se nos va la luz', 'nos fue la luz', 'apagad*', 'stins*', 'spart', 'rupt*', 'se rompio', 'e mort', 'e moarta', 'a murit', 'esta muerto', 'esta muerta', 'se ha muerto',
    // A part's state ('faulty', 'blown', 'fundido', 'quemado', 'ars') names the part replaced in a repair report as
    // often as the fault ("cambiamos el enchufe quemado", "replaced the blown fuse"): said as what happened to it.
    'has blown', 'have blown', 'has burnt out', 'has burned out', 'have burnt out', 'se fundio', 'se fundieron', 'se ha fundido', 'se han fundido', 'esta fundid*', 'estan fundid*',
    // Jammed, hung, rebooting by itself ("se queda pillado", "se cuelga", "s-a agățat", "keeps crashing").
    '=jammed', '=jamming', '=jams', 'paper jam', 'se traba', 'se traban', 'trabad*', 'encasquill*', 'bloquead*', 'se blocheaza', 'blocheaz*', 'se agata', 's a agatat',
    'se cuelga', 'se cuelgan', 'se queda colgad*', 'se ha colgado', 'se queda pillad*', 'se ha quedado pillad*', 'se queda tonto', 'keeps crashing', 'crashed', 'crashes', 'frozen screen', 'screen frozen',
    'screen is frozen', 'pantalla congelada', 'keeps restarting', 'keeps rebooting', 'keeps resetting', 'se reinicia', 'se reinicia solo', 'se resetea', 'se reseteaza', 'se restarteaza', 'se reporneste',
    // A machine that eats the money; one that will not stop.
    'se traga', 'se come las monedas', 'se come el dinero', '=swallowed', 'swallows coins', 'swallows cards', 'eating coins', 'eats coins', 'eating money', 'a inghitit', 'inghite banii', 'inghite cardul', 'inghite monedele',
    'nu face gheata', 'no hace hielo', 'not making ice', 'keeps running', 'wont stop', 'non stop', 'nonstop', 'sin parar', 'no para', 'nu se opreste', 'merge continuu', 'functioneaza continuu',
    'runs constantly', 'running constantly', 'constantly running', 'running all the time',
    // A repair not done yet: "yet to be sorted", "still to be fixed", "pendiente de arreglar" (negated too: NEGATIONS).
    'yet to be', 'still to be', 'pendiente de arreglar', 'pendiente de reparar', 'pendiente de solucionar', ...REPAIR_WANTED,
  ],
  cold: [
    'cold', 'fri', 'rece', '=frig', 'freezing', 'no calienta', 'not heating', 'nu incalzeste', 'nu face cald', 'lukewarm', 'templad*', 'calduta', 'barely warm', 'no heat', 'no heating', 'sin calefaccion', 'fara caldura',
    'fara incalzire', 'nu e caldura', 'no hay calefaccion', 'blowing cold', 'sufla rece', 'doesnt heat', 'wont heat', 'isnt heating', 'nu mai incalzeste', 'nu mai face cald', 'no calientan',
    'no da calor', 'no calienta nada', 'sale fria', 'sale frio', 'not warming up', 'wont warm up', 'not getting hot', 'not getting warm', 'stone cold', 'nu se incalzeste', 'nu se incalzesc', 'nu se mai incalzeste', 'nu da caldura',
    'nu mai da caldura', 'nos estamos congelando',
    // Negated warmth, longer than the "hot" list's "e cald" it contains.
    'nu e cald', 'nu e calda', 'nu este cald', 'nu este calda', 'nu e fierbinte', 'nu este fierbinte', 'nu mai e cald', 'not warm', 'isnt warm', 'not hot', 'isnt hot', 'no esta calentito',
    'no se calienta', 'no se calientan', 'no esta caliente', 'no sale caliente', 'nu se incinge', 'nu se mai incinge', 'nu incalzesc', 'nu mai incalzesc', '=helada', '=heladas', 'chilly', '=tibio', '=tibia',
    'no coge temperatura', 'no llega a temperatura', 'no alcanza la temperatura', 'nu prinde temperatura', 'nu atinge temperatura', 'not reaching temperature', 'not getting up to temperature', 'not getting up to temp',
    'wont get up to temperature', 'congela todo', 'ingheata tot',
    'no sale aire caliente', 'no echa aire caliente', 'no tira aire caliente', 'nu sufla cald', 'nu sufla aer cald', 'not blowing warm', 'not blowing warm air', 'not blowing hot air',
  ],
  leak: [
    'fuga', 'gote*', 'leak*', 'drip*', 'picur*', 'curge', 'scurg*', 'pierde agua', 'charco', 'puddle', 'balta', 'inund*', 'flood', 'flooded', 'flooding', 'pierde apa', 'sale agua', 'se sale el agua',
    'chorrea', 'se filtra', 'filtracion', 'seeping', 'water coming', 'water everywhere', 'pouring', 'curge apa', 'iese apa',
    // Seepage, water getting in, running over, a burst.
    'seep*', 'seepage', 'rezuma', 'infiltra*', 'water ingress', 'entra agua', 'agua entra', 'entra el agua', 'intra apa', 'apa intra', 'perdida de agua', 'escape de agua', 'overflow*', 'rebosa*', 'se desborda', 'se revarsa', 'da pe dinafara',
    'burst', 'reventon', 'anegad*', 'encharcad*', 'mojad*', 'water damage', 'ploua in casa', 'ploua inauntru', 'llueve dentro',
    // Water on the floor, soaked through; a pipe that broke; plural verbs the stemmer does not reach ("curg", "pierden agua").
    'apa pe jos', 'e apa pe jos', 'apa peste tot', 'agua en el suelo', 'agua por el suelo', 'agua por todas partes', 'water on the floor', 'soaked', 'soaking', 'sodden', 'wet patch', 'baltoac*', '=curg',
    'pierden agua', 'pierde gas', 'pierde gaz', 'pierde aceite', 'escape de gas', 'scapare de gaz', 'scapari de gaz', 'gas escaping',
    'tuberia rota', 'se ha roto una tuberia', 'se ha roto la tuberia', 'rotura de tuberia', 'broken pipe', 'teava sparta', 'teava s a spart', 's a spart teava', 's a spart o teava', 'conducta sparta', 'tevi sparte',
  ],
  pressure: [
    'presion', 'pressure', 'presiune', '=bar', 'sin fuerza', 'poca fuerza', 'poco caudal', 'sin caudal', 'hilo de agua', 'apenas sale', 'trickl*', 'weak flow', 'poor flow', 'curge slab', 'curge foarte slab',
    'curge putin', 'debit mic',
    'sale poca agua', 'sale muy poca agua', 'low flow', 'apa vine slab', 'vine slab apa',
  ],
  noise: ['ruido', 'noise', 'noisy', 'zgomot*', 'banging', 'golpe*', 'pita', 'pitando', 'beep*', 'clicking', 'clic', 'zumbido', 'whistling', 'fluierat', 'knocking', 'rozamiento', 'roza', 'suena fatal', 'vibra*', 'rattl*',
    'pitido*', 'chirri*', 'cruje', 'crujido*', 'traquete*', 'tiembla', 'squeak*', 'squeal*', 'screech*', 'grinding', 'rumbl*', '=buzzing', 'whining', 'gurgl*', 'borbote*', 'gorgote*', 'shaking',
    'shudder*', 'scartai*', 'scarti*', 'tremur*', 'pocn*', 'bubuie', 'galgai*', 'huruie', 'bazaie',
    // 'humo' (smoke) and 'humming' share a stem: the hum is written out. Romanian piuie / zornăie / hârâie / fâșâie / șuieră / zbârnâie.
    '=hum', '=hums', '=humming', '=hummed', '=buzzes', 'chirp', 'piui*', '=bip', '=bips', 'bipai*', 'ruidos*', 'suena raro', 'suena mucho', 'suena muy fuerte', 'zumba', 'zumban', 'zumbando',
    'silba', 'silbando', 'silbido*', 'chasquido*', 'chasquea', 'retumba', 'clunk*', 'thud*', 'clank*', 'hiss*', 'crackl*', 'whirr*', '=clicks', '=ticking', '=loud', 'too loud', 'very loud', '=bangs', 'loud bang',
    '=racket', 'zornai*', 'harai*', 'fasai*', 'suier*', 'zbarnai*', 'bazai*', 'bubuit*', 'vibreaz*',
  ],
  smell: [
    'olor', 'smell*', 'miros*', 'huele', 'mirosa', '=humo', '=humos', '=humea', 'humareda', 'smoke', 'smoking', '=fum', 'miroase', 'odour*', 'odor', 'stink*', 'stench', 'whiff', 'fumes', 'apesta', 'hedor', 'duhoare', 'puturos*',
    'a quemado', 'burning', 'iz de ars',
    // What burns: smoke, scorch marks, sparks ("saltan chispas", "scoate scântei"), a socket that burnt ("el enchufe se ha
    // quemado"). Not the burnt part alone ("enchufe quemado", "becul ars", "the burnt fuse"): a repair report names it.
    'huelen', 'pestazo', '=tufo', 'tufillo', 'huevo podrido', 'huevos podridos', 'rotten egg*', 'oua stricate', 'reek*', '=pute', '=fumul', '=fumega', 'scoate fum', 'iese fum',
    'spark', '=arcing', 'scorch*', 'chisp*', 'scantei*', 'scanteie', 'chamuscad*', 'se ha quemado', 'se quemo', 'esta quemad*', 'estan quemad*', 'is burnt', 'are burnt', 'looks burnt', 'smells burnt',
  ],
  error: ['error', 'eroare', 'fault code', 'codigo', 'cod', 'code', 'led', 'parpade*', 'clipeste', 'flashing', 'blinking', 'luz roja', 'red light', 'lumina rosi*', 'piloto rojo', 'alarm', 'alarma',
    // Flickering lights blink too; an indicator ("una lucecita roja", "un beculeț"), a fault shown.
    'flicker*', 'palpai*', 'licar*', 'clipesc', 'clipind', 'blink', '=flashes', '=flashed', 'lucecita*', 'beculet*', 'piloto naranja', 'piloto de averia', 'warning light', 'fault light', 'luz de averia',
    'lumina de avarie', 'da fallo', 'marca fallo', 'codigo de fallo', 'fault message', 'fault showing', 'showing a fault', 'showing fault', 'shows a fault', 'erori*',
  ],
  slow: ['lento', 'lenta', 'slow', 'incet', 'intermit*', 'se corta', 'drop', 'drops', 'dropping', 'dropped', 'drop outs', 'dropouts', '=cade', 'cortes', 'pica', 'cutting out', 'se intrerupe', 'intreruper*', 'timing out',
    // On and off, in fits and starts ("va a tirones", "funciona a ratos", "merge greu"), losing the connection.
    'a tirones', 'a =ratos', 'va y viene', 'on and off', 'comes and goes', 'cuts out', 'cut out', 'keeps cutting', 'cuts in and out', 'se cortan', 'se intrerup', 'se cae', 'se cae cada', 'merge greu', 'merge foarte greu',
    'se misca greu', 'se incarca greu', 'buffering', 'laggy', 'patchy', 'spotty', '=disconnecting', '=disconnects', 'keeps disconnecting', 'se desconecta', 'se desconectan', 'se deconecteaza',
    'se tot deconecteaza', 'pierde conexiunea', 'pierde semnalul', 'pierde la conexion', 'pierde la senal', 'loses connection', 'losing connection', 'loses signal', 'losing signal',
  ],
  hot: [
    'calor', 'too hot', 'prea cald', 'no enfria', 'not cooling', 'nu raceste', 'stuffy', 'overheat*', 'sobrecalent*', 'se calienta', 'se supraincalzeste', 'warm', 'doesnt cool', 'wont cool', 'isnt cooling',
    'nu mai raceste', 'no refrigera', 'no congela', 'not freezing', 'nu congeleaza', 'nu mai congeleaza', 'descongel*', 'defrost*', 'dezghet*', 'high temperature', 'temperatura alta',
    'recalent*', 'recalient*', 'supraincalz*', 'se incinge', 'running hot', 'runs hot',
    // Plural verbs ("no enfrían", "nu răcesc"), warm inside ("e caldă", "está caliente"), the temperature going up.
    'no enfrian', 'no refrigeran', 'no congelan', 'se calientan', 'nu racesc', 'nu mai racesc', 'nu ingheata', 'nu mai ingheata', 'e cald', 'e calda', 'este cald', 'este calda', 'foarte cald', 'fierbinte',
    'esta caliente', 'estan calientes', 'muy caliente', 'demasiado caliente', 'boiling', 'subida de temperatura', 'sube la temperatura', 'temperature rising', 'temperature is rising', 'temp rising',
    'temperatura creste', 'creste temperatura', 'a crescut temperatura', 'fuera de temperatura', 'high temp',
    'sufla cald', 'sufla aer cald', 'blowing warm', 'blowing warm air', 'blowing hot air', 'echa aire caliente', 'tira aire caliente', 'sale aire caliente',
  ],
  // The building's fabric: damp, mould and condensation on walls and ceilings. "Condensación" alone is a
  // boiler's kind ("caldera de condensación"), "humedad" in a cold room its humidity: said with what shows it.
  damp: [
    'damp', 'dampness', 'rising damp', 'mould', 'mouldy', 'mold', 'moldy', 'moisture', 'condensation', 'humedad', 'humedades', 'manchas de humedad', '=moho', '=hongos', 'salitre', 'eflorescen*',
    'hay condensacion', 'mucha condensacion', 'gotas de condensacion', 'umezeala', 'igrasie', 'mucegai*', '=condens', 'pete de umezeala',
  ],
  // A drain, a sink or a toilet that does not empty. "Atasco" is also a traffic jam; "blocked" alone is stuck (nofunction).
  blocked: [
    'clogged', 'blocked drain', 'blocked sink', 'blocked toilet', 'not draining', 'slow to drain', 'drains slowly', 'obstruid*', 'taponad*', 'embozad*',
    'no traga', 'no desagua', 'no baja el agua', 'infundat*', 'colmatat*', 'nu se scurge', 'nu scurge',
    // A drain "backed up" is blocked, not the supply "back up" (a resolution): negated too (NEGATIONS). Written exact
    // (the stemmer reads "backed" as "back") and with the fitting: files are backed up too.
    ...FITTINGS_EN.flatMap((x) => [`${x} =backed up`, `${x} is =backed up`, `${x} are =backed up`, `${x} =backing up`, `${x} is =backing up`, `${x} are =backing up`, `${x} keeps =backing up`]),
    'clog*', 'wont drain', 'isnt draining', 'not drain', 'draining slowly', 'no desaguan', 'desagua mal', 'traga mal', 'tarda en tragar', 'no tragan', 'se infunda', 's a infundat',
    ...CLOGGED,
  ],
  // Ice where there should be none: an iced-up evaporator, frozen pipes. "Helado" and "înghețată" are ice cream.
  frozen: [
    'iced up', 'icing up', 'ice build up', 'ice buildup', 'frozen up', 'frozen pipe', 'frozen pipes', 'pipes frozen', 'pipe frozen', 'frosted up', 'frost build up', 'escarcha*', 'lleno de hielo', 'bloque de hielo',
    'se ha helado', 'se han helado', 'se hiela', 'tuberia congelada', 'tuberias congeladas', 'a inghetat', 'au inghetat', 's a inghetat', 'plin de gheata', 'chiciura',
    'full of ice', 'covered in ice', 'ice forming', 'ice building up', 'mucho hielo', 'face gheata', 'se face gheata', 'face chiciura',
  ],
  // The breaker going: a power fault, not the breaker's own ("tripped" alone is also a person).
  tripping: [
    'keeps tripping', 'trips the', 'tripping the', 'tripped the', 'trips out', 'trips the power', 'salta el diferencial', 'salta el automatico', 'saltan los plomos', 'salta la luz', 'saltan los automaticos',
    'se dispara el diferencial', 'sare siguranta', 'sar sigurantele', 'a sarit siguranta', 'au sarit sigurantele', 'sare diferentialul', 'a sarit diferentialul',
    // The other word orders, past tenses, and a fuse that blows.
    'tripping out', 'tripped out', 'it trips', 'trips every', 'trips when', 'trips whenever', 'trips as soon', 'trips straight away', 'fuse keeps blowing', 'keeps blowing the fuse', 'keeps blowing fuses',
    'blows the fuse', 'blew the fuse', 'blown the fuse', 'blowing fuses', 'fuse blew', 'fuse has blown', 'fuses blow',
    'ha saltado el', 'han saltado los', 'ha saltado la luz', 'salto el diferencial', 'salto el automatico', 'saltaron los plomos', 'diferencial salta', 'diferencial ha saltado', 'automatico salta',
    'plomos saltan', 'se saltan los plomos', 'se funden los plomos', 'se fundieron los plomos', 'se funde el fusible', 'se ha fundido el fusible', 'se funden los fusibles',
    'siguranta sare', 'siguranta a sarit', 'sigurantele au sarit', 'a sarit automatul', 'sare automatul', 'automatul sare', 'automatul a sarit', 'diferentialul sare', 'diferentialul a sarit',
    'sare curentul', 'a sarit curentul', 's a ars siguranta', 's a ars o siguranta', 'siguranta arsa', 'siguranta s a ars', 'se arde siguranta', 'se ard sigurantele',
    'fundido un fusible', 'se ha fundido un fusible', 'fusible fundido', 'fusibles fundidos', 'se fundio el fusible',
  ],
  // A display or screen that shows nothing: the panel's own fault, not one it shows.
  blank: [
    'display blank', 'blank display', 'blank screen', 'screen blank', 'screen is blank', 'display is blank', 'screen has gone blank', 'display has gone blank', 'black screen', 'screen went black', 'screen is black',
    'nothing on the screen', 'nothing on the display', 'no display', 'pantalla en negro', 'pantalla negra', 'pantalla apagada', 'pantalla en blanco', 'display en blanco', 'display apagado', 'sin display',
    'pantalla esta en negro', 'pantalla esta negra', 'pantalla esta apagada', 'pantalla esta en blanco', 'se queda en negro', 'se ha quedado en negro',
    'no se ve nada en la pantalla', 'no sale nada en la pantalla', 'no marca nada', 'ecran negru', 'ecranul e negru', 'ecranul e stins', 'ecranul nu se aprinde', 'nu se aprinde ecranul', 'afisajul nu se aprinde',
    'nu afiseaza nimic', 'afisaj stins', 'afisajul e stins', 'display stins', 'fara afisaj', 'nu apare nimic pe ecran', 'nu apare nimic pe display',
  ],
};

/**
 * Rooms and parts of a building. A request that names the room of one open incident and not of another
 * ("Hall still cold" after the hall heating and the kitchen water heater) is about the first; two
 * requests naming only different rooms are less likely one problem. Not sites (see PLACE_*): rooms are
 * common nouns ("the kitchen"), not names.
 */
export const ROOMS: Vocabulary = {
  kitchen: ['kitchen', 'cocina', 'bucatari*'],
  hall: ['hall', 'main hall', 'salon de actos'],
  lounge: ['lounge', 'living room', '=living', 'salon', 'sufragerie', 'sala de estar'],
  // 'baño' is written as a word: its stem is that of Romanian 'bani' (money: "bancomatul nu dă bani").
  bathroom: ['bathroom', '=bano', '=banos', 'cuarto de bano', 'aseo', 'baie'],
  bedroom: ['bedroom', 'dormitorio', 'dormitor'],
  dining: ['dining room', 'comedor', 'restaurant', 'restaurante'],
  serverroom: ['server room', 'sala de servidores', 'cuarto de servidores', 'camera serverelor', 'sala serverelor'],
  plantroom: ['plant room', 'boiler room', 'sala de calderas', 'cuarto de calderas', 'basement', 'sotano', 'subsol*', 'cellar', 'pivnita'],
  meeting: ['meeting room', 'conference room', 'sala de reuniones', 'sala de juntas', 'sala de sedinte'],
  roof: ['roof', 'rooftop', 'tejado', 'azotea', 'acoperis', 'terraza', 'terrace', 'terasa'],
  workshop: ['workshop', 'taller', 'obrador', 'atelier'],
  shop: ['shop', 'tienda', 'magazin'],
  warehouse: ['warehouse', 'almacen', 'nave', 'depozit', 'loading bay', 'muelle de carga'],
  annex: ['annex', 'anexa', 'anexo', 'outbuilding'],
  surgery: ['surgery', 'gabinete', 'consulta'],
  // "Tengo una consulta" is a question, not the doctor's room.
  '-': ['una consulta', 'otra consulta', 'consulta rapida', 'pequena consulta', 'consulta sobre'],
};

/**
 * Where something is: a street, a unit, a room. Spanish and Romanian put the marker first ("calle Betis",
 * "hala B2", "planta 3"), English mostly after ("Cannon St", "east wing", "3rd floor"). Two requests that
 * name different places of one customer are usually two problems. Markers compare by stem ('etajul' is
 * 'etaj', 'naves' is 'nave').
 */
export const PLACE_BEFORE_NAME: Record<PlaceLevel, readonly string[]> = {
  site: ['calle', 'c/', 'avenida', 'avda', 'av', 'plaza', 'paseo', 'strada', 'str', 'bulevardul', 'bd', 'calea', 'soseaua', 'pensiunea', 'hotel', 'hotelul', 'poligono', 'parc', 'parcul'],
  unit: ['unit', 'unidad', 'nave', 'hala', 'sala', 'zona', 'zone', 'planta', 'etaj', 'et', 'habitacion', 'hab', 'room', 'camera', 'depozit', 'almacen', 'tienda', 'oficina', 'birou', 'flat', 'piso', 'local', 'taller', 'gabinete', 'cabinet', 'cab', 'consultorio', 'ap', 'apartament'],
};
export const PLACE_AFTER_NAME: Record<PlaceLevel, readonly string[]> = {
  site: ['street', 'st', 'road', 'rd', 'lane', 'avenue', 'ave', 'house', 'building', 'hall', 'estate', 'park', 'court', 'tower', 'mansions', 'centre', 'center'],
  unit: ['wing', 'floor', 'office', 'warehouse', 'shop', 'room', 'kitchen', 'lounge'],
};
/** A site (an address, a building) holds units (a floor, a wing, a room): names compare within a level. */
export type PlaceLevel = 'site' | 'unit';

/** Words between a marker and its name ("nave de Escoriaza", "biroul din Cluj", "the 3rd floor"). */
export const PLACE_FILLERS: readonly string[] = ['de', 'del', 'la', 'din', 'of', 'the', 'nr', 'no', 'n', 'industrial', 'empresarial'];
/** Place names that are common words, taken in lower case too ("the east wing"). */
export const COMPASS: readonly string[] = ['north', 'south', 'east', 'west', 'norte', 'sur', 'este', 'oeste', 'nord', 'sud', 'est', 'vest'];
/** A marker followed by one of these is a job title, not a place ("Raluca Popescu, Office Manager"). */
export const ROLE_WORDS: readonly string[] = ['manager', 'administrator', 'assistant', 'supervisor', 'coordinator', 'director', 'lead', 'staff', 'team', 'worker'];

/**
 * Pieces the cue lists below are built from. The people who come, by how customers name them; the days a visit
 * is announced for ("viene el jueves", "coming Tuesday", "vine joi"; not today: "is anyone coming today?" asks);
 * the earlier message a customer points back to ("as per my earlier email").
 */
const ES_VISITOR_NOUNS = ['tecnico', 'tecnicos', 'fontanero', 'electricista', 'chico', 'chicos', 'operario', 'operarios', 'instalador', 'frigorista', 'muchacho', 'senor', 'cerrajero', 'ascensorista', 'antenista', 'chaval'];
const EN_VISITOR_NOUNS = ['engineer', 'technician', 'plumber', 'electrician', 'fitter', 'your man', 'your guy', 'your guys', 'your lads', 'your lad', 'sparky', 'gasman', 'gas man', 'locksmith', 'handyman', 'repairman'];
const RO_VISITOR_NOUNS = ['tehnicianul', 'instalatorul', 'electricianul', 'omul', 'omul vostru', 'baiatul vostru', 'colegul vostru', 'frigotehnistul', 'meseriasul', 'echipa'];
const ES_DAYS = ['manana', 'pasado manana', 'esta tarde', 'el lunes', 'el martes', 'el miercoles', 'el jueves', 'el viernes', 'el sabado'];
const EN_DAYS = ['tomorrow', 'this afternoon', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'on monday', 'on tuesday', 'on wednesday', 'on thursday', 'on friday', 'on saturday'];
const RO_DAYS = ['maine', 'poimaine', 'luni', 'marti', 'miercuri', 'joi', 'vineri', 'sambata', 'dupa amiaza', 'dupa masa'];
const EN_EARLIER = ['my earlier', 'my previous', 'my last', 'our earlier', 'our previous', 'our last', 'the earlier', 'the previous'].flatMap((m) => ['email', 'e mail', 'message', 'text', 'call', 'report', 'request'].map((x) => `${m} ${x}`));
/** "He's here", "they've arrived": the one who came named by a pronoun, an arrival and its visitor at once. */
const EN_ARRIVED_PRONOUN = ['hes here', 'shes here', 'theyre here', 'hes outside', 'theyre outside', 'hes arrived', 'theyve arrived', 'hes just arrived', 'theyve just arrived', 'hes on site', 'theyre on site', 'hes turned up', 'theyve turned up', 'he is here', 'he has arrived'];
/** The fault named as back ("ha vuelto la gotera", "the leak came back", "problema a revenit"): longer than the resolutions "ha vuelto", "came back", "a revenit" in them. */
const ES_FAULT_NOUNS = ['el problema', 'la averia', 'la gotera', 'el goteo', 'el ruido', 'el olor', 'la fuga', 'el fallo', 'el error', 'la humedad', 'el pitido', 'el mismo problema'];
const EN_FAULT_NOUNS = ['problem', 'fault', 'issue', 'leak', 'noise', 'smell', 'error', 'drip', 'damp', 'banging'];
const RO_FAULT_NOUNS = ['problema', 'defectiunea', 'avaria', 'scurgerea', 'zgomotul', 'mirosul', 'eroarea', 'pana'];
const FAULT_BACK = [
  ...['ha vuelto', 'vuelve', 'volvio', 'ha regresado'].flatMap((v) => ES_FAULT_NOUNS.map((n) => `${v} ${n}`)),
  ...ES_FAULT_NOUNS.flatMap((n) => ['ha vuelto', 'volvio', 'vuelve'].map((v) => `${n} ${v}`)),
  ...EN_FAULT_NOUNS.flatMap((n) => ['came back', 'has come back', 'is back', 'has returned', 'returned', 'keeps coming back', 'is coming back'].map((v) => `${n} ${v}`)),
  ...RO_FAULT_NOUNS.flatMap((n) => [`${n} a revenit`, `a revenit ${n}`, `${n} revine`, `revine ${n}`, `${n} a reaparut`, `a reaparut ${n}`]),
];

/** Words that say someone already reported it ("my colleague has already rung you"). */
export const REFERS_BACK: readonly string[] = [
  'already contacted', 'already rung', 'already called', 'already emailed', 'already been in touch', 'already reported', 'has rung', 'have rung', 'rang you', 'rang this morning', 'emailed yesterday', 'emailed last',
  'has emailed', 'has reported', 'as reported', 'same problem', 'same issue', 'again', 'still', 'following up', 'same as yesterday', 'same as this morning', 'same as before', 'like yesterday',
  'ya les ha', 'ya os ha', 'ya les he', 'ya han llamado', 'ya escribi*', 'ya llame', 'les acabo de llamar', 'como les dije', 'como les he comentado', 'lo de', 'lo del', 'sigue', 'siguen', 'seguimos', 'sigo', 'otra vez', 'de nuevo', 'os escribi',
  'lo mismo que ayer', 'igual que ayer', 'como ayer', 'lo que les comente',
  'v a scris', 'v a sunat', 'v am scris', 'am sunat', 'am scris', 'am completat', 'ati reusit', 'mai dureaza', 'tot nu', 'tot e', 'tot fara', 'iar nu', 'din nou', 'aceeasi problema', 'revin', 'ca ieri', 'la fel ca ieri',
  // Spanish: what I told you ("lo que os comenté", "como ya os dije"), I already rang or wrote ("ya os he escrito",
  // "ya avisé"), the earlier report ("el aviso de ayer", "mi incidencia"), it goes on ("todavía", "continúa", "persiste"),
  // the caller again ("rellamada", "vuelvo a llamar", "es la tercera vez que llamo").
  // Past forms exact where the stemmer would meet the present ("os comenté" / "os comento", "os llamé" / "os llamo
  // porque…", "os mandé" / "os mando fotos"): the present opens a first report.
  'lo que os =comente', 'lo que te =comente', 'lo que le =comente', 'lo que os dije', 'lo que les dije', 'lo que te dije', 'lo que le dije', 'como os dije', 'como te dije', 'como le dije',
  'como os =comente', 'como te =comente', 'como le =comente', 'como ya os', 'como ya les', 'como ya te', 'como ya le', 'como ya dije', 'como ya =comente', 'como ya sabeis',
  'ya os lo dije', 'ya os dije', 'ya lo dije', 'ya lo =comente', 'ya os =comente', 'ya =avise', 'ya os =avise', 'ya lo =avise', 'ya avisamos', 'ya avisaron', 'ya di aviso', 'ya di parte',
  'ya he llamado', 'ya hemos llamado', 'ya llamamos', 'ya os =llame', 'ya he escrito', 'ya os he escrito', 'ya hemos escrito', 'ya escribimos', 'os he escrito', 'os =llame',
  '=llame ayer', 'llamamos ayer', 'escribi ayer', 'os =mande', 'os =envie', 'os ha llamado', 'les ha llamado', 'os ha escrito', 'les ha escrito', 'os escribio', 'les escribio', 'he hablado con vosotros', 'he hablado con vuestro', 'hable con vosotros', 'hable con vuestro',
  'aviso de ayer', 'aviso de esta manana', 'aviso anterior', 'aviso que di', 'aviso que os', 'mi aviso', 'nuestro aviso', 'incidencia abierta', 'incidencia anterior', 'mi incidencia',
  'numero de aviso', 'numero de incidencia', 'mensaje anterior', 'correo anterior', 'mi ultimo mensaje', 'mi ultimo correo', 'llamada anterior', 'llamada de ayer', 'llamada de esta manana', 'lo que hablamos', 'como hablamos',
  'todavia', 'aun no', 'aun sin', 'aun sigue', '=continua', '=continuan', '=continuamos', 'persiste', 'persisten', 'mismo problema', 'misma averia', 'mismo fallo', 'lo de siempre', 'como el otro dia', 'como la otra vez', 'como la semana pasada',
  'reitero', 'reiteramos', 'insisto', 'insistimos', 'vuelvo a escribir', 'vuelvo a llamar', 'vuelve a llamar', 'rellamada', 'rellama', 'segunda llamada', 'tercera llamada', 'segunda vez que', 'tercera vez que',
  'por segunda vez', 'por tercera vez',
  // English: as I said, my earlier e-mail, I reported it, I spoke to you, nothing has changed, the second call.
  'as i said', 'as i mentioned', 'as mentioned', 'like i said', 'as i told', 'as we discussed', 'as discussed', 'as per my', 'as per our', 'per my', 'further to my', 'further to our', 'further to your',
  'following on from', 'following my', 'following our', 'follow up to', 'follow up on', ...EN_EARLIER, 'earlier email', 'earlier message', 'earlier call', 'previous email', 'previous message', 'previous call',
  // English participles exact: the stemmer reads "logged" as "log" ("I want to log a call" opens one).
  '=reported earlier', '=reported yesterday', '=reported this morning', '=reported last', '=reported it', '=reported this', 'i =reported', 'we =reported', 'previously =reported', 'already =logged', '=logged earlier',
  '=logged yesterday', '=logged a call', '=logged a job', '=logged this', '=logged it', '=raised a job', '=raised a ticket', '=opened a ticket', 'ticket number', 'job number', 'your ref', 'your reference', 'reference number',
  'case number', '=called earlier', '=called yesterday', '=called this morning', 'rang earlier', 'rang yesterday', '=phoned earlier', '=phoned yesterday', '=phoned this morning', '=texted earlier', '=texted yesterday',
  '=texted this morning', '=messaged earlier', '=messaged yesterday', '=emailed earlier', '=emailed this morning', 'spoke to your', 'spoke to one of', 'spoke to someone', 'spoke with your', 'spoke to you', 'spoken to your', 'told you',
  'has =called', 'has =phoned', 'has =texted', 'has =messaged', 'was in touch', 'been in touch', 'been on to you', 'been onto you', 'yet again', 'same fault', 'same again', 'no change',
  'no better', 'not =changed', 'nothing has =changed', 'nothing =changed', 'no improvement', 'not improved', 'continues', 'continuing', 'persists', 'persisting', 'ongoing', 'keeps happening',
  'second time', 'third time', '2nd time', '3rd time', '2nd call', 'second call', 'third call', '3rd call', '=called back', 'rang back', '=phoned back', 'chasing', 'chase up', 'chased', 'just a reminder', 'gentle reminder', 'friendly reminder', 'quick reminder',
  // Romanian: as I told you, I reported it ("am anunțat", "am făcut sesizare"), I spoke to you, it goes on ("în continuare",
  // "încă nu"), the second time, the earlier report ("sesizarea de ieri"), the caller back ("a revenit clientul").
  'v am spus', 'cum am spus', 'v am zis', 'v am anuntat', 'v am semnalat', 'am anuntat', 'am raportat', 'am semnalat', 'am reclamat', 'am facut o sesizare', 'am facut sesizare', 'v a anuntat', 'v a spus',
  'v a contactat', 'v am contactat', 'am luat legatura', 'a luat legatura', 'am vorbit ieri', 'am vorbit azi', 'am vorbit cu dumneavoastra', 'am vorbit cu voi', 'am vorbit cu colegul', 'am vorbit cu colega', 'am vorbit la telefon',
  'inca nu', 'inca e', 'inca este', 'inca avem', 'inca sunt', 'inca asteptam', 'inca astept', 'tot asa', 'tot la fel', 'aceeasi defectiune', 'aceeasi avarie', 'aceeasi situatie', 'persista',
  'revenim', 'revin cu', 'reamintesc', 'a doua oara', 'a treia oara', 'a doua sesizare', 'al doilea telefon', 'sun iar', 'scriu iar', 'va scriu iar', 'sesizarea de ieri', 'sesizarea mea', 'sesizarea anterioara',
  'reclamatia mea', 'mesajul anterior', 'mesajul de ieri', 'emailul anterior', 'mailul anterior', 'ca data trecuta', 'ca saptamana trecuta', 'ca si ieri', 'numar sesizare', 'numarul sesizarii',
  'a revenit clientul', 'clientul a revenit', 'a revenit cu', 'a revenit telefonic',
];

/**
 * Words that bring up a second problem while writing about a first. Strong ones always do ("one more
 * thing", "otra cosa", "inca ceva"); weak ones ("also", "también", "de asemenea") only when they are not
 * about sending the same report on another channel ("Escribí también por WhatsApp", "lo mando también por
 * aquí": the same report again, not another problem).
 */
export const ANOTHER_PROBLEM: readonly string[] = [
  'one more thing', 'another thing', 'separate', 'unrelated', 'while your engineer is here', 'when your engineer is here', 'while you are here', 'different issue', 'new issue', 'another problem', 'another issue',
  'besides', 'apart from', 'on top of', 'pe langa', 'in afara de', 'in plus fata de', 'in plus de',
  'otra cosa', 'aparte', 'de paso', 'aprovechando', 'otro tema', 'otra averia', 'otro problema', 'ademas de',
  'inca ceva', 'inca o problema', 'alta problema', 'separat', 'cat timp',
  // More of the strong ones: "while he's here", "whilst your engineer is here", "new fault"; "o altă problemă", "dacă tot
  // vine tehnicianul".
  // Not "when he comes" ("when he comes, please ring the bell"), "something else" ("the thermostat or something else"),
  // "another job" ("your engineer is on another job"). (The Spanish ones, "una cosa más", "otra incidencia", "ya que está
  // aquí", split an incident of the labelled set: left out.)
  'one other thing', 'another fault', 'new problem', 'new fault', 'second issue', 'second problem', 'while hes here', 'while he is here', 'while theyre here', 'while youre here',
  'whilst your engineer', 'whilst you are here', 'whilst youre here', 'whilst hes here', 'whilst he is here',
  'o alta problema', 'alt lucru', 'o alta chestiune', 'alta defectiune', 'o alta defectiune', 'alta avarie', 'o noua problema', 'problema noua', 'daca tot vine', 'daca tot veniti', 'daca tot e aici',
];
/** "Besides X, …": X is the other problem, already reported; the rest of the message is the new one. */
export const BESIDES: readonly string[] = ['ademas de', 'aparte de', 'a parte de', 'besides', 'apart from', 'on top of', 'as well as', 'pe langa', 'in afara de', 'pe deasupra', 'in plus fata de', 'in plus de',
  'separate from', 'separado de', 'separada de', 'separat de', 'separata de'];
/**
 * Words that set a request apart from a problem already reported ("this is a different unit", "not related to
 * this morning's job", "nu are legătură"): the clause saying so names the other problem (contrast.ts).
 */
export const DIFFERENT: readonly string[] = [
  'different', 'not related', 'not the same', 'nothing to do with', 'diferente', 'distint*', 'no es el mismo', 'no es la misma', 'nada que ver', 'no tiene que ver', 'no tiene nada que ver',
  'diferit*', 'nu e acelasi', 'nu este acelasi', 'nu e aceeasi', 'nu este aceeasi', 'nu are legatura', 'nu are nicio legatura',
];
/** A clause opening with a negated identity names what the request is not about: "not the boiler", "no es el compresor", "nu e vorba de centrală" (contrast.ts). */
export const NOT_THE: readonly string[] = ['not the', 'not our', 'isnt the', 'no es el', 'no es la', 'no es lo', 'no es del', 'no son los', 'no son las', 'no se trata de', 'nu e vorba', 'nu este vorba'];
/** "Not the first time", "no es la primera vez": the fault is back, not another one. */
export const NOT_THE_FIRST: readonly string[] = ['not the first', 'no es la primera', 'no es el primer', 'no es lo primero'];
/**
 * "Also": one more of the same kind of fault, elsewhere; unless next to a channel word ("sent it by e-mail as
 * well"). "Either" / "as well" only at a clause's end (ANOTHER_PROBLEM_AT_END): "the one in control room B is not
 * cooling either", not "either morning or afternoon".
 */
export const ANOTHER_PROBLEM_WEAK: readonly string[] = ['also', 'ademas', 'tambien', 'de asemenea', 'si la'];
export const ANOTHER_PROBLEM_AT_END: readonly string[] = ['=either', 'as well'];
/** Channels and sending words: "also" next to one of them is the same report sent twice. */
export const CHANNEL_WORDS: readonly string[] = [
  'whatsapp', 'email', 'e mail', 'mail', 'correo', 'sms', 'message', 'mensaje', 'mesaj', 'web', 'formulario', 'form', 'formularul', 'phone', 'telefono', 'aqui', '=here', 'aici',
  'escribi', 'mando', 'envio', '=llame', 'wrote', 'sent', 'rang', '=called', 'scris', 'trimis', 'sunat',
  // "Os lo mandé también por wasap", "I texted as well", "am sunat și telefonic".
  '=text', '=texted', '=phoned', 'voicemail', 'llamada', 'telefonic', '=apel', 'chat',
];

/** Words that mark a request about money or paper, not a fault (a bill that cites a repair is its own request). */
export const BILLING: readonly string[] = [
  'factur*', 'invoice*', '=bill', '=bills', 'billing', 'presupuest*', '=quote', '=quotes', 'quotation', 'ofert*', '=contrato', '=contratos', 'contract', '=recibo', '=recibos', 'receipt*', '=abono', 'refund*', 'reembols*',
  'price up', 'abonament*', 'tarif*', 'cuota*', 'direct debit', 'overcharg*',
];

/** Today's job: a call-out or visit of today, this morning (a purchase order "for the invoice" of it is paperwork of the job). */
export const TODAYS_JOB: readonly string[] = ['call out', 'callout', 'today', 'this morning', 'hoy', 'esta manana', 'azi', 'astazi', 'azi dimineata', 'in dimineata asta'];

/** A follow-up that names no problem ("any news?", "when is the engineer coming?"): it belongs to an open request of the sender. */
export const FOLLOW_UP: readonly string[] = [
  'novedad*', 'noticias', 'any news', 'any update', 'update on', 'chasing', '=checking', 'still waiting', 'seguimos esperando', 'cuando viene', 'cuando vendra', 'a q hora viene', 'a que hora viene', 'va a ir alguien',
  'when will', 'when is', 'how long', 'anyone coming', 'someone coming', 'still coming', 'cuanto falta', 'cuanto tarda', 'vreo noutate', 'noutat*', 'cand vine', 'cand ajunge', 'vine cineva', 'mai dureaza', 'asteptam',
  'confirm', 'confirmo', 'confirmam', 'confirmar', 'programat', 'cita', '=booked', 'appointment', 'visit', 'visita', 'vizita', 'tecnico', 'technician', 'engineer', 'tehnician*', 'muchacho',
  'ya escribi*', '=emailed', 'v a scris', 'am scris', 'gracias', 'thanks', 'cheers', 'multumesc', 'multumim', 'mersi',
  'what time', 'a que hora', 'a q hora', 'que hora', 'vienen', 'venis', 'viene', 'vendran', 'llega', 'llegan', 'llegara', '=coming', 'arrive', 'arriving', '=eta', 'vine', 'veniti', 'ajunge', 'ajungeti',
  'vine azi', 'veniti azi', 'mai vine', 'cat mai', 'alguna novedad', 'nadie', 'nobody', 'no one', 'nimeni', 'how much longer', 'any idea when', 'sabeis algo', 'stiti ceva',
  // Spanish: for when, is there a date, tell me something ("¿me decís algo?"), what about mine ("¿qué hay de lo mío?",
  // "¿cómo va lo de…?"), when are you coming, how long must we wait, no answer, nobody came; an agent's note of the call.
  'para cuando', 'hay fecha', 'alguna fecha', 'que fecha', 'que dia', 'para que dia', 'me decis algo', 'me dices algo', 'nos decis algo', 'decidme algo', 'decirme algo', 'me podeis decir algo', 'me pueden decir algo',
  'me podeis informar', 'me pueden informar', 'sabemos algo', 'se sabe algo', 'sabes algo', 'saben algo', 'sabe algo', 'que se sabe', 'que hay de lo mio', 'que hay de lo nuestro', 'que pasa con', 'que ha pasado con',
  'que paso con', 'como va lo', 'como va la reparacion', 'como va el tema', 'como va eso', 'como lo llevais', 'que tal va', 'que tal lo', 'en que estado', 'en que punto', 'en que quedamos', 'en que quedo',
  'cuando vais a venir', 'cuando podeis venir', 'cuando pueden venir', 'cuando podran venir', 'cuando vais', 'cuando van', 'cuando pasais', 'cuando pasan', 'cuando pasara', 'cuando vendreis', 'cuando se pasa',
  'cuando lo arreglais', 'cuando se arregla', 'cuando estara', 'hasta cuando', 'cuanto tiempo mas', 'cuanto mas', 'cuanto tenemos que esperar', 'cuanto hay que esperar', 'tenemos que esperar', 'hay que esperar',
  'seguimos a la espera', 'sigo a la espera', 'sigo esperando', 'estamos esperando', 'estoy esperando', 'estamos a la espera', 'llevamos esperando', 'llevo esperando', 'esperando respuesta', 'sin respuesta',
  'no he tenido respuesta', 'no hemos tenido respuesta', 'ninguna respuesta', 'no me habeis contestado', 'no me han contestado', 'no contestais', 'no me contestan', 'todavia nada', 'aun nada',
  'todavia no ha venido', 'aun no ha venido', 'no ha venido', 'no ha aparecido', 'no se ha pasado nadie', 'ni rastro', 'va a venir', 'vais a venir', 'van a venir', 'va a pasar alguien', 'vais a pasar', 'viene alguien', 'vendra alguien',
  'os recuerdo', 'les recuerdo', 'recordatorio', 'estado de la incidencia', 'estado del aviso', 'estado de la reparacion', 'como esta lo', 'como esta el tema',
  'vuelve a llamar', 'llama de nuevo', 'llama otra vez', 'rellamada', 'rellama', 'cliente insiste', 'insiste', 'cliente reclama', 'reclamando', 'pregunta por', 'pregunta cuando', 'pregunta si viene',
  'llama para saber', 'llama preguntando', 'quiere saber', 'cliente pregunta', 'pide fecha', 'solicita fecha',
  // English: any joy / word / progress, an update please, what's happening with, where are we with, when can you,
  // heard nothing back, please advise, keep me posted, nobody turned up; the agent's "customer chasing", "2nd call".
  'any joy', 'any word', 'any progress', 'any movement', 'any feedback', 'any response', 'any reply', 'any luck', 'any sign', 'any further', 'update please', 'an update', 'updates please', 'please update',
  'can you update', 'could you update', 'whats happening', 'what is happening', 'whats going on', 'what is going on', 'whats the latest', 'the latest on', 'where are we', 'where r we', 'whats the status',
  'what is the status', 'status update', 'status of', 'status on', 'hows it going', 'how is it going', 'how are we getting on', 'how are you getting on', '=whens', 'when can', 'when are', 'when r', 'when do',
  'when would', 'what day', 'which day', 'what date', 'roughly when', 'time frame', 'timeframe', 'timescale*', 'heard anything', 'heard nothing', 'not heard', 'havent heard', 'no word', 'no reply', 'no response',
  'not had a reply', 'not had a response', 'still nothing', 'still no word', 'still no news', 'chasing up', 'chase up', 'chased', 'chaser', 'follow up', 'following up',
  'been waiting', 'waiting for', 'waiting on', 'we are waiting', 'im waiting', 'still awaiting', 'awaiting', 'let me know when', 'let us know when', 'please advise', 'can you advise', 'could you advise',
  'kindly advise', 'advise when', 'keep me posted', 'keep me updated', 'keep us posted', 'keep us updated', 'anyone there', 'is someone coming', 'r you coming', 'are you coming', 'are you still coming', 'still on for',
  'no show', 'no one turned up', 'nobody turned up', 'didnt turn up', 'didnt show', 'not turned up', 'not shown up', 'hasnt turned up', 'hasnt arrived', 'not arrived', 'not here yet', 'still not here', 'no sign of',
  '=called back', 'rang back', 'customer asking', 'asking for an update', 'asking when', 'wants to know when', 'wants an update', 'wants an eta', 'requesting an update', 'requested an update', 'update requested',
  '2nd call', 'second call', '3rd call', 'third call', 'chase call',
  // Romanian: any news ("e vreo veste?", "ceva nou?"), what is happening with, when can you come, how much longer, no
  // answer, nobody came ("n-a venit nimeni"), let me know; the agent's "clientul întreabă", "a sunat din nou".
  'vreo veste', 'vesti', 'vreo informatie', 'vreo info', 'ceva nou', 'ce se intampla', 'ce se aude', 'ce faceti cu', 'ce s a intamplat cu', 'cum ramane cu', 'unde suntem cu', 'in ce stadiu', 'stadiul',
  'cand puteti', 'cand vin', 'cand o sa', 'cand treceti', 'cand trece', 'cand se rezolva', 'cand rezolvati', 'cand reparati', 'cand se repara', 'pana cand', 'cat mai avem', 'cat mai trebuie', 'cat trebuie sa',
  'cat timp mai', 'cat o sa', 'stie cineva', 'se stie ceva', 'se stie cand', 'aveti vreo', 'ati uitat de noi', 'ne ati uitat', 'v ati uitat', 'astept un raspuns', 'astept raspuns', 'inca astept', 'tot astept',
  'tot asteptam', 'niciun raspuns', 'nici un raspuns', 'fara raspuns', 'nu mi a raspuns', 'nu ne a raspuns', 'nu raspunde nimeni', 'nu a venit', 'n a venit', 'nu a ajuns', 'n a ajuns', 'inca nu a venit',
  'sa ma anuntati', 'sa ne anuntati', 'anuntati ma', 'tineti ma la curent', 'ma tineti la curent', 'o sa vina', 'va veni', 'vor veni', 'veniti maine',
  'suna din nou', 'a sunat iar', 'clientul intreaba', 'intreaba de', 'intreaba cand', 'doreste sa stie', 'vrea sa stie', 'solicita informatii', 'insista',
];

/** The problem is over: "ya funciona", "back up now", "acum merge". The incident's next fault report is a new occurrence. */
export const RESOLVED: readonly string[] = [
  'ya funciona', 'ya va', 'ya calienta', 'ya enfria', 'ya tenemos', 'ya tengo', 'ya tiene', 'ya hay', 'funciona ya', 'vuelve a funcionar', 'vuelvo a tener', 'ha vuelto', 'solucionado', 'arreglado',
  'working now', 'works now', 'back on', 'back up', 'came back', 'all good', '=fixed now', '=sorted', 'up and running',
  'acum merge', 'merge acum', 'functioneaza acum', 'a revenit', 'rezolvat', 'a venit netul',
  // Working again is over, not the fault again (matched with AGAIN, longest first).
  // Not "going again" or "va otra vez" ("se va otra vez la luz": the power is going off again).
  'working again', 'works again', 'running again', 'back to normal', 'funciona otra vez', 'funciona de nuevo', 'anda otra vez',
  'vuelve a ir', 'vuelve a andar', 'merge din nou', 'merge iar', 'functioneaza din nou', 'functioneaza iar',
  // Working again as "ha vuelto a …", longer than the again words' "ha vuelto a" ("se ha vuelto a parar" stays the fault).
  'ha vuelto a funcionar', 'han vuelto a funcionar', 'volvio a funcionar', 'volvieron a funcionar', 'vuelven a funcionar', 'ha vuelto a ir', 'ha vuelto a andar', 'ha vuelto a arrancar', 'ha vuelto a encender', 'volvio a arrancar',
  // Spanish: all fine now ("todo ok ya", "ya está todo bien"), solved ("se ha resuelto", "se solucionó"), it starts,
  // it runs ("ya arranca", "ya está funcionando"), the supply back ("volvió la luz"), thanks for the fix. Not "ya está"
  // alone ("ya está el técnico" says he came, "ya está goteando" the fault), nor "ya está bien" ("¡ya está bien!" is
  // "that's enough", a chaser), nor "ya sale" ("ya sale agua por el techo").
  'ya esta todo bien', 'ya esta todo ok', 'ya esta todo arreglado', 'ya esta todo solucionado', 'ya esta todo correcto', 'ya esta todo en orden', 'esta todo bien', 'todo bien ya', 'ya todo bien', 'todo ok',
  'todo ok ya', 'ya todo ok', 'todo correcto', 'todo perfecto', 'todo en orden', 'ya va todo bien', 'ya va bien', 'ya esta resuelto', 'ya esta resuelta', 'ya esta gracias', 'ya esta muchas gracias', 'resuelto', 'resuelta',
  'se =soluciono', 'se ha resuelto', 'se =resolvio', 'se =arreglo', 'se =arreglo solo', 'se ha arreglado solo', 'ya esta funcionando', 'ya estan funcionando', 'ya funcionando', 'ya funcionan', 'funcionando ya',
  'funcionando otra vez', 'funcionando de nuevo', 'todo funcionando', 'todo funciona', 'funciona todo', 'ya anda', 'ya arranca', 'ya enciende', 'ya prende', 'ya conecta', 'ya carga', 'ya congela', 'ya hace hielo',
  'ya traga', 'ya desagua', 'ya sale agua caliente', 'ya sale el agua caliente', 'volvio la luz', 'volvio el agua', 'volvio la corriente', 'vuelve a haber luz', 'vuelve a haber agua',
  'gracias por la reparacion',
  // English: all fixed / sorted / working, fine now, problem solved, sorted itself out, that did the trick, the power's back
  // ("power's" written exact: a "gas back boiler" is a kind of boiler).
  'all =fixed', 'all =sorted', 'its =sorted', 'got it =sorted', 'all working', 'everything working', 'everything is working', 'everythings working', 'everything works', 'everything fine', 'everything is fine',
  'everythings fine', 'everything ok', 'all fine', 'fine now', 'ok now', 'okay now', 'all ok', 'seems fine now', 'seems ok now', 'seems to be working', 'seems to have worked', 'working fine now', 'working properly now',
  'now working', 'now works', 'now =fixed', 'now =sorted', 'now =resolved', 'running fine now', '=fired up', 'firing up now', 'come back on', 'problem solved', 'problem resolved', 'issue resolved', 'issue solved',
  '=resolved now', 'is =resolved', 'been resolved', 'has resolved', 'resolved itself', 'sorted itself', '=fixed itself', 'cleared itself', 'righted itself', 'that did it', 'that did the trick', 'did the trick',
  'done the trick', 'thats done it', 'that =worked', 'that has worked', 'thats worked', 'worked a treat', 'working a treat', 'grand now', 'perfect now', 'working perfectly', 'works perfectly', 'thanks for fixing', 'thanks for sorting',
  ...['power', 'water', 'hot water', 'heating', 'internet', 'wifi', 'broadband', 'lights', 'electric', 'electrics', 'electricity', 'gas', 'signal', 'phones', 'tv'].flatMap((x) => [`${x} is =back`, `${x} are =back`, `${x.replace(/(\w+)$/, '=$1s')} =back`]),
  // Romanian: ok / fine now ("e ok acum", "acum e bine", "totul e în regulă"), it starts now, remedied, the supply back
  // ("a venit curentul", "avem apă caldă"). Not "a pornit" alone ("a pornit alarma" is the alarm going off), nor "e ok"
  // alone ("e ok dacă veniți mâine?").
  'e ok acum', 'acum e ok', 'e bine acum', 'acum e bine', 'totul e ok', 'totul ok', 'totul e bine', 'totul bine', 'totul e in regula', 'e in regula acum', 'acum e in regula', 'totul merge', 'totul functioneaza',
  'merge bine acum', 'merge perfect', 'functioneaza perfect', 'acum functioneaza', 'acum porneste', 'porneste acum', 'a pornit centrala', 'centrala a pornit', 'a pornit acum', 'acum a pornit',
  's a remediat', 'a fost remediat', 'a fost remediata', 'am remediat', 'ati remediat', 'remediat acum', 'a venit curentul', 'a venit lumina', 'a venit apa calda', 'a revenit apa', 'a revenit lumina',
  'avem curent', 'avem apa calda', 'avem caldura', 'avem lumina', 'avem internet', 'avem semnal', 'avem iar curent', 'avem iar apa', 'avem din nou curent', 'avem din nou apa', 'avem din nou apa calda',
  'multumesc pentru reparatie', 'multumim pentru reparatie', 'multumesc ca ati reparat', 'multumim ca ati reparat',
];
/**
 * A repair was done: "han cambiado el ventilador", "the valve was replaced", "au schimbat contactul". With no
 * fault described, the job is over; with the fault "again", it is back after a repair (score.ts). Past forms
 * only: "pido reparar", "can you get it fixed?" ask for one.
 */
export const REPAIRED: readonly string[] = [
  '=reparo', '=reparado', '=reparada', '=repararon', '=arreglaron', '=arreglado', '=arreglada', 'ha cambiado', 'han cambiado', '=cambiaron', '=sustituido', '=sustituyeron',
  // English participles exact: the stemmer reads "fixed" as "fix", "replaced" as "replace" ("can you fix the boiler",
  // "please replace the filter", "could you change the bulb" ask for a repair).
  'was =fixed', 'were =fixed', 'got =fixed', 'you =fixed', 'they =fixed', '=fixed it', 'was =repaired', 'were =repaired', '=repaired it', 'was =replaced', 'were =replaced', 'has =replaced', 'have =replaced', '=replaced the', '=changed the',
  '=reparat', '=reparata', 'a schimbat', 'au schimbat', 'a inlocuit', 'au inlocuit', '=schimbat', '=inlocuit',
  // More past forms: "lo han reparado", "han puesto uno nuevo", "ha purgado los radiadores", "desatascaron el fregadero";
  // "has fixed", "swapped the valve", "fitted a new pump", "got it going"; "au remediat", "a pus una nouă", "a desfundat".
  'han arreglado', 'ha arreglado', 'han reparado', 'ha reparado', 'ha sustituido', 'han sustituido', 'han puesto uno nuevo', 'han puesto una nueva', 'ha puesto uno nuevo', 'ha puesto una nueva',
  'pusieron uno nuevo', 'pusieron una nueva', 'han purgado', 'ha purgado', '=purgaron', 'han desatascado', 'ha desatascado', '=desatascaron', 'han rearmado', 'ha rearmado', 'han cargado gas', 'ha cargado gas',
  'cargaron gas', 'han recargado', 'ha recargado', 'han soldado', 'ha soldado',
  // English participles written exact: the stemmer reads "fixed" as "fix", and "can you fix the…" asks for a repair.
  'has =fixed', 'have =fixed', '=fixed the', '=sorted the', '=sorted it out', '=sorted out the', 'got it working', 'got it going', 'got it running', 'has been =fixed', 'been =repaired', 'been =replaced', 'been =sorted',
  '=swapped the', '=swapped out', '=fitted a new', '=fitted new', '=fitted the new', 'put a new', 'put in a new', '=installed a new', '=replaced a', '=replaced it', '=unblocked the', '=unblocked it', '=cleared the blockage',
  'bled the', '=repressurised', '=repressurized', '=regassed', 're gassed',
  'a remediat', 'au remediat', 'a rezolvat', 'au rezolvat', 'a pus una noua', 'au pus una noua', 'a pus un nou', 'au pus un nou', 'a montat una noua', 'au montat una noua', 'a montat un nou', 'au montat un nou',
  'a aerisit', 'au aerisit', 'a desfundat', 'au desfundat', 'a incarcat freon', 'au incarcat freon', 'a reglat', 'au reglat',
];
/** A visit was booked or announced for the incident ("Programat 11-12", "engineer booked 13:00", "se le da cita"). */
export const VISIT_BOOKED: readonly string[] = [
  '=programat', '=programata', '=booked', '=dispatched', 'on the way', 'on his way', 'en camino', 'de camino', '=llegada', 'se le da', 'se le confirma', 'visita confirmada', 'cita confirmada', 'tecnico asignado',
  '=confirmat', '=scheduled',
  // The customer's side: "me han dado cita para el jueves", "hemos quedado a las 10", "viene mañana", "he's coming
  // Tuesday", "appointment confirmed", "pencilled in", "avem programare", "vine joi", "e pe drum". Not today's:
  // "¿viene alguien hoy?", "is anyone coming today?" ask.
  'me han dado cita', 'nos han dado cita', 'dado cita', 'me dieron cita', 'nos dieron cita', 'tengo cita', 'tenemos cita', 'cita concertada', 'cita asignada', 'cita programada', 'visita programada',
  'visita concertada', 'visita agendada', 'visita prevista', 'visita fijada', 'cita fijada', 'agendad*', 'quedamos el', 'quedamos a las', 'hemos quedado con', 'hemos quedado el', 'hemos quedado a las', 'hemos quedado para', 'he quedado con', 'quedo en venir', 'quedaron en venir',
  'dijo que vendria', 'dijeron que vendrian', 'me han dicho que viene', 'nos han dicho que viene', 'va para alla', 'sale para alla', 'saliendo para alla', 'llega en', 'llegara a las', 'estara ahi',
  'estara alli', 'se cita', 'se agenda', 'se programa visita', 'se envia tecnico', 'se manda tecnico',
  ...['viene', 'vienen', 'vendra', 'vendran', 'pasa', 'pasan', 'pasara', 'pasaran'].flatMap((v) => ES_DAYS.map((d) => `${v} ${d}`)),
  'booking confirmed', 'appointment confirmed', 'visit confirmed', '=confirmed for', 'is =confirmed', 'has been =confirmed', 'due between', 'expected at', 'expected between',
  'will be there', 'will be with you', 'will be round', 'will attend', '=pencilled in', '=penciled in', '=slotted in', '=arranged for', 'visit arranged', 'appointment arranged', 'has been arranged',
  'en route', 'enroute', 'heading over', 'heading to you', 'heading your way', 'engineer allocated', 'engineer assigned',
  // Exact: the stemmer makes "coming" "come", and "can you come tomorrow?" asks.
  ...['=coming', '=coming out', '=coming round', 'due', '=attending'].flatMap((v) => EN_DAYS.map((d) => `${v} ${d}`)),
  'am programare', 'avem programare', 'programare pentru', 'programarea e', 'programarea este', 'am stabilit', 's a stabilit', 'am convenit', 'e pe drum', 'este pe drum', 'sunt pe drum', 'pe drum spre',
  'in drum spre', 'a plecat spre', 'pleaca spre', 'mi au zis ca vine', 'au zis ca vine', 'mi au spus ca vine', 'ne au spus ca vine', 'a confirmat', 'au confirmat',
  ...['vine', 'vin', 'trece', 'ajunge', 'va veni', 'vor veni', 'o sa vina'].flatMap((v) => RO_DAYS.map((d) => `${v} ${d}`)),
];
/** The people who come: a follow-up that asks after one of them is about the incident a visit was booked for. */
export const VISITOR: readonly string[] = [
  'tecnico', 'technician', 'engineer', 'tehnician*', 'muchacho', 'chico', 'echipa', 'someone', 'alguien', 'cineva', 'anyone', 'plumber', 'electrician', 'electricista', 'fontanero', 'instalator*', 'omul', 'el de',
  'the guy', 'vienen', 'venis', 'veniti',
  // Who the customer says came, in their words: "your lads", "el operario", "baiatul vostru", "frigotehnistul".
  'lads', 'the lad', 'your man', 'your guy', 'fitter', 'repairman', 'repair man', 'operario', 'instalador', 'frigorista', 'frigotehnist*', 'baiatul vostru', 'meserias*',
  // More of them: "el señor", "vuestro compañero", "el del gas", "los de la caldera"; "the chap", "the bloke", "sparky",
  // "gas man", "your colleague"; "domnul de la", "colegul vostru", "cei de la".
  'el senor', 'un senor', 'el hombre', 'el chaval', 'los chicos', 'vuestro companero', 'vuestra gente', 'cerrajero', 'ascensorista', 'antenista', 'el del', 'los de', 'los del',
  'the man', '=chap', '=chaps', 'bloke', '=fella', 'sparky', 'sparkie', 'gas man', 'gasman', 'locksmith', 'handyman', 'joiner', 'roofer', 'glazier', 'contractor', 'workman', 'workmen', 'your colleague', 'your people',
  'your team', 'your boys',
  'un domn', 'domnul de la', 'baiatul de la', 'colegul vostru', 'colegul dumneavoastra', 'oamenii vostri', 'cei de la', 'cel de la', 'lacatus*',
  // The one coming named by the verb, or a pronoun: "¿cuándo viene?", "¿viene mañana?", "când vine?", "is he coming?".
  'cuando viene', 'cuando vendra', 'a que hora viene', 'viene hoy', 'viene manana', 'ya viene', 'llega hoy', 'a que hora llega', 'cuando llega', 'cand vine', 'mai vine', 'vine azi', 'vine maine',
  'is he coming', 'is she coming', 'are they coming', 'is he still coming', 'are they still coming', 'hes coming', 'theyre coming', 'when is he', '=whens he', 'when will he', 'what time is he', '=wheres he', 'where is he',
  ...EN_ARRIVED_PRONOUN,
];
/** Someone has arrived: the visit is on, the fault is not over ("ya ha llegado el técnico", "the engineer is here"). */
export const ARRIVED: readonly string[] = ['ha llegado', 'han llegado', 'acaba de llegar', 'ya esta aqui', 'ya estan aqui', 'has arrived', 'have arrived', 'just arrived', 'is here', 'are here', 'a ajuns', 'au ajuns', 'a sosit', 'e aici', 'este aici', 'llego', 'llegaron',
  'here now', 'is on site', 'are on site', 'on site now', 'esta aqui', 'estan aqui', 'e la noi', 'sunt aici',
  // Here now, present: "ya está el fontanero", "acaban de llegar", "your man's here", "engineer on site", "he's outside",
  // "tehnicianul e la ușă", "tocmai a ajuns". Not the past "came", "ha venido", "a venit": a message telling the job
  // ("ha venido el técnico y ya funciona") is a resolution, and an arrival is none.
  ...ES_VISITOR_NOUNS.flatMap((n) => [`ya esta el ${n}`, `ya estan los ${n}`]),
  ...ES_VISITOR_NOUNS.flatMap((n) => [`el ${n} esta trabajando`, `los ${n} estan trabajando`]),
  'ya esta aca', 'ya estan aca', 'esta en la puerta', 'estan en la puerta', 'esta llamando al timbre', 'acaban de llegar', 'acaba de venir', 'acaban de venir',
  'esta aqui ya', 'estan aqui ya', 'lo esta mirando', 'lo estan mirando',
  ...EN_VISITOR_NOUNS.flatMap((n) => ['here', 'outside', 'at the door', 'on site', 'onsite', 'just =turned up', 'has =turned up', 'has shown up', 'just =pulled up', 'is working on it', 'is looking at it'].map((x) => `${n} ${x}`)),
  ...EN_ARRIVED_PRONOUN, 'with us now', 'here with us', 'here with me',
  ...RO_VISITOR_NOUNS.flatMap((n) => ['e aici', 'este aici', 'e la noi', 'e la usa', 'lucreaza', 'se uita'].map((x) => `${n} ${x}`)),
  'e la usa', 'este la usa', 'e la poarta', 'e la fata locului', 'este la fata locului', 'sunt la fata locului', 'tocmai a ajuns', 'tocmai a venit', 'e deja aici', 'e deja la noi', 'deja e aici', 'sunt la noi', 'este la noi', 'lucreaza acum', 'se uita acum',
];
/** The fault is back ("otra vez el ascensor", "iar s-a stricat", "again"). */
export const AGAIN: readonly string[] = [
  'otra vez', 'de nuevo', 'nuevamente', 'una vez mas', 'again', 'once more', '=iar', 'din nou', 'iarasi', 'volvio a', 'vuelve a', 'ha vuelto a',
  // Negated, longer than the resolutions they contain ("not working again" is no "working again").
  'not working again', 'isnt working again', 'stopped working again', 'no funciona otra vez', 'no funciona de nuevo', 'no anda otra vez', 'nu merge iar', 'nu merge din nou',
  'nu functioneaza iar', 'nu functioneaza din nou',
  // A toilet or a tap "running" is its fault.
  'toilet running again', 'toilet is running again', 'toilets running again', 'cistern running again', 'cistern is running again', 'tap running again', 'tap is running again',
  // The second or third time, it keeps recurring; the plural and past "vuelven a", "han vuelto a"; "a reapărut", "se repetă".
  'por segunda vez', 'por tercera vez', 'ya van dos veces', 'ya van tres veces', 'cada dos por tres', 'se repite', 'se ha repetido', 'se reproduce', 'se ha reproducido', 'reaparec*', 'vuelven a', 'volvieron a', 'han vuelto a',
  'for the second time', 'for the third time', 'second time this', 'third time this', 'keeps happening', 'recurring', 'reoccurring', '=recurred', '=reoccurred', 'recurrent', 'reappeared', 'repeat fault',
  'repeat visit', 'repeat issue', 'a doua oara', 'a treia oara', 'pentru a doua oara', 'a reaparut', 'reapare', 'se repeta', 'se tot repeta',
  // The fault named as back, longer than the resolutions in it: "ha vuelto la gotera", "the leak came back", "problema a revenit".
  ...FAULT_BACK,
  // The caller back, not the supply back: "a revenit clientul", "the customer came back to us" (as "cliente llama de nuevo").
  'a revenit clientul', 'clientul a revenit', 'a revenit cu', 'a revenit telefonic', 'doamna a revenit', 'domnul a revenit', 'customer came back', 'came back to us', 'came back to you', 'came back about',
];
/** Thanks ("gracias por todo"): with words about the work, a message about the job. */
export const GRATITUDE: readonly string[] = ['gracias', 'thanks', 'thank you', 'cheers', 'multumesc', 'multumim', 'mersi',
  // "Ta" only in its English phrases (in Romanian it is "your"); "agradecido", "much appreciated", "merci", "mulțam".
  'ta very much', 'ta muchly', 'ok ta', 'lovely ta', 'great ta', 'cheers ta', 'agradec*', 'much appreciated', 'many thanks', 'merci', 'multam', 'va multumesc',
];
/** The work done ("la reparación", "the repair", "intervenția"). */
export const WORK: readonly string[] = ['reparacion', 'arreglo', 'trabajo', 'repair', 'job', 'work', 'fix', 'reparati*', 'interventi*', 'lucrar*', 'visita', 'visit', 'vizita'];

/** Words that say something works (a clause about what is fine is not the problem: "West wing OK", "Internet va bien"). */
export const WORKING: readonly string[] = [
  '=ok', 'okay', '=fine', 'bien', 'normal*', 'funciona', 'funcionan', 'functioneaza', 'merge', '=works', '=working', 'perfect*', 'si hay', 'do have', 'comes on', '=calde',
];
/** Words that negate or describe a fault: a clause with one of these is not about something working. */
export const NEGATIONS: readonly string[] = [
  'no', 'not', 'nu', 'sin', 'fara', 'without', 'ni', 'nici', 'nada', 'never', 'nunca', 'dont', 'doesnt', 'isnt', 'wont', 'cant', 'arent', 'didnt', 'lipsa', 'nothing', 'niciun', 'nicio', 'none',
  'either', 'tampoco', 'stopped', 'down', 'dead',
  // Working, badly: "funciona mal", "merge prost / greu", "works on and off".
  '=mal', 'prost', '=greu', 'incet', 'slow', 'slowly', '=lento', '=lenta', 'intermit*', 'intreruper*', 'a tirones', 'on and off', 'badly', 'poorly', 'funciona regular', 'va regular',
  'a medias', 'pe jumatate', 'only half', 'partially', 'parcial*', 'sometimes', 'a veces', 'uneori', 'cateodata',
  // A drain backing up is blocked, not "back up" again; a repair not yet done ("yet to be sorted", "pendiente de arreglar").
  // English negative contractions besides those above ("it hasn't resolved itself", "wasn't fixed").
  'hasnt', 'havent', 'wasnt', 'werent', 'hadnt',
  '=backed up', '=backing up', 'yet to be', 'still to be', 'pendiente de', 'por arreglar', 'por reparar', 'nerezolvat*', 'nereparat*', ...REPAIR_WANTED,
  // Water on the floor is no resolution's clause ("ya hay agua en el suelo" is not "ya hay agua").
  'agua en el suelo', 'agua por el suelo', 'water on the floor', 'apa pe jos',
];
