import { defineMessages } from '../define-messages'

/** The operator's brand on public pages: support and footer links, components' help links. */
export const brand = defineMessages({
  en: {
    'brand.contactSupport': 'Contact support',
    'brand.footerLinks': 'Links',
    'brand.componentHelp':
      '{status, select, under_maintenance {What to do while {component} is under maintenance} degraded_performance {What to do if {component} is slow} other {What to do if {component} is down}}',
    'brand.help': 'Help<hidden> for {component}</hidden>',
  },
  de: {
    'brand.contactSupport': 'Support kontaktieren',
    'brand.footerLinks': 'Links',
    'brand.componentHelp':
      '{status, select, under_maintenance {Was tun, während {component} gewartet wird} degraded_performance {Was tun, wenn {component} langsam ist} other {Was tun, wenn {component} ausfällt}}',
    'brand.help': 'Hilfe<hidden> zu {component}</hidden>',
  },
  fr: {
    'brand.contactSupport': "Contacter l'assistance",
    'brand.footerLinks': 'Liens',
    'brand.componentHelp':
      '{status, select, under_maintenance {Que faire pendant la maintenance de {component}} degraded_performance {Que faire si {component} est lent} other {Que faire si {component} est en panne}}',
    'brand.help': 'Aide<hidden> pour {component}</hidden>',
  },
  es: {
    'brand.contactSupport': 'Contactar con soporte',
    'brand.footerLinks': 'Enlaces',
    'brand.componentHelp':
      '{status, select, under_maintenance {Qué hacer mientras {component} está en mantenimiento} degraded_performance {Qué hacer si {component} va lento} other {Qué hacer si {component} no funciona}}',
    'brand.help': 'Ayuda<hidden> sobre {component}</hidden>',
  },
  ar: {
    'brand.contactSupport': 'تواصل مع الدعم',
    'brand.footerLinks': 'روابط',
    'brand.componentHelp':
      '{status, select, under_maintenance {ما العمل أثناء صيانة {component}} degraded_performance {ما العمل إذا كان {component} بطيئًا} other {ما العمل إذا تعطّل {component}}}',
    'brand.help': 'مساعدة<hidden> بشأن {component}</hidden>',
  },
})
