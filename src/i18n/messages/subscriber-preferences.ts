import { defineMessages } from '../define-messages'

/** The manage page's choice of the language and time zone of a subscriber's emails. */
export const subscriberPreferences = defineMessages({
  en: {
    'preferences.heading': 'Language and time zone of your emails',
    'preferences.intro':
      'Emails from {pageName} are written in this language, and every time in them is given in this time zone.',
    'preferences.language': 'Language',
    'preferences.languageDefault': 'The page’s language ({language})',
    'preferences.timeZone': 'Time zone',
    'preferences.timeZoneHint':
      'A name such as Europe/London or America/New_York. Leave it empty for the page’s time zone ({zone}).',
    'preferences.save': 'Save language and time zone',
    'preferences.saved': 'Saved. Your emails now use the language and time zone below.',
    'preferences.notSaved': 'Not saved:',
    'preferences.unknownZone':
      '“{value}” is not a time zone we know. Give a name such as Europe/London, or leave it empty.',
    'preferences.unknownLanguage': 'Choose one of the languages offered.',
  },
  de: {
    'preferences.heading': 'Sprache und Zeitzone Ihrer E-Mails',
    'preferences.intro':
      'E-Mails von {pageName} werden in dieser Sprache geschrieben, und jede Uhrzeit darin wird in dieser Zeitzone angegeben.',
    'preferences.language': 'Sprache',
    'preferences.languageDefault': 'Sprache der Seite ({language})',
    'preferences.timeZone': 'Zeitzone',
    'preferences.timeZoneHint':
      'Ein Name wie Europe/Berlin oder America/New_York. Leer lassen für die Zeitzone der Seite ({zone}).',
    'preferences.save': 'Sprache und Zeitzone speichern',
    'preferences.saved':
      'Gespeichert. Ihre E-Mails verwenden jetzt die unten stehende Sprache und Zeitzone.',
    'preferences.notSaved': 'Nicht gespeichert:',
    'preferences.unknownZone':
      '„{value}“ ist keine uns bekannte Zeitzone. Geben Sie einen Namen wie Europe/Berlin an oder lassen Sie das Feld leer.',
    'preferences.unknownLanguage': 'Wählen Sie eine der angebotenen Sprachen.',
  },
  fr: {
    'preferences.heading': 'Langue et fuseau horaire de vos e-mails',
    'preferences.intro':
      'Les e-mails de {pageName} sont rédigés dans cette langue, et chaque heure y est donnée dans ce fuseau horaire.',
    'preferences.language': 'Langue',
    'preferences.languageDefault': 'La langue de la page ({language})',
    'preferences.timeZone': 'Fuseau horaire',
    'preferences.timeZoneHint':
      'Un nom comme Europe/Paris ou America/Montreal. Laissez vide pour le fuseau horaire de la page ({zone}).',
    'preferences.save': 'Enregistrer la langue et le fuseau horaire',
    'preferences.saved':
      'Enregistré. Vos e-mails utilisent désormais la langue et le fuseau horaire ci-dessous.',
    'preferences.notSaved': 'Non enregistré :',
    'preferences.unknownZone':
      '« {value} » n’est pas un fuseau horaire que nous connaissons. Indiquez un nom comme Europe/Paris, ou laissez vide.',
    'preferences.unknownLanguage': 'Choisissez l’une des langues proposées.',
  },
  es: {
    'preferences.heading': 'Idioma y zona horaria de sus correos',
    'preferences.intro':
      'Los correos de {pageName} se escriben en este idioma, y cada hora que contienen se da en esta zona horaria.',
    'preferences.language': 'Idioma',
    'preferences.languageDefault': 'El idioma de la página ({language})',
    'preferences.timeZone': 'Zona horaria',
    'preferences.timeZoneHint':
      'Un nombre como Europe/Madrid o America/Mexico_City. Déjelo vacío para la zona horaria de la página ({zone}).',
    'preferences.save': 'Guardar idioma y zona horaria',
    'preferences.saved':
      'Guardado. Sus correos usan ahora el idioma y la zona horaria que aparecen abajo.',
    'preferences.notSaved': 'No guardado:',
    'preferences.unknownZone':
      '«{value}» no es una zona horaria que conozcamos. Indique un nombre como Europe/Madrid o déjelo vacío.',
    'preferences.unknownLanguage': 'Elija uno de los idiomas ofrecidos.',
  },
  ar: {
    'preferences.heading': 'لغة رسائلك الإلكترونية ومنطقتها الزمنية',
    'preferences.intro':
      'تُكتب رسائل {pageName} الإلكترونية بهذه اللغة، وتُذكر كل الأوقات فيها بهذه المنطقة الزمنية.',
    'preferences.language': 'اللغة',
    'preferences.languageDefault': 'لغة الصفحة ({language})',
    'preferences.timeZone': 'المنطقة الزمنية',
    'preferences.timeZoneHint':
      'اسم مثل Asia/Dubai أو Africa/Cairo. اتركه فارغًا لاستخدام المنطقة الزمنية للصفحة ({zone}).',
    'preferences.save': 'حفظ اللغة والمنطقة الزمنية',
    'preferences.saved': 'تم الحفظ. تستخدم رسائلك الآن اللغة والمنطقة الزمنية المبيّنتين أدناه.',
    'preferences.notSaved': 'لم يُحفظ:',
    'preferences.unknownZone':
      '«{value}» ليست منطقة زمنية نعرفها. اكتب اسمًا مثل Asia/Dubai، أو اتركه فارغًا.',
    'preferences.unknownLanguage': 'اختر إحدى اللغات المعروضة.',
  },
})
