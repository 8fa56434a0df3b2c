import { defineMessages } from '../define-messages'

/**
 * The status page: its sections, the cards of open incidents, the component list with its
 * 90-day bars, and the list of past incidents (also on the history page).
 */
export const statusPage = defineMessages({
  en: {
    'status.title': '{page} status',
    'status.lastChange': 'Last change {time}',
    'status.currentIncidents': 'Current incidents',
    'status.maintenanceInProgress': 'Maintenance in progress',
    'status.upcoming': 'Upcoming',
    'status.components': 'Components',
    'status.noComponents': 'No components yet.',
    'status.pastIncidents': 'Past incidents',
    'status.nothingResolved':
      'Nothing resolved in the last {days, plural, one {day} other {# days}}.',
    'status.fullHistory': 'Full history',
    'status.moreResolved':
      '{count, plural, one {# more was} other {# more were}} resolved in the last {days, plural, one {day} other {# days}}; the full history lists {count, plural, one {it} other {them}}.',
    'status.latestUpdate': 'Latest update, {time} — {status}',
    'status.fullTimeline': 'Full timeline<hidden> of {name}</hidden>',
    'bars.noHistory': 'No history yet',
    'bars.noProblems': 'No problems in the last {days, plural, one {day} other {# days}}',
    'bars.problems':
      '{problems, plural, one {# day} other {# days}} with problems in the last {days, plural, one {day} other {# days}}',
    'bars.daysAgo': '{days, plural, one {# day ago} other {# days ago}}',
    'bars.today': 'Today',
    'bars.days': '{status}: {days}',
    'past.closed': '{status} {time}',
    'past.started': 'started {time}',
    'past.began': 'began {time}',
    'past.plannedFor': 'was planned for {time}',
    'past.lasted': 'lasted {span}',
  },
  de: {
    'status.title': 'Status von {page}',
    'status.lastChange': 'Letzte Änderung {time}',
    'status.currentIncidents': 'Aktuelle Störungen',
    'status.maintenanceInProgress': 'Laufende Wartung',
    'status.upcoming': 'Demnächst',
    'status.components': 'Komponenten',
    'status.noComponents': 'Noch keine Komponenten.',
    'status.pastIncidents': 'Vergangene Störungen',
    'status.nothingResolved':
      '{days, plural, one {Am letzten Tag} other {In den letzten # Tagen}} wurde nichts behoben.',
    'status.fullHistory': 'Gesamter Verlauf',
    'status.moreResolved':
      '{count, plural, one {# weitere wurde} other {# weitere wurden}} {days, plural, one {am letzten Tag} other {in den letzten # Tagen}} behoben; der vollständige Verlauf führt sie auf.',
    'status.latestUpdate': 'Letzte Meldung, {time} — {status}',
    'status.fullTimeline': 'Gesamter Ablauf<hidden> von {name}</hidden>',
    'bars.noHistory': 'Noch kein Verlauf',
    'bars.noProblems':
      'Keine Probleme {days, plural, one {am letzten Tag} other {in den letzten # Tagen}}',
    'bars.problems':
      '{problems, plural, one {# Tag} other {# Tage}} mit Problemen {days, plural, one {am letzten Tag} other {in den letzten # Tagen}}',
    'bars.daysAgo': '{days, plural, one {vor # Tag} other {vor # Tagen}}',
    'bars.today': 'Heute',
    'bars.days': '{status}: {days}',
    'past.closed': '{status} {time}',
    'past.started': 'Beginn {time}',
    'past.began': 'Beginn {time}',
    'past.plannedFor': 'geplant für {time}',
    'past.lasted': 'Dauer {span}',
  },
  fr: {
    'status.title': 'État de {page}',
    'status.lastChange': 'Dernière modification {time}',
    'status.currentIncidents': 'Incidents en cours',
    'status.maintenanceInProgress': 'Maintenance en cours',
    'status.upcoming': 'À venir',
    'status.components': 'Composants',
    'status.noComponents': 'Aucun composant pour l’instant.',
    'status.pastIncidents': 'Incidents passés',
    'status.nothingResolved':
      'Rien n’a été résolu {days, plural, one {le dernier jour} other {ces # derniers jours}}.',
    'status.fullHistory': 'Tout l’historique',
    'status.moreResolved':
      '{count, plural, one {# autre a été résolu} other {# autres ont été résolus}} {days, plural, one {le dernier jour} other {ces # derniers jours}} ; l’historique complet les liste.',
    'status.latestUpdate': 'Dernière mise à jour, {time} — {status}',
    'status.fullTimeline': 'Chronologie complète<hidden> de {name}</hidden>',
    'bars.noHistory': 'Pas encore d’historique',
    'bars.noProblems':
      'Aucun problème {days, plural, one {le dernier jour} other {ces # derniers jours}}',
    'bars.problems':
      '{problems, plural, one {# jour} other {# jours}} avec des problèmes {days, plural, one {le dernier jour} other {ces # derniers jours}}',
    'bars.daysAgo': '{days, plural, one {il y a # jour} other {il y a # jours}}',
    'bars.today': 'Aujourd’hui',
    'bars.days': '{status} : {days}',
    'past.closed': '{status} {time}',
    'past.started': 'début {time}',
    'past.began': 'début {time}',
    'past.plannedFor': 'était prévue {time}',
    'past.lasted': 'durée {span}',
  },
  es: {
    'status.title': 'Estado de {page}',
    'status.lastChange': 'Último cambio {time}',
    'status.currentIncidents': 'Incidencias actuales',
    'status.maintenanceInProgress': 'Mantenimiento en curso',
    'status.upcoming': 'Próximamente',
    'status.components': 'Componentes',
    'status.noComponents': 'Todavía no hay componentes.',
    'status.pastIncidents': 'Incidencias anteriores',
    'status.nothingResolved':
      'No se resolvió nada {days, plural, one {en el último día} other {en los últimos # días}}.',
    'status.fullHistory': 'Historial completo',
    'status.moreResolved':
      '{count, plural, one {# más se resolvió} other {# más se resolvieron}} {days, plural, one {en el último día} other {en los últimos # días}}; el historial completo {count, plural, one {lo incluye} other {los incluye}}.',
    'status.latestUpdate': 'Última actualización, {time} — {status}',
    'status.fullTimeline': 'Cronología completa<hidden> de {name}</hidden>',
    'bars.noHistory': 'Aún no hay historial',
    'bars.noProblems':
      'Sin problemas {days, plural, one {en el último día} other {en los últimos # días}}',
    'bars.problems':
      '{problems, plural, one {# día} other {# días}} con problemas {days, plural, one {en el último día} other {en los últimos # días}}',
    'bars.daysAgo': '{days, plural, one {hace # día} other {hace # días}}',
    'bars.today': 'Hoy',
    'bars.days': '{status}: {days}',
    'past.closed': '{status} {time}',
    'past.started': 'empezó {time}',
    'past.began': 'empezó {time}',
    'past.plannedFor': 'estaba previsto para {time}',
    'past.lasted': 'duró {span}',
  },
  ar: {
    'status.title': 'حالة {page}',
    'status.lastChange': 'آخر تغيير {time}',
    'status.currentIncidents': 'الأعطال الحالية',
    'status.maintenanceInProgress': 'صيانة جارية',
    'status.upcoming': 'قادم',
    'status.components': 'المكوّنات',
    'status.noComponents': 'لا توجد مكوّنات بعد.',
    'status.pastIncidents': 'الأعطال السابقة',
    'status.nothingResolved':
      'لم يُحَلّ أي شيء {days, plural, zero {خلال # يوم} one {خلال اليوم الأخير} two {خلال اليومين الأخيرين} few {خلال آخر # أيام} many {خلال آخر # يومًا} other {خلال آخر # يوم}}.',
    'status.fullHistory': 'السجل الكامل',
    'status.moreResolved':
      '{count, plural, zero {لم يُحَلّ غيرها} one {حُلّت حالة أخرى} two {حُلّت حالتان أخريان} few {حُلّت # حالات أخرى} many {حُلّت # حالة أخرى} other {حُلّت # حالة أخرى}} {days, plural, zero {خلال # يوم} one {خلال اليوم الأخير} two {خلال اليومين الأخيرين} few {خلال آخر # أيام} many {خلال آخر # يومًا} other {خلال آخر # يوم}}؛ يعرضها السجل الكامل.',
    'status.latestUpdate': 'آخر تحديث، {time} — {status}',
    'status.fullTimeline': 'التسلسل الزمني الكامل<hidden> لـ {name}</hidden>',
    'bars.noHistory': 'لا يوجد سجل بعد',
    'bars.noProblems':
      'لا مشكلات {days, plural, zero {خلال # يوم} one {خلال اليوم الأخير} two {خلال اليومين الأخيرين} few {خلال آخر # أيام} many {خلال آخر # يومًا} other {خلال آخر # يوم}}',
    'bars.problems':
      '{problems, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}} بمشكلات {days, plural, zero {خلال # يوم} one {خلال اليوم الأخير} two {خلال اليومين الأخيرين} few {خلال آخر # أيام} many {خلال آخر # يومًا} other {خلال آخر # يوم}}',
    'bars.daysAgo':
      '{days, plural, zero {قبل # يوم} one {قبل يوم واحد} two {قبل يومين} few {قبل # أيام} many {قبل # يومًا} other {قبل # يوم}}',
    'bars.today': 'اليوم',
    'bars.days': '{status}: {days}',
    'past.closed': '{status} {time}',
    'past.started': 'بدأ {time}',
    'past.began': 'بدأت {time}',
    'past.plannedFor': 'كانت مقررة في {time}',
    'past.lasted': 'استمر {span}',
  },
})
