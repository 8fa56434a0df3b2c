import { defineMessages } from '../define-messages'

/** What Candor writes in the Atom and RSS feeds and the maintenance calendar. */
export const feeds = defineMessages({
  en: {
    'feeds.title': '{page} status',
    'feeds.subtitle': 'Incidents and maintenance',
    'feeds.description': 'Incidents and maintenance on {page}',
    'feeds.status':
      '{status, select, investigating {Investigating} identified {Identified} monitoring {Monitoring} resolved {Resolved} postmortem {Postmortem} scheduled {Scheduled} in_progress {In progress} verifying {Verifying} completed {Completed} cancelled {Cancelled} other {{status}}}',
    'feeds.entryTitle': '{name} — {status}',
    'feeds.upcomingTitle': '{name} — Upcoming, expected from {time}',
    'feeds.maintenanceWindow':
      '{cancelled, select, yes {Cancelled maintenance, was planned for {window}} other {Maintenance {window}}}',
    'feeds.impact':
      '{impact, select, none {No impact} minor {Minor impact} major {Major impact} critical {Critical impact} maintenance {Maintenance} other {{impact}}}',
    'feeds.announced':
      'Announced in advance: expected from {time}, not in effect yet ({impact, select, none {no impact} minor {minor impact} major {major impact} critical {critical impact} other {{impact}}})',
    'feeds.affects': 'Affects: {names}',
    'feeds.areas': 'Areas: {names}',
    'feeds.eta':
      'ETA {time}{moves, plural, =0 {} =1 { — moved once: {history}} =2 { — moved twice: {history}} other { — moved # times: {history}}}',
    'feeds.etaPassed':
      'ETA {time} passed — no new estimate yet{moves, plural, =0 {} =1 { — moved once: {history}} =2 { — moved twice: {history}} other { — moved # times: {history}}}',
    'feeds.updateOverdue': 'Update overdue by {span}',
    'feeds.nextUpdate': 'Next update by {time}',
    'feeds.workaround': 'Workaround: {text}',
    'feeds.postmortem': 'Postmortem',
    'feeds.published': 'Published {time}',
    'feeds.calendarName': '{page} maintenance',
    'feeds.cancelledEvent': 'Cancelled: {name}',
    'feeds.when': 'When: {window}',
  },
  de: {
    'feeds.title': 'Status von {page}',
    'feeds.subtitle': 'Störungen und Wartungen',
    'feeds.description': 'Störungen und Wartungen auf {page}',
    'feeds.status':
      '{status, select, investigating {Untersuchung} identified {Ursache erkannt} monitoring {Beobachtung} resolved {Behoben} postmortem {Nachbetrachtung} scheduled {Geplant} in_progress {Läuft} verifying {Wird geprüft} completed {Abgeschlossen} cancelled {Abgesagt} other {{status}}}',
    'feeds.entryTitle': '{name} — {status}',
    'feeds.upcomingTitle': '{name} — Angekündigt, erwartet ab {time}',
    'feeds.maintenanceWindow':
      '{cancelled, select, yes {Abgesagte Wartung, war geplant für {window}} other {Wartung {window}}}',
    'feeds.impact':
      '{impact, select, none {Keine Auswirkung} minor {Geringe Auswirkung} major {Erhebliche Auswirkung} critical {Kritische Auswirkung} maintenance {Wartung} other {{impact}}}',
    'feeds.announced':
      'Vorab angekündigt: erwartet ab {time}, noch nicht wirksam ({impact, select, none {keine Auswirkung} minor {geringe Auswirkung} major {erhebliche Auswirkung} critical {kritische Auswirkung} other {{impact}}})',
    'feeds.affects': 'Betrifft: {names}',
    'feeds.areas': 'Bereiche: {names}',
    'feeds.eta':
      'Voraussichtliche Behebung {time}{moves, plural, =0 {} =1 { — einmal verschoben: {history}} =2 { — zweimal verschoben: {history}} other { — #-mal verschoben: {history}}}',
    'feeds.etaPassed':
      'Voraussichtliche Behebung {time} verstrichen — noch keine neue Schätzung{moves, plural, =0 {} =1 { — einmal verschoben: {history}} =2 { — zweimal verschoben: {history}} other { — #-mal verschoben: {history}}}',
    'feeds.updateOverdue': 'Update seit {span} überfällig',
    'feeds.nextUpdate': 'Nächstes Update bis {time}',
    'feeds.workaround': 'Umgehung: {text}',
    'feeds.postmortem': 'Nachbetrachtung',
    'feeds.published': 'Veröffentlicht {time}',
    'feeds.calendarName': 'Wartungen von {page}',
    'feeds.cancelledEvent': 'Abgesagt: {name}',
    'feeds.when': 'Wann: {window}',
  },
  fr: {
    'feeds.title': 'État de {page}',
    'feeds.subtitle': 'Incidents et maintenances',
    'feeds.description': 'Incidents et maintenances sur {page}',
    'feeds.status':
      '{status, select, investigating {Enquête en cours} identified {Identifié} monitoring {Sous surveillance} resolved {Résolu} postmortem {Post-mortem} scheduled {Planifiée} in_progress {En cours} verifying {Vérification} completed {Terminée} cancelled {Annulée} other {{status}}}',
    'feeds.entryTitle': '{name} — {status}',
    'feeds.upcomingTitle': '{name} — À venir, attendu à partir de {time}',
    'feeds.maintenanceWindow':
      '{cancelled, select, yes {Maintenance annulée, prévue pour {window}} other {Maintenance {window}}}',
    'feeds.impact':
      '{impact, select, none {Aucun impact} minor {Impact mineur} major {Impact majeur} critical {Impact critique} maintenance {Maintenance} other {{impact}}}',
    'feeds.announced':
      'Annoncé à l’avance : attendu à partir de {time}, pas encore en vigueur ({impact, select, none {aucun impact} minor {impact mineur} major {impact majeur} critical {impact critique} other {{impact}}})',
    'feeds.affects': 'Concerne : {names}',
    'feeds.areas': 'Zones : {names}',
    'feeds.eta':
      'Résolution prévue {time}{moves, plural, =0 {} =1 { — déplacée une fois : {history}} =2 { — déplacée deux fois : {history}} other { — déplacée # fois : {history}}}',
    'feeds.etaPassed':
      'Résolution prévue {time} dépassée — pas encore de nouvelle estimation{moves, plural, =0 {} =1 { — déplacée une fois : {history}} =2 { — déplacée deux fois : {history}} other { — déplacée # fois : {history}}}',
    'feeds.updateOverdue': 'Mise à jour en retard de {span}',
    'feeds.nextUpdate': 'Prochaine mise à jour d’ici {time}',
    'feeds.workaround': 'Solution de contournement : {text}',
    'feeds.postmortem': 'Post-mortem',
    'feeds.published': 'Publié le {time}',
    'feeds.calendarName': 'Maintenances de {page}',
    'feeds.cancelledEvent': 'Annulée : {name}',
    'feeds.when': 'Quand : {window}',
  },
  es: {
    'feeds.title': 'Estado de {page}',
    'feeds.subtitle': 'Incidencias y mantenimiento',
    'feeds.description': 'Incidencias y mantenimiento en {page}',
    'feeds.status':
      '{status, select, investigating {Investigando} identified {Identificado} monitoring {En observación} resolved {Resuelto} postmortem {Análisis posterior} scheduled {Programado} in_progress {En curso} verifying {Verificando} completed {Completado} cancelled {Cancelado} other {{status}}}',
    'feeds.entryTitle': '{name} — {status}',
    'feeds.upcomingTitle': '{name} — Próximamente, previsto desde {time}',
    'feeds.maintenanceWindow':
      '{cancelled, select, yes {Mantenimiento cancelado, estaba previsto para {window}} other {Mantenimiento {window}}}',
    'feeds.impact':
      '{impact, select, none {Sin impacto} minor {Impacto menor} major {Impacto grave} critical {Impacto crítico} maintenance {Mantenimiento} other {{impact}}}',
    'feeds.announced':
      'Anunciado con antelación: previsto desde {time}, aún no en vigor ({impact, select, none {sin impacto} minor {impacto menor} major {impacto grave} critical {impacto crítico} other {{impact}}})',
    'feeds.affects': 'Afecta a: {names}',
    'feeds.areas': 'Áreas: {names}',
    'feeds.eta':
      'Solución prevista {time}{moves, plural, =0 {} =1 { — movida una vez: {history}} =2 { — movida dos veces: {history}} other { — movida # veces: {history}}}',
    'feeds.etaPassed':
      'Solución prevista {time} superada — aún sin nueva estimación{moves, plural, =0 {} =1 { — movida una vez: {history}} =2 { — movida dos veces: {history}} other { — movida # veces: {history}}}',
    'feeds.updateOverdue': 'Actualización con {span} de retraso',
    'feeds.nextUpdate': 'Próxima actualización antes de {time}',
    'feeds.workaround': 'Solución alternativa: {text}',
    'feeds.postmortem': 'Análisis posterior',
    'feeds.published': 'Publicado el {time}',
    'feeds.calendarName': 'Mantenimientos de {page}',
    'feeds.cancelledEvent': 'Cancelado: {name}',
    'feeds.when': 'Cuándo: {window}',
  },
  ar: {
    'feeds.title': 'حالة {page}',
    'feeds.subtitle': 'الأعطال والصيانة',
    'feeds.description': 'الأعطال والصيانة على {page}',
    'feeds.status':
      '{status, select, investigating {قيد التحقيق} identified {تم تحديد السبب} monitoring {قيد المراقبة} resolved {تم الحل} postmortem {تحليل ما بعد الحادث} scheduled {مجدولة} in_progress {قيد التنفيذ} verifying {قيد التحقق} completed {مكتملة} cancelled {أُلغيت} other {{status}}}',
    'feeds.entryTitle': '{name} — {status}',
    'feeds.upcomingTitle': '{name} — قادم، متوقَّع ابتداءً من {time}',
    'feeds.maintenanceWindow':
      '{cancelled, select, yes {صيانة ملغاة، كانت مقررة في {window}} other {صيانة {window}}}',
    'feeds.impact':
      '{impact, select, none {بلا تأثير} minor {تأثير طفيف} major {تأثير كبير} critical {تأثير حرج} maintenance {صيانة} other {{impact}}}',
    'feeds.announced':
      'أُعلن مسبقًا: متوقَّع ابتداءً من {time}، ولم يسرِ بعد ({impact, select, none {بلا تأثير} minor {تأثير طفيف} major {تأثير كبير} critical {تأثير حرج} other {{impact}}})',
    'feeds.affects': 'يؤثر على: {names}',
    'feeds.areas': 'المناطق: {names}',
    'feeds.eta':
      'الموعد المتوقع للإصلاح {time}{moves, plural, =0 {} =1 { — عُدِّل مرة واحدة: {history}} =2 { — عُدِّل مرتين: {history}} few { — عُدِّل # مرات: {history}} other { — عُدِّل # مرة: {history}}}',
    'feeds.etaPassed':
      'انقضى الموعد المتوقع للإصلاح {time} — لا يوجد تقدير جديد بعد{moves, plural, =0 {} =1 { — عُدِّل مرة واحدة: {history}} =2 { — عُدِّل مرتين: {history}} few { — عُدِّل # مرات: {history}} other { — عُدِّل # مرة: {history}}}',
    'feeds.updateOverdue': 'التحديث متأخر بمقدار {span}',
    'feeds.nextUpdate': 'التحديث التالي بحلول {time}',
    'feeds.workaround': 'حل بديل: {text}',
    'feeds.postmortem': 'تحليل ما بعد الحادث',
    'feeds.published': 'نُشر في {time}',
    'feeds.calendarName': 'صيانة {page}',
    'feeds.cancelledEvent': 'أُلغيت: {name}',
    'feeds.when': 'الموعد: {window}',
  },
})
