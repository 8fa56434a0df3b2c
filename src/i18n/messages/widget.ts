import { defineMessages } from '../define-messages'

/**
 * The widget (the script's pill) and the iframe embed: the state in a few words, the leading
 * incident's promises, and maintenance under way or next.
 */
export const widget = defineMessages({
  en: {
    'widget.title': '{page} status',
    'widget.pageStatus':
      '{indicator, select, minor {Minor Service Outage} major {Partial System Outage} critical {Major System Outage} maintenance {Service Under Maintenance} other {All Systems Operational}}',
    'widget.componentStatus':
      '{state, select, maintenance {{name} is under maintenance} ok {{name} is operational} operational {{name}: Operational} degraded_performance {{name}: Degraded performance} partial_outage {{name}: Partial outage} major_outage {{name}: Major outage} under_maintenance {{name}: Under maintenance} other {{name}}}',
    'widget.moreIncidents': '{n, plural, other {(and # more)}}',
    'widget.noEstimate': 'No estimate yet',
    'widget.eta': 'ETA {time}{moves, plural, =0 {} other { (moved #×)}}',
    'widget.etaPassed': 'ETA {time} passed — no new estimate yet',
    'widget.updateOverdue': 'Update overdue by {span}',
    'widget.nextUpdate': 'Next update by {time}',
    'widget.noNextUpdate': 'No next update promised',
    'widget.maintenance':
      '{state, select, scheduled {Maintenance <a>{name}</a>: {window}} other {Maintenance under way <a>{name}</a>: {window}}}',
    'widget.maintenanceLine':
      '{state, select, scheduled {Maintenance {time}: {name}} other {Maintenance under way: {name}}}',
    'widget.unknownComponent': 'No such component on this status page.',
  },
  de: {
    'widget.title': 'Status von {page}',
    'widget.pageStatus':
      '{indicator, select, minor {Kleinere Dienststörung} major {Teilweiser Systemausfall} critical {Schwerer Systemausfall} maintenance {Dienst wird gewartet} other {Alle Systeme betriebsbereit}}',
    'widget.componentStatus':
      '{state, select, maintenance {{name} wird gewartet} ok {{name} ist betriebsbereit} operational {{name}: Betriebsbereit} degraded_performance {{name}: Eingeschränkte Leistung} partial_outage {{name}: Teilausfall} major_outage {{name}: Schwerer Ausfall} under_maintenance {{name}: In Wartung} other {{name}}}',
    'widget.moreIncidents': '{n, plural, other {(und # weitere)}}',
    'widget.noEstimate': 'Noch keine Schätzung',
    'widget.eta': 'Behebung voraussichtlich {time}{moves, plural, =0 {} other { (#× verschoben)}}',
    'widget.etaPassed': 'Voraussichtliche Behebung {time} verstrichen — noch keine neue Schätzung',
    'widget.updateOverdue': 'Update seit {span} überfällig',
    'widget.nextUpdate': 'Nächstes Update bis {time}',
    'widget.noNextUpdate': 'Kein nächstes Update zugesagt',
    'widget.maintenance':
      '{state, select, scheduled {Wartung <a>{name}</a>: {window}} other {Wartung läuft <a>{name}</a>: {window}}}',
    'widget.maintenanceLine':
      '{state, select, scheduled {Wartung {time}: {name}} other {Wartung läuft: {name}}}',
    'widget.unknownComponent': 'Diese Komponente gibt es auf dieser Statusseite nicht.',
  },
  fr: {
    'widget.title': 'État de {page}',
    'widget.pageStatus':
      '{indicator, select, minor {Perturbation mineure du service} major {Panne partielle du système} critical {Panne majeure du système} maintenance {Service en maintenance} other {Tous les systèmes sont opérationnels}}',
    'widget.componentStatus':
      '{state, select, maintenance {{name} est en maintenance} ok {{name} est opérationnel} operational {{name} : Opérationnel} degraded_performance {{name} : Performances dégradées} partial_outage {{name} : Panne partielle} major_outage {{name} : Panne majeure} under_maintenance {{name} : En maintenance} other {{name}}}',
    'widget.moreIncidents': '{n, plural, one {(et # autre)} other {(et # autres)}}',
    'widget.noEstimate': 'Pas encore d’estimation',
    'widget.eta': 'Résolution prévue {time}{moves, plural, =0 {} other { (déplacée #×)}}',
    'widget.etaPassed': 'Résolution prévue {time} dépassée — pas encore de nouvelle estimation',
    'widget.updateOverdue': 'Mise à jour en retard de {span}',
    'widget.nextUpdate': 'Prochaine mise à jour d’ici {time}',
    'widget.noNextUpdate': 'Aucune prochaine mise à jour promise',
    'widget.maintenance':
      '{state, select, scheduled {Maintenance <a>{name}</a> : {window}} other {Maintenance en cours <a>{name}</a> : {window}}}',
    'widget.maintenanceLine':
      '{state, select, scheduled {Maintenance {time} : {name}} other {Maintenance en cours : {name}}}',
    'widget.unknownComponent': 'Ce composant n’existe pas sur cette page d’état.',
  },
  es: {
    'widget.title': 'Estado de {page}',
    'widget.pageStatus':
      '{indicator, select, minor {Interrupción menor del servicio} major {Interrupción parcial del sistema} critical {Interrupción grave del sistema} maintenance {Servicio en mantenimiento} other {Todos los sistemas operativos}}',
    'widget.componentStatus':
      '{state, select, maintenance {{name} está en mantenimiento} ok {{name} funciona con normalidad} operational {{name}: Operativo} degraded_performance {{name}: Rendimiento degradado} partial_outage {{name}: Interrupción parcial} major_outage {{name}: Interrupción grave} under_maintenance {{name}: En mantenimiento} other {{name}}}',
    'widget.moreIncidents': '{n, plural, other {(y # más)}}',
    'widget.noEstimate': 'Aún sin estimación',
    'widget.eta': 'Solución prevista {time}{moves, plural, =0 {} other { (movida #×)}}',
    'widget.etaPassed': 'Solución prevista {time} superada — aún sin nueva estimación',
    'widget.updateOverdue': 'Actualización con {span} de retraso',
    'widget.nextUpdate': 'Próxima actualización antes de {time}',
    'widget.noNextUpdate': 'Sin próxima actualización prometida',
    'widget.maintenance':
      '{state, select, scheduled {Mantenimiento <a>{name}</a>: {window}} other {Mantenimiento en curso <a>{name}</a>: {window}}}',
    'widget.maintenanceLine':
      '{state, select, scheduled {Mantenimiento {time}: {name}} other {Mantenimiento en curso: {name}}}',
    'widget.unknownComponent': 'Este componente no existe en esta página de estado.',
  },
  ar: {
    'widget.title': 'حالة {page}',
    'widget.pageStatus':
      '{indicator, select, minor {انقطاع طفيف في الخدمة} major {انقطاع جزئي في النظام} critical {انقطاع كبير في النظام} maintenance {الخدمة قيد الصيانة} other {جميع الأنظمة تعمل}}',
    'widget.componentStatus':
      '{state, select, maintenance {{name} قيد الصيانة} ok {{name} يعمل بشكل طبيعي} operational {{name}: يعمل} degraded_performance {{name}: أداء متراجع} partial_outage {{name}: انقطاع جزئي} major_outage {{name}: انقطاع كبير} under_maintenance {{name}: قيد الصيانة} other {{name}}}',
    'widget.moreIncidents':
      '{n, plural, one {(وحادث آخر)} two {(وحادثان آخران)} few {(و# حوادث أخرى)} many {(و# حادثًا آخر)} other {(و# حادث آخر)}}',
    'widget.noEstimate': 'لا يوجد تقدير بعد',
    'widget.eta': 'الموعد المتوقع للإصلاح {time}{moves, plural, =0 {} other { (عُدِّل #×)}}',
    'widget.etaPassed': 'انقضى الموعد المتوقع للإصلاح {time} — لا يوجد تقدير جديد بعد',
    'widget.updateOverdue': 'التحديث متأخر بمقدار {span}',
    'widget.nextUpdate': 'التحديث التالي بحلول {time}',
    'widget.noNextUpdate': 'لم يُوعَد بتحديث تالٍ',
    'widget.maintenance':
      '{state, select, scheduled {صيانة <a>{name}</a>: {window}} other {صيانة جارية <a>{name}</a>: {window}}}',
    'widget.maintenanceLine':
      '{state, select, scheduled {صيانة {time}: {name}} other {صيانة جارية: {name}}}',
    'widget.unknownComponent': 'لا يوجد مكوّن كهذا في صفحة الحالة هذه.',
  },
})
