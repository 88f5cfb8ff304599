/**
 * Fire and security: intruder alarms, fire detection and fire fighting, CCTV, access control, door entry.
 * "Alarma" alone is a symptom (an appliance's alarm going off, vocabulary.ts): the alarm system is named
 * by its parts or its kind. A bell ("timbre", "sonerie", "doorbell") is any device's: only the door's bell with its entry phone is the intercom. Garden sprinklers are irrigation (agriculture.ts), named as such.
 */
import type { Trade } from './trade.js';

export const SECURITY: Trade = {
  equipment: {
    alarm: [
      'alarm panel', 'alarm keypad', 'alarm sensor', 'alarm sensors', 'alarm siren', 'teclado de la alarma', 'panel de alarma', 'central de alarma', 'central de alarmas', 'centralita de alarma', 'sirena de la alarma',
      'centrala de alarma', 'centrala alarmei', 'tastatura alarmei', 'tastatura de alarma', 'sirena alarmei', 'senzor de alarma', 'senzorii de alarma', 'motion sensor', 'motion detector', 'pir sensor', 'sensor de movimiento',
      'detector de movimiento', 'detector de presencia', 'detector de miscare', 'detectori de miscare', 'senzor de miscare', 'door contact', 'contacto magnetico', 'contact magnetic', 'panic button', 'boton de panico',
      'buton de panica', 'alarm monitoring', 'monitoring centre', 'alarma de intrusion', 'sistema de seguridad', 'sistem de securitate', 'alarma del local', 'alarma de la nave', 'alarma de la tienda',
      // Security firms (Securitas, Prosegur, Verisure) are who rang about it, not what broke.
      '=texecom', '=honeywell alarm',
    ],
    firealarm: [
      'heat detector', 'detector de calor', 'detector termico', 'detector* termic', 'call point', 'break glass', 'pulsador de alarma', 'pulsador de incendio', 'pulsadores de incendio', 'buton de incendiu', 'butonul de incendiu',
      'panou de incendiu', 'centrala de detectie', 'detectie incendiu', 'sistem de detectie', 'deteccion de incendios', 'sistema contra incendios', 'sistema de deteccion', 'fire detection', 'fire alarm panel', 'fire system',
      'smoke alarms', 'detectores de humo', 'detectoare de fum', 'sprinkler system', 'sprinkler head', 'sistem de sprinklere', 'sprinklere', 'fire pump', 'grupo contra incendios', 'grupo de incendios',
      'pompa de incendiu', 'sirena de incendio', 'fire sounder', 'sounder', 'sounders', 'co detector', 'carbon monoxide alarm', 'detector de monoxido', 'detector de co', 'detector de monoxid',
    ],
    firefighting: [
      'extintor*', 'fire extinguisher', 'extinguisher*', 'stingator*', 'stingatoare*', 'fire hose', 'hose reel', 'manguera contra incendios', 'manguera de incendios', 'boca de incendio', 'bocas de incendio', '=bie', 'hidrant*', 'hydrant*',
      'fire blanket', 'manta ignifuga', 'extinctie', 'sistem de stingere', 'extincion automatica', 'fire suppression', 'gas fire suppression', 'suppression system', 'supresion de incendios', 'extincion de incendios',
    ],
    smokevent: ['smoke vent', 'smoke vents', '=aov', '=aovs', 'exutorio*', 'trapa de fum', 'trape de fum', 'desfumare', 'smoke extraction', 'extraccion de humos', 'control de humos', 'smoke control'],
    cctv: [
      'camara de seguridad', 'camara de vigilancia', 'camara ip', 'camaras ip', 'ip camera', 'ip cameras', 'camera ip', 'camere ip', 'cctv camera', 'cctv cameras', 'camere video', 'camerele video', 'camera video',
      'sistem de supraveghere', 'sistemul de supraveghere', 'supraveghere video', 'video surveillance', 'grabador de video', 'video recorder', '=hikvision', '=dahua',
      // Spanish 'cámara' alone is the cold room (equipment.ts), Romanian 'camera' a room: cameras are said so.
      '=cameras', 'the camera', 'camara* no graba*', 'camara* no se ve*', 'camer* nu inregistreaz*', '=grabador', 'el grabador',
    ],
    intercom: [
      'interfono', 'video intercom', 'door phone', 'video doorbell', 'soneria de la usa', 'sonerie cu interfon', 'placa de calle', 'placa del portero', 'portero electronico', 'videoportero*', 'interfonul',
      'door entry system', 'door entry panel', 'entry system', 'door buzzer', 'entry buzzer', 'front door buzzer', 'buzzer entry', '=fermax', '=tegui', '=comelit', '=urmet', '=bticino', '=aiphone', '=paxton entry',
    ],
    accesscontrol: [
      'access control', 'control de acceso', 'control de accesos', 'control acces', 'controlul accesului', 'sistem de acces', 'access card', 'tarjeta de acceso', 'tarjetas de acceso', 'card de acces', 'cartela de acces',
      '=cartela', '=cartele', '=cartelei', '=cartelele', 'key fob', 'key fobs', '=fob', '=fobs', 'fob reader', 'lector de tarjetas', 'lector de proximidad', 'cititor de cartele', 'biometric reader', 'lector biometrico', 'lector de huella', 'cititor de amprenta',
      'fingerprint reader', 'time clock', 'clocking machine', 'clocking in machine', 'reloj de fichar', 'reloj de fichaje', 'fichador', 'fichaje', 'ceas de pontaj', 'ceasul de pontaj', 'aparat de pontaj', 'sistem de pontaj',
      'turnstile*', 'torno de acceso', 'tornos de acceso', '=tornos', 'turnichet*', '=paxton',
    ],
  },
  families: {
    fire: ['firealarm', 'firefighting', 'smokevent'],
    security: ['alarm', 'cctv'],
  },
};
