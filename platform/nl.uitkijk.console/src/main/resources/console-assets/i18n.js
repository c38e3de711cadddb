// Dutch first (the municipality's language), English for visitors and integrators. The choice is remembered.
const texts = {
  nl: {
    'nav.users': 'Gebruikers', 'nav.plugins': 'Plugins',
    'users.title': 'Gebruikers', 'users.forbidden': 'Geen toegang: alleen leidinggevenden en beheerders.',
    'users.name': 'Gebruikersnaam', 'users.role': 'Rol', 'users.console': 'In de console',
    'users.active': 'actief om', 'users.password': 'Wachtwoord', 'users.newPassword': 'Nieuw wachtwoord voor',
    'users.changed': 'Wachtwoord gewijzigd; de gebruiker is afgemeld.', 'users.add': 'Gebruiker toevoegen',
    'role.operator': 'Operator', 'role.supervisor': 'Leidinggevende', 'role.admin': 'Beheerder',
    'role.police': 'Politie', 'role.auditor': 'Auditor',
    'plugins.title': 'Plugins', 'plugins.forbidden': 'Geen toegang: alleen beheerders beheren plugins.',
    'plugins.kind': 'Soort', 'plugins.name': 'Naam', 'plugins.version': 'Versie',
    'plugins.description': 'Omschrijving', 'plugins.cameras': 'Camera\u2019s', 'plugins.state': 'Staat',
    'plugins.installed': 'ge\u00efnstalleerd', 'plugins.available': 'beschikbaar', 'plugins.install': 'Installeren',
    'plugins.uninstall': 'De\u00efnstalleren', 'plugins.working': 'Bezig\u2026',
    'plugins.inUse': 'camera\u2019s gebruiken dit stuurprogramma en wachten tot het terug is. Doorgaan?',
    'plugins.kind.driver': 'Camerastuurprogramma', 'plugins.kind.recorder': 'Opname',
    'plugins.kind.analytics': 'Analyse', 'plugins.kind.connector': 'Meldkamerkoppeling',
    'console.title': 'meldkamer', 'nav.wall': 'Videomuur', 'nav.manage': 'Camerabeheer',
    'sign.title': 'Aanmelden', 'sign.user': 'Gebruikersnaam', 'sign.password': 'Wachtwoord', 'sign.in': 'Aanmelden',
    'sign.out': 'Afmelden', 'sign.wrong': 'Gebruikersnaam of wachtwoord onjuist.',
    'sign.ended': 'Uw sessie is verlopen. Meld u opnieuw aan.',
    'wall.layout': 'Indeling', 'wall.cameras': 'Camera\u2019s', 'wall.empty': 'Sleep een camera hierheen',
    'wall.boxes': 'Detecties van de beeldanalyse tonen', 'wall.full': 'Volledig scherm', 'wall.remove': 'Van de muur halen', 'wall.connecting': 'Verbinden\u2026',
    'wall.ended': 'Beeld gestopt', 'wall.stills': 'Momentopnamen: deze browser speelt dit beeld niet af',
    'status.ONLINE': 'online', 'status.OFFLINE': 'offline', 'status.UNKNOWN': 'onbekend',
    'status.NOT_PERMITTED': 'geen grondslag', 'status.DRIVER_MISSING': 'stuurprogramma ontbreekt',
    'manage.title': 'Camerabeheer', 'manage.cameras': 'Camera\u2019s', 'manage.discovery': 'Gevonden op het netwerk',
    'manage.forbidden': 'Geen toegang: alleen beheerders beheren camera\u2019s.', 'manage.none': 'Niets gevonden.',
    'manage.id': 'Id', 'manage.name': 'Naam', 'manage.driver': 'Stuurprogramma', 'manage.status': 'Status',
    'manage.address': 'Adres', 'manage.model': 'Model', 'manage.remove': 'Verwijderen',
    'manage.lat': 'Breedtegraad',
    'manage.lon': 'Lengtegraad', 'manage.designation': 'Aanwijzing (art. 151c)', 'manage.add': 'Toevoegen',
    'manage.addCamera': 'Camera toevoegen',
    'manage.editCamera': 'Camera wijzigen:', 'manage.edit': 'Wijzigen', 'manage.save': 'Opslaan',
    'manage.cancel': 'Annuleren', 'manage.test': 'Verbinding testen', 'manage.testing': 'Verbinding testen…', 'manage.approve': 'Goedkeuren', 'manage.dismiss': 'Negeren',
    'ptz.up': 'Omhoog (ingedrukt houden)', 'ptz.down': 'Omlaag', 'ptz.left': 'Links', 'ptz.right': 'Rechts',
    'alarms.title': 'Meldingen', 'alarms.filter.open': 'Open', 'alarms.filter.high': 'Hoge prioriteit',
    'alarms.filter.all': 'Alle', 'alarms.mute': 'Geluid aan/uit', 'alarms.comment': 'Opmerking (verplicht)',
    'alarms.acknowledge': 'Afhandelen', 'alarms.rooms': 'Meldkamers',
    'alarms.escalate': 'Escaleren', 'alarms.escalate.reason': 'Reden (incident)',
    'alarms.escalate.minutes': 'Minuten live overdracht',
    'alarms.room.up': 'bereikbaar', 'alarms.room.down': 'niet bereikbaar: meldingen wachten',
    'alarms.room.away': 'koppeling niet geïnstalleerd: meldingen wachten',
    'alarms.delivery.PENDING': 'nog niet verstuurd', 'alarms.delivery.RETRYING': 'wordt opnieuw geprobeerd',
    'alarms.delivery.DELIVERED': 'ontvangen', 'alarms.delivery.REJECTED': 'geweigerd door de meldkamer',
    'nav.playback': 'Terugkijken', 'playback.title': 'Terugkijken (laatste uur)', 'playback.loading': 'Laden…',
    'playback.detections': 'Gevonden door beeldanalyse', 'playback.region': 'Gebied tekenen',
    'playback.search': 'Zoek beweging', 'playback.noMotion': 'Geen beweging in dit gebied',
    'nav.export': 'Exporteren', 'export.title': 'Beelden exporteren', 'export.camera': 'Camera',
    'export.from': 'Van', 'export.to': 'Tot', 'export.reason': 'Reden (verplicht, komt in het auditlog)',
    'export.start': 'Exporteren', 'export.busy': 'Bezig met exporteren…', 'export.failed': 'Export mislukt',
    'export.done': 'Geëxporteerd',
    'ptz.zoom-in': 'Inzoomen', 'ptz.zoom-out': 'Uitzoomen', 'ptz.home': 'Beginstand', 'ptz.preset': 'Voorkeurstand…',
  },
  en: {
    'nav.users': 'Users', 'nav.plugins': 'Plugins',
    'users.title': 'Users', 'users.forbidden': 'No access: supervisors and administrators only.',
    'users.name': 'User name', 'users.role': 'Role', 'users.console': 'In the console',
    'users.active': 'active at', 'users.password': 'Password', 'users.newPassword': 'New password for',
    'users.changed': 'Password changed; the user was signed out.', 'users.add': 'Add a user',
    'role.operator': 'Operator', 'role.supervisor': 'Supervisor', 'role.admin': 'Administrator',
    'role.police': 'Police', 'role.auditor': 'Auditor',
    'plugins.title': 'Plugins', 'plugins.forbidden': 'No access: only administrators manage plugins.',
    'plugins.kind': 'Kind', 'plugins.name': 'Name', 'plugins.version': 'Version',
    'plugins.description': 'Description', 'plugins.cameras': 'Cameras', 'plugins.state': 'State',
    'plugins.installed': 'installed', 'plugins.available': 'available', 'plugins.install': 'Install',
    'plugins.uninstall': 'Uninstall', 'plugins.working': 'Working\u2026',
    'plugins.inUse': 'cameras use this driver and wait until it is back. Go on?',
    'plugins.kind.driver': 'Camera driver', 'plugins.kind.recorder': 'Recording',
    'plugins.kind.analytics': 'Analytics', 'plugins.kind.connector': 'Control-room connector',
    'console.title': 'control room', 'nav.wall': 'Video wall', 'nav.manage': 'Camera management',
    'sign.title': 'Sign in', 'sign.user': 'User name', 'sign.password': 'Password', 'sign.in': 'Sign in',
    'sign.out': 'Sign out', 'sign.wrong': 'User name or password is wrong.',
    'sign.ended': 'Your session has ended. Please sign in again.',
    'wall.layout': 'Layout', 'wall.cameras': 'Cameras', 'wall.empty': 'Drag a camera here',
    'wall.boxes': 'Show what the video analysis finds', 'wall.full': 'Full screen', 'wall.remove': 'Take off the wall', 'wall.connecting': 'Connecting\u2026',
    'wall.ended': 'Video stopped', 'wall.stills': 'Snapshots: this browser cannot play this video',
    'status.ONLINE': 'online', 'status.OFFLINE': 'offline', 'status.UNKNOWN': 'unknown',
    'status.NOT_PERMITTED': 'no legal basis', 'status.DRIVER_MISSING': 'driver missing',
    'manage.title': 'Camera management', 'manage.cameras': 'Cameras', 'manage.discovery': 'Found on the network',
    'manage.forbidden': 'No access: only administrators manage cameras.', 'manage.none': 'Nothing found.',
    'manage.id': 'Id', 'manage.name': 'Name', 'manage.driver': 'Driver', 'manage.status': 'Status',
    'manage.address': 'Address', 'manage.model': 'Model', 'manage.remove': 'Remove',
    'manage.lat': 'Latitude',
    'manage.lon': 'Longitude', 'manage.designation': 'Designation (art. 151c)', 'manage.add': 'Add',
    'manage.addCamera': 'Add a camera',
    'manage.editCamera': 'Edit camera', 'manage.edit': 'Edit', 'manage.save': 'Save',
    'manage.cancel': 'Cancel', 'manage.test': 'Test connection', 'manage.testing': 'Testing the connection…', 'manage.approve': 'Approve', 'manage.dismiss': 'Dismiss',
    'ptz.up': 'Up (hold)', 'ptz.down': 'Down', 'ptz.left': 'Left', 'ptz.right': 'Right',
    'alarms.title': 'Alarms', 'alarms.filter.open': 'Open', 'alarms.filter.high': 'High priority',
    'alarms.filter.all': 'All', 'alarms.mute': 'Sound on/off', 'alarms.comment': 'Comment (required)',
    'alarms.acknowledge': 'Acknowledge', 'alarms.rooms': 'Control rooms',
    'alarms.escalate': 'Escalate', 'alarms.escalate.reason': 'Reason (incident)',
    'alarms.escalate.minutes': 'Minutes of live hand-over',
    'alarms.room.up': 'reachable', 'alarms.room.down': 'unreachable: alarms wait',
    'alarms.room.away': 'connector not installed: alarms wait',
    'alarms.delivery.PENDING': 'not sent yet', 'alarms.delivery.RETRYING': 'being retried',
    'alarms.delivery.DELIVERED': 'received', 'alarms.delivery.REJECTED': 'refused by the control room',
    'nav.playback': 'Playback', 'playback.title': 'Playback (last hour)', 'playback.loading': 'Loading…',
    'playback.detections': 'Found by video analysis', 'playback.region': 'Draw region',
    'playback.search': 'Search motion', 'playback.noMotion': 'No motion in this region',
    'nav.export': 'Export', 'export.title': 'Export footage', 'export.camera': 'Camera', 'export.from': 'From',
    'export.to': 'To', 'export.reason': 'Reason (required, goes into the audit log)', 'export.start': 'Export',
    'export.busy': 'Exporting…', 'export.failed': 'Export failed', 'export.done': 'Exported',
    'ptz.zoom-in': 'Zoom in', 'ptz.zoom-out': 'Zoom out', 'ptz.home': 'Home position', 'ptz.preset': 'Preset…',
  },
};

let language = localStorage.getItem('uitkijk.lang') === 'en' ? 'en' : 'nl';

export function t(key) {
  return texts[language][key] ?? texts.nl[key] ?? key;
}

export function currentLanguage() {
  return language;
}

/** Switches and remembers the language, and translates every element marked data-t. */
export function setLanguage(next) {
  language = next === 'en' ? 'en' : 'nl';
  localStorage.setItem('uitkijk.lang', language);
  translate(document);
}

export function translate(root) {
  document.documentElement.lang = language;
  root.querySelectorAll('[data-t]').forEach((element) => { element.textContent = t(element.dataset.t); });
}
