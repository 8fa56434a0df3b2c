import { defineMessages } from '../define-messages'

/** The history page: months of past incidents, its pager, and the ETA record in plain words. */
export const history = defineMessages({
  en: {
    'history.heading': 'History',
    'history.none': 'No incidents reported.',
    'history.pages': 'History pages',
    'history.newer': '← Newer',
    'history.older': 'Older →',
    'eta.heading': 'How our estimates held',
    'eta.none': 'No incidents in the last {days, plural, one {day} other {# days}}.',
    'eta.noneWithEta':
      'None of the {incidents, plural, one {# incident} other {# incidents}} in the last {days, plural, one {day} other {# days}} was given an ETA.',
    'eta.record':
      'Of {withEta, plural, one {# incident} other {# incidents}} with an ETA in the last {days, plural, one {day} other {# days}}, {firstMet, plural, one {# was} other {# were}} fixed by the first ETA and {lastMet} by the last one{open, plural, =0 {} one { (# is still open with the ETA ahead)} other { (# are still open with the ETA ahead)}}.',
    'eta.slip':
      'Slip past the first ETA over {resolved, plural, one {# resolved incident} other {# resolved incidents}}: median {median}, 90th percentile {p90} (fixed on time counts as no slip).',
    'eta.promisesNoneDue': 'No promised update is due yet.',
    'eta.promises':
      '{onTime} of {decided, plural, one {# promised update} other {# promised updates}} came on time; {late} came late and {missed} never came{pending, plural, =0 {} other { (# more not due yet)}}.',
    'eta.figures': 'The figures: <a>JSON</a>',
  },
  de: {
    'history.heading': 'Verlauf',
    'history.none': 'Keine Störungen gemeldet.',
    'history.pages': 'Seiten des Verlaufs',
    'history.newer': '← Neuer',
    'history.older': 'Älter →',
    'eta.heading': 'Wie gut unsere Prognosen hielten',
    'eta.none':
      'Keine Störungen {days, plural, one {am letzten Tag} other {in den letzten # Tagen}}.',
    'eta.noneWithEta':
      'Keine der {incidents, plural, one {# Störung} other {# Störungen}} {days, plural, one {am letzten Tag} other {in den letzten # Tagen}} hatte eine Prognose.',
    'eta.record':
      'Von {withEta, plural, one {# Störung} other {# Störungen}} mit Prognose {days, plural, one {am letzten Tag} other {in den letzten # Tagen}} {firstMet, plural, one {wurde #} other {wurden #}} bis zur ersten Prognose behoben und {lastMet} bis zur letzten{open, plural, =0 {} one { (# ist noch offen, die Prognose liegt noch vor uns)} other { (# sind noch offen, die Prognose liegt noch vor uns)}}.',
    'eta.slip':
      'Verzug gegenüber der ersten Prognose bei {resolved, plural, one {# behobenen Störung} other {# behobenen Störungen}}: Median {median}, 90. Perzentil {p90} (pünktlich behoben zählt als kein Verzug).',
    'eta.promisesNoneDue': 'Noch ist keine zugesagte Meldung fällig.',
    'eta.promises':
      'Pünktlich kamen {onTime} von {decided, plural, one {# zugesagten Meldung} other {# zugesagten Meldungen}}; zu spät {late}, nie {missed}{pending, plural, =0 {} other { (# weitere noch nicht fällig)}}.',
    'eta.figures': 'Die Zahlen: <a>JSON</a>',
  },
  fr: {
    'history.heading': 'Historique',
    'history.none': 'Aucun incident signalé.',
    'history.pages': 'Pages de l’historique',
    'history.newer': '← Plus récents',
    'history.older': 'Plus anciens →',
    'eta.heading': 'La fiabilité de nos estimations',
    'eta.none':
      'Aucun incident {days, plural, one {le dernier jour} other {ces # derniers jours}}.',
    'eta.noneWithEta':
      'Aucun des {incidents, plural, one {# incident} other {# incidents}} {days, plural, one {le dernier jour} other {ces # derniers jours}} n’a reçu d’estimation.',
    'eta.record':
      'Sur {withEta, plural, one {# incident} other {# incidents}} avec une estimation {days, plural, one {le dernier jour} other {ces # derniers jours}}, {firstMet, plural, one {# a été résolu} other {# ont été résolus}} avant la première estimation et {lastMet} avant la dernière{open, plural, =0 {} one { (# est encore ouvert, avant l’heure estimée)} other { (# sont encore ouverts, avant l’heure estimée)}}.',
    'eta.slip':
      'Retard sur la première estimation pour {resolved, plural, one {# incident résolu} other {# incidents résolus}} : médiane {median}, 90e centile {p90} (une résolution à temps compte comme aucun retard).',
    'eta.promisesNoneDue': 'Aucune mise à jour promise n’est encore due.',
    'eta.promises':
      'À l’heure : {onTime} sur {decided, plural, one {# mise à jour promise} other {# mises à jour promises}} ; en retard : {late} ; jamais venues : {missed}{pending, plural, =0 {} other { (# autres pas encore dues)}}.',
    'eta.figures': 'Les chiffres : <a>JSON</a>',
  },
  es: {
    'history.heading': 'Historial',
    'history.none': 'No se notificaron incidencias.',
    'history.pages': 'Páginas del historial',
    'history.newer': '← Más recientes',
    'history.older': 'Más antiguas →',
    'eta.heading': 'Cómo se cumplieron nuestras estimaciones',
    'eta.none':
      'Ninguna incidencia {days, plural, one {en el último día} other {en los últimos # días}}.',
    'eta.noneWithEta':
      'Ninguna de las {incidents, plural, one {# incidencia} other {# incidencias}} {days, plural, one {en el último día} other {en los últimos # días}} recibió una estimación.',
    'eta.record':
      'De {withEta, plural, one {# incidencia} other {# incidencias}} con estimación {days, plural, one {en el último día} other {en los últimos # días}}, {firstMet, plural, one {# se resolvió} other {# se resolvieron}} antes de la primera estimación y {lastMet} antes de la última{open, plural, =0 {} one { (# sigue abierta con la estimación por delante)} other { (# siguen abiertas con la estimación por delante)}}.',
    'eta.slip':
      'Retraso respecto a la primera estimación en {resolved, plural, one {# incidencia resuelta} other {# incidencias resueltas}}: mediana {median}, percentil 90 {p90} (resolver a tiempo cuenta como sin retraso).',
    'eta.promisesNoneDue': 'Todavía no vence ninguna actualización prometida.',
    'eta.promises':
      'Llegaron a tiempo {onTime} de {decided, plural, one {# actualización prometida} other {# actualizaciones prometidas}}; tarde, {late}, y nunca, {missed}{pending, plural, =0 {} other { (# más aún no vencen)}}.',
    'eta.figures': 'Las cifras: <a>JSON</a>',
  },
  ar: {
    'history.heading': 'السجل',
    'history.none': 'لم يُبلَّغ عن أي أعطال.',
    'history.pages': 'صفحات السجل',
    'history.newer': '→ الأحدث',
    'history.older': 'الأقدم ←',
    'eta.heading': 'مدى صدق تقديراتنا',
    'eta.none':
      'لا أعطال {days, plural, zero {خلال # يوم} one {خلال اليوم الأخير} two {خلال اليومين الأخيرين} few {خلال آخر # أيام} many {خلال آخر # يومًا} other {خلال آخر # يوم}}.',
    'eta.noneWithEta':
      'لم يُحدَّد موعد متوقع لأي من {incidents, plural, zero {# عطل} one {العطل الواحد} two {العطلين} few {الأعطال الـ#} many {الأعطال الـ#} other {الأعطال الـ#}} {days, plural, zero {خلال # يوم} one {خلال اليوم الأخير} two {خلال اليومين الأخيرين} few {خلال آخر # أيام} many {خلال آخر # يومًا} other {خلال آخر # يوم}}.',
    'eta.record':
      'من بين {withEta, plural, zero {# عطل} one {عطل واحد} two {عطلين} few {# أعطال} many {# عطلًا} other {# عطل}} لها موعد متوقع {days, plural, zero {خلال # يوم} one {خلال اليوم الأخير} two {خلال اليومين الأخيرين} few {خلال آخر # أيام} many {خلال آخر # يومًا} other {خلال آخر # يوم}}، حُلّ {firstMet} بحلول الموعد الأول و{lastMet} بحلول الأخير{open, plural, =0 {} other { (لا يزال # مفتوحًا والموعد لم يحن)}}.',
    'eta.slip':
      'التأخر عن الموعد المتوقع الأول في {resolved, plural, zero {# عطل محلول} one {عطل محلول واحد} two {عطلين محلولين} few {# أعطال محلولة} many {# عطلًا محلولًا} other {# عطل محلول}}: الوسيط {median}، والمئين التسعون {p90} (الحل في الموعد يُحتسب بلا تأخر).',
    'eta.promisesNoneDue': 'لم يحن موعد أي تحديث موعود بعد.',
    'eta.promises':
      'وصل في الموعد {onTime} من {decided, plural, zero {# تحديث موعود} one {تحديث موعود واحد} two {تحديثين موعودين} few {# تحديثات موعودة} many {# تحديثًا موعودًا} other {# تحديث موعود}}؛ ووصل متأخرًا {late}، ولم يصل {missed}{pending, plural, =0 {} other { (و# أخرى لم يحن موعدها)}}.',
    'eta.figures': 'الأرقام: <a>JSON</a>',
  },
})
