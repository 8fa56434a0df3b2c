import { defineMessages } from '../define-messages'

/**
 * How notices (emails, chat messages) put times and spans into words: a day with a time, a
 * window, a span of minutes, how an ETA moved. `{day}`, `{time}` and `{clock}` are the reader's
 * clock's own texts ("Tue 24 Nov", "18:00 GMT", "18:00").
 */
export const notifyTime = defineMessages({
  en: {
    'notify.time.dayTime': '{day} {time}',
    'notify.time.dayClock': '{day} {clock}',
    'notify.time.rangeSameDay': '{day} {from}–{until} {zone}',
    'notify.time.range': '{from} – {until}',
    'notify.span.underMinute': 'less than a minute',
    'notify.span.minutes': '{minutes} min',
    'notify.span.hours': '{hours} h',
    'notify.span.hoursMinutes': '{hours} h {minutes} min',
    'notify.span.days': '{days, plural, one {# day} other {# days}}',
    'notify.span.daysHours': '{days, plural, one {# day} other {# days}} {hours} h',
    'notify.eta.history': 'ETA moved {count, plural, one {# time} other {# times}}: {steps}',
    'notify.eta.moved': '{count, plural, one {moved once} =2 {moved twice} other {moved # times}}',
    'notify.eta.noEstimate': 'no estimate',
  },
  de: {
    'notify.time.dayTime': '{day}, {time}',
    'notify.time.dayClock': '{day}, {clock}',
    'notify.time.rangeSameDay': '{day}, {from}–{until} {zone}',
    'notify.time.range': '{from} – {until}',
    'notify.span.underMinute': 'weniger als eine Minute',
    'notify.span.minutes': '{minutes} Min.',
    'notify.span.hours': '{hours} Std.',
    'notify.span.hoursMinutes': '{hours} Std. {minutes} Min.',
    'notify.span.days': '{days, plural, one {# Tag} other {# Tage}}',
    'notify.span.daysHours': '{days, plural, one {# Tag} other {# Tage}} {hours} Std.',
    'notify.eta.history':
      'Prognose {count, plural, one {einmal} =2 {zweimal} other {#-mal}} verschoben: {steps}',
    'notify.eta.moved':
      '{count, plural, one {einmal verschoben} =2 {zweimal verschoben} other {#-mal verschoben}}',
    'notify.eta.noEstimate': 'keine Prognose',
  },
  fr: {
    'notify.time.dayTime': '{day} à {time}',
    'notify.time.dayClock': '{day} à {clock}',
    'notify.time.rangeSameDay': '{day}, {from}–{until} {zone}',
    'notify.time.range': '{from} – {until}',
    'notify.span.underMinute': 'moins d’une minute',
    'notify.span.minutes': '{minutes} min',
    'notify.span.hours': '{hours} h',
    'notify.span.hoursMinutes': '{hours} h {minutes} min',
    'notify.span.days': '{days, plural, one {# jour} other {# jours}}',
    'notify.span.daysHours': '{days, plural, one {# jour} other {# jours}} {hours} h',
    'notify.eta.history':
      'Prévision déplacée {count, plural, one {# fois} other {# fois}} : {steps}',
    'notify.eta.moved':
      '{count, plural, one {déplacée une fois} =2 {déplacée deux fois} other {déplacée # fois}}',
    'notify.eta.noEstimate': 'aucune prévision',
  },
  es: {
    'notify.time.dayTime': '{day}, {time}',
    'notify.time.dayClock': '{day}, {clock}',
    'notify.time.rangeSameDay': '{day}, {from}–{until} {zone}',
    'notify.time.range': '{from} – {until}',
    'notify.span.underMinute': 'menos de un minuto',
    'notify.span.minutes': '{minutes} min',
    'notify.span.hours': '{hours} h',
    'notify.span.hoursMinutes': '{hours} h {minutes} min',
    'notify.span.days': '{days, plural, one {# día} other {# días}}',
    'notify.span.daysHours': '{days, plural, one {# día} other {# días}} {hours} h',
    'notify.eta.history':
      'Previsión cambiada {count, plural, one {# vez} other {# veces}}: {steps}',
    'notify.eta.moved':
      '{count, plural, one {cambiada una vez} =2 {cambiada dos veces} other {cambiada # veces}}',
    'notify.eta.noEstimate': 'sin previsión',
  },
  ar: {
    'notify.time.dayTime': '{day}، {time}',
    'notify.time.dayClock': '{day}، {clock}',
    'notify.time.rangeSameDay': '{day}، {from}–{until} {zone}',
    'notify.time.range': '{from} – {until}',
    'notify.span.underMinute': 'أقل من دقيقة',
    'notify.span.minutes': '{minutes} د',
    'notify.span.hours': '{hours} س',
    'notify.span.hoursMinutes': '{hours} س و{minutes} د',
    'notify.span.days':
      '{days, plural, one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}',
    'notify.span.daysHours':
      '{days, plural, one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}} و{hours} س',
    'notify.eta.history':
      'تغيّر الموعد المتوقع {count, plural, one {مرة واحدة} two {مرتين} few {# مرات} many {# مرة} other {# مرة}}: {steps}',
    'notify.eta.moved':
      '{count, plural, one {تغيّر مرة واحدة} two {تغيّر مرتين} few {تغيّر # مرات} many {تغيّر # مرة} other {تغيّر # مرة}}',
    'notify.eta.noEstimate': 'لا موعد متوقع',
  },
})
