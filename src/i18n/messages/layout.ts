import { defineMessages } from '../define-messages'

/** The frame of every public page: skip link, navigation, feeds in the head, the footer. */
export const layout = defineMessages({
  en: {
    'layout.skip': 'Skip to content',
    'layout.nav': 'Site',
    'layout.status': 'Status',
    'layout.history': 'History',
    'layout.subscribe': 'Subscribe',
    'layout.feedAtom': '{page} incidents and maintenance (Atom)',
    'layout.feedRss': '{page} incidents and maintenance (RSS)',
    'layout.calendar': '{page} maintenance calendar',
    'layout.footer':
      'Times are in {zone}, or in your own time zone when JavaScript is on. The same data is available as JSON at <json>/api/v2/summary.json</json>, as feeds (<atom>Atom</atom>, <rss>RSS</rss>) and as a <ics>calendar of maintenance</ics>.',
    'layout.switch': 'Switch',
    'layout.backToStatus': 'Back to the status page',
  },
  de: {
    'layout.skip': 'Zum Inhalt springen',
    'layout.nav': 'Website',
    'layout.status': 'Status',
    'layout.history': 'Verlauf',
    'layout.subscribe': 'Abonnieren',
    'layout.feedAtom': '{page}: Störungen und Wartungen (Atom)',
    'layout.feedRss': '{page}: Störungen und Wartungen (RSS)',
    'layout.calendar': '{page}: Wartungskalender',
    'layout.footer':
      'Zeiten sind in {zone} angegeben, mit JavaScript in Ihrer eigenen Zeitzone. Dieselben Daten gibt es als JSON unter <json>/api/v2/summary.json</json>, als Feeds (<atom>Atom</atom>, <rss>RSS</rss>) und als <ics>Wartungskalender</ics>.',
    'layout.switch': 'Wechseln',
    'layout.backToStatus': 'Zurück zur Statusseite',
  },
  fr: {
    'layout.skip': 'Aller au contenu',
    'layout.nav': 'Site',
    'layout.status': 'État',
    'layout.history': 'Historique',
    'layout.subscribe': 'S’abonner',
    'layout.feedAtom': '{page} : incidents et maintenances (Atom)',
    'layout.feedRss': '{page} : incidents et maintenances (RSS)',
    'layout.calendar': '{page} : calendrier des maintenances',
    'layout.footer':
      'Les heures sont indiquées en {zone}, ou dans votre propre fuseau horaire si JavaScript est activé. Les mêmes données sont disponibles en JSON à l’adresse <json>/api/v2/summary.json</json>, sous forme de flux (<atom>Atom</atom>, <rss>RSS</rss>) et d’un <ics>calendrier des maintenances</ics>.',
    'layout.switch': 'Changer',
    'layout.backToStatus': 'Retour à la page d’état',
  },
  es: {
    'layout.skip': 'Saltar al contenido',
    'layout.nav': 'Sitio',
    'layout.status': 'Estado',
    'layout.history': 'Historial',
    'layout.subscribe': 'Suscribirse',
    'layout.feedAtom': '{page}: incidencias y mantenimientos (Atom)',
    'layout.feedRss': '{page}: incidencias y mantenimientos (RSS)',
    'layout.calendar': '{page}: calendario de mantenimientos',
    'layout.footer':
      'Las horas se muestran en {zone}, o en su propia zona horaria si JavaScript está activado. Los mismos datos están disponibles en JSON en <json>/api/v2/summary.json</json>, como canales (<atom>Atom</atom>, <rss>RSS</rss>) y como <ics>calendario de mantenimientos</ics>.',
    'layout.switch': 'Cambiar',
    'layout.backToStatus': 'Volver a la página de estado',
  },
  ar: {
    'layout.skip': 'انتقل إلى المحتوى',
    'layout.nav': 'الموقع',
    'layout.status': 'الحالة',
    'layout.history': 'السجل',
    'layout.subscribe': 'اشترك',
    'layout.feedAtom': '{page}: الأعطال والصيانة (Atom)',
    'layout.feedRss': '{page}: الأعطال والصيانة (RSS)',
    'layout.calendar': '{page}: تقويم الصيانة',
    'layout.footer':
      'الأوقات معروضة بتوقيت {zone}، أو بتوقيتك المحلي عند تفعيل JavaScript. البيانات نفسها متاحة بصيغة JSON على <json>/api/v2/summary.json</json>، وكخلاصات (<atom>Atom</atom>، <rss>RSS</rss>)، وعلى شكل <ics>تقويم للصيانة</ics>.',
    'layout.switch': 'تغيير',
    'layout.backToStatus': 'العودة إلى صفحة الحالة',
  },
})
