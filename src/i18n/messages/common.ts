import { defineMessages } from '../define-messages'

/** Words shared by every surface. */
export const common = defineMessages({
  en: {
    'common.language': 'Language',
    'common.overdueBy': 'overdue by {span}',
  },
  de: {
    'common.language': 'Sprache',
    'common.overdueBy': 'seit {span} überfällig',
  },
  fr: {
    'common.language': 'Langue',
    'common.overdueBy': 'en retard de {span}',
  },
  es: {
    'common.language': 'Idioma',
    'common.overdueBy': 'con {span} de retraso',
  },
  ar: {
    'common.language': 'اللغة',
    'common.overdueBy': 'متأخر بمقدار {span}',
  },
})
