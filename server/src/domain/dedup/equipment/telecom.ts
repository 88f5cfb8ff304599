/**
 * IT and telecom: the connection (fibre, broadband, 4G), the network inside (switches, cabling, Wi-Fi access
 * points), phone lines and systems, TV and aerials, computers and printers. They share one connection
 * (equipment.ts, FAMILIES.network); the network inside is, to the customer, the connection, and the
 * handsets are not the line. "Switch" alone is as often a light switch (electrical.ts): the network
 * switch is named as such.
 */
import type { Trade } from './trade.js';

export const TELECOM: Trade = {
  equipment: {
    internet: [
      'fibre', 'fibre optic', 'fiber optic', 'fibra optica', 'fibre line', 'fibre broadband', 'banda ancha', 'linea de datos', 'conexion a internet', 'conexiunea la internet', 'access point', 'access points', 'punto de acceso',
      'wireless', 'wireless network', 'red inalambrica', 'retea wireless', 'reteaua wireless', 'hotspot', 'antena wifi', 'router 4g', 'router 5g', 'modem 4g', '=4g', '=5g', '=lte', 'mobile broadband', 'starlink', 'satellite internet',
      'internet por satelite', 'radioenlace', 'radio link', 'point to point', '=vpn', 'red de datos', 'reteaua de internet', 'ont box', 'fibre box', 'caja de fibra', 'roseta optica', 'roseta de fibra',

      // The network inside (switches, racks, cabling): to the customer it is the connection.
      'network switch', 'switch de red', 'switch ul de retea', 'switch de retea', '=switchul', 'switch-ul', 'poe switch', 'patch panel', 'server rack', 'network rack', 'rack de red', 'rack de comunicaciones',
      'armario de comunicaciones', 'armario rack', 'comms cabinet', 'data cabinet', 'dulap rack', 'rack ul', 'firewall', 'cortafuegos de red', 'network cabling', 'cableado de red', 'cableado estructurado', 'data point',
      'data points', 'punto de red', 'puntos de red', 'toma de red', 'tomas de red', 'priza de retea', 'prize de retea', 'cablu de retea', 'cablul de retea', 'network cable', 'network port', 'network ports', '=lan',
      // Networking over the mains is the network, not the power line.
      'powerline adapter*', 'adaptador* powerline', 'adaptador* plc', 'adaptor* powerline',
    ],
    phoneline: [
      'linea telefonica', 'linea de telefono', 'linea fija', 'telefonia fija', 'telephone line', 'phone system', 'telephone system', 'sistema telefonico', 'centralita telefonica', 'centrala telefonica', 'linia fixa',
      'telefon fix', '=pbx', '=pabx', 'sip trunk', '=sip', 'dial tone', 'tono de marcado', 'ton de apel', 'tonul de apel',
      '=fax', 'linea de voz', 'voice line', 'hosted voip', 'telefonia ip', 'telefonie ip',
      // The line in the street: its poles and its cable.
      'telegraph pole*', 'telephone pole*', 'phone pole*', 'bt pole*', 'openreach pole*', 'telephone cable*', 'phone cable* down', 'poste de telefono*', 'postes de telefono*', 'poste de telefonica', 'poste de telecomunicaciones',
      'cable de telefono', 'cable del telefono', 'cable telefonico', 'stalp de telefonie', 'stalpul de telefonie', 'stalp de telecomunicatii', 'cablu de telefon', 'cablul de telefon', 'cablul telefonic',
    ],
    tv: [
      '=tdt', 'antena colectiva', 'antena comunitaria', 'antena parabolica', 'antena de television', 'antena tv', 'tv aerial', 'satellite', 'satelite', 'satelit', 'set top box', 'receptor de satelite', 'cable tv', 'tv por cable',
      'cablu tv', 'televiziun*', 'smart tv', '=iptv', 'amplificador de antena', 'aerial amplifier', 'signal booster', 'tv signal', 'senal de television', 'semnal tv', '=tvs', 'televisor*', 'televizoare',
    ],
    computer: [
      '=ordenador', '=ordenadores', 'computer', 'computers', 'computadora', 'calculatorul', 'calculatoare', 'calculatoarele', '=pc', '=pcs', '=pc ul', 'laptop*', 'ordenador portatil', 'el portatil', 'mi portatil', 'desktop', 'workstation',
      'teclado del ordenador', 'keyboard', 'tastatura calculatorului', '=imac', '=macbook', '=calculator', '=calculatorului', 'docking station', 'laptop dock',
      // A laptop's camera is the laptop's, not CCTV's "the camera".
      '=webcam', 'web cam', 'camera on my laptop', 'camera on the laptop', 'laptop camera', 'camara del portatil', 'camera laptopului',
    ],
    printer: ['impresoras', 'multifuncion', 'multifunctional*', 'fotocopiadora', 'copiadora', 'copier', 'photocopier', '=xerox', '=xeroxul', 'plotter', 'label printer', 'impresora de etiquetas', 'imprimanta de etichete', '=toner'],
    server: ['servidores', 'servere', 'servers', 'file server', 'servidor de archivos', 'mail server'],
  },
  families: { network: ['computer'] },
};
