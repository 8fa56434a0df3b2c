import { defineMessages } from '../define-messages'

/**
 * Error pages the public sees (404, 400, 409, 413, 429, 500), the refusals of the public forms
 * and links, and the language switcher's refusal.
 */
export const errors = defineMessages({
  en: {
    'error.title.notFound': 'Page not found',
    'error.text.notFound':
      'There is nothing at this address: it may be mistyped, or what it showed was removed.',
    'error.title.badRequest': 'Not understood',
    'error.text.badRequest':
      'Nothing was changed: something in the form or the address could not be read.',
    'error.title.conflict': 'Not possible now',
    'error.text.conflict':
      'Nothing was changed: this can no longer be done here. Answers, for instance, are taken for 48 hours after an incident is resolved.',
    'error.title.tooLarge': 'Too large',
    'error.text.tooLarge': 'Nothing was changed: what was sent is larger than this page takes.',
    'error.title.rateLimited': 'Too many requests',
    'error.text.rateLimited': 'Too many lookups came from your network; try again in a minute.',
    'error.title.internal': 'Something went wrong',
    'error.text.internal': 'Something went wrong on our side; it has been logged.',
    'error.title.other': 'Error {status}',
    'error.text.other': 'The request could not be processed.',
    'error.requestId': 'Reference: {id}',
    'error.foreignHeading': 'This form came from another site',
    'error.foreignText':
      'Nothing was recorded. Open the page on our site and press its button there.',
    'error.answersLimited':
      'Nothing was recorded. Too many answers came from your network; try again in a minute.',
    'error.linksLimited':
      'Too many links were opened from your network; try this one again in a minute.',
    'error.languageHeading': 'Unknown language',
    'error.languageText':
      '“{lang}” is not a language this page is offered in. It is offered in {languages}.',
    'error.languageMissing': 'No language was chosen. This page is offered in {languages}.',
  },
  de: {
    'error.title.notFound': 'Seite nicht gefunden',
    'error.text.notFound':
      'Unter dieser Adresse gibt es nichts: Sie ist vielleicht falsch geschrieben, oder was sie zeigte, wurde entfernt.',
    'error.title.badRequest': 'Nicht verstanden',
    'error.text.badRequest':
      'Es wurde nichts geändert: Etwas im Formular oder in der Adresse war nicht lesbar.',
    'error.title.conflict': 'Jetzt nicht möglich',
    'error.text.conflict':
      'Es wurde nichts geändert: Das ist hier nicht mehr möglich. Antworten werden zum Beispiel bis 48 Stunden nach der Behebung einer Störung angenommen.',
    'error.title.tooLarge': 'Zu groß',
    'error.text.tooLarge':
      'Es wurde nichts geändert: Das Gesendete ist größer, als diese Seite annimmt.',
    'error.title.rateLimited': 'Zu viele Anfragen',
    'error.text.rateLimited':
      'Aus Ihrem Netz kamen zu viele Abfragen; versuchen Sie es in einer Minute erneut.',
    'error.title.internal': 'Etwas ist schiefgelaufen',
    'error.text.internal': 'Bei uns ist etwas schiefgelaufen; es wurde protokolliert.',
    'error.title.other': 'Fehler {status}',
    'error.text.other': 'Die Anfrage konnte nicht verarbeitet werden.',
    'error.requestId': 'Referenz: {id}',
    'error.foreignHeading': 'Dieses Formular kam von einer anderen Website',
    'error.foreignText':
      'Es wurde nichts erfasst. Öffnen Sie die Seite auf unserer Website und drücken Sie dort die Schaltfläche.',
    'error.answersLimited':
      'Es wurde nichts erfasst. Aus Ihrem Netz kamen zu viele Antworten; versuchen Sie es in einer Minute erneut.',
    'error.linksLimited':
      'Aus Ihrem Netz wurden zu viele Links geöffnet; versuchen Sie diesen in einer Minute erneut.',
    'error.languageHeading': 'Unbekannte Sprache',
    'error.languageText':
      '„{lang}“ ist keine Sprache, in der es diese Seite gibt. Es gibt sie auf {languages}.',
    'error.languageMissing': 'Es wurde keine Sprache gewählt. Diese Seite gibt es auf {languages}.',
  },
  fr: {
    'error.title.notFound': 'Page introuvable',
    'error.text.notFound':
      'Il n’y a rien à cette adresse : elle est peut-être mal saisie, ou ce qu’elle montrait a été retiré.',
    'error.title.badRequest': 'Requête incomprise',
    'error.text.badRequest':
      'Rien n’a été modifié : un élément du formulaire ou de l’adresse n’a pas pu être lu.',
    'error.title.conflict': 'Impossible pour le moment',
    'error.text.conflict':
      'Rien n’a été modifié : ce n’est plus possible ici. Les réponses, par exemple, sont acceptées pendant 48 heures après la résolution d’un incident.',
    'error.title.tooLarge': 'Trop volumineux',
    'error.text.tooLarge': 'Rien n’a été modifié : l’envoi dépasse ce que cette page accepte.',
    'error.title.rateLimited': 'Trop de requêtes',
    'error.text.rateLimited':
      'Trop de consultations sont venues de votre réseau ; réessayez dans une minute.',
    'error.title.internal': 'Une erreur s’est produite',
    'error.text.internal': 'Une erreur s’est produite de notre côté ; elle a été consignée.',
    'error.title.other': 'Erreur {status}',
    'error.text.other': 'La requête n’a pas pu être traitée.',
    'error.requestId': 'Référence : {id}',
    'error.foreignHeading': 'Ce formulaire vient d’un autre site',
    'error.foreignText':
      'Rien n’a été enregistré. Ouvrez la page sur notre site et appuyez sur son bouton.',
    'error.answersLimited':
      'Rien n’a été enregistré. Trop de réponses sont venues de votre réseau ; réessayez dans une minute.',
    'error.linksLimited':
      'Trop de liens ont été ouverts depuis votre réseau ; réessayez celui-ci dans une minute.',
    'error.languageHeading': 'Langue inconnue',
    'error.languageText':
      '« {lang} » n’est pas une langue proposée pour cette page. Elle est proposée en {languages}.',
    'error.languageMissing':
      'Aucune langue n’a été choisie. Cette page est proposée en {languages}.',
  },
  es: {
    'error.title.notFound': 'Página no encontrada',
    'error.text.notFound':
      'No hay nada en esta dirección: puede estar mal escrita, o lo que mostraba se ha retirado.',
    'error.title.badRequest': 'Solicitud no válida',
    'error.text.badRequest':
      'No se ha cambiado nada: algo del formulario o de la dirección no se pudo leer.',
    'error.title.conflict': 'No es posible ahora',
    'error.text.conflict':
      'No se ha cambiado nada: esto ya no se puede hacer aquí. Las respuestas, por ejemplo, se aceptan durante 48 horas tras resolverse una incidencia.',
    'error.title.tooLarge': 'Demasiado grande',
    'error.text.tooLarge': 'No se ha cambiado nada: lo enviado supera lo que admite esta página.',
    'error.title.rateLimited': 'Demasiadas solicitudes',
    'error.text.rateLimited':
      'Llegaron demasiadas consultas desde su red; inténtelo de nuevo en un minuto.',
    'error.title.internal': 'Algo ha fallado',
    'error.text.internal': 'Algo ha fallado por nuestra parte; se ha registrado.',
    'error.title.other': 'Error {status}',
    'error.text.other': 'No se pudo procesar la solicitud.',
    'error.requestId': 'Referencia: {id}',
    'error.foreignHeading': 'Este formulario procede de otro sitio',
    'error.foreignText':
      'No se ha registrado nada. Abra la página en nuestro sitio y pulse allí su botón.',
    'error.answersLimited':
      'No se ha registrado nada. Llegaron demasiadas respuestas desde su red; inténtelo de nuevo en un minuto.',
    'error.linksLimited':
      'Se abrieron demasiados enlaces desde su red; vuelva a intentarlo con este en un minuto.',
    'error.languageHeading': 'Idioma desconocido',
    'error.languageText':
      '«{lang}» no es un idioma en el que se ofrezca esta página. Se ofrece en {languages}.',
    'error.languageMissing': 'No se eligió ningún idioma. Esta página se ofrece en {languages}.',
  },
  ar: {
    'error.title.notFound': 'الصفحة غير موجودة',
    'error.text.notFound': 'لا يوجد شيء على هذا العنوان: ربما كُتب خطأً، أو أُزيل ما كان يعرضه.',
    'error.title.badRequest': 'طلب غير مفهوم',
    'error.text.badRequest': 'لم يُغيَّر شيء: تعذّرت قراءة شيء في النموذج أو العنوان.',
    'error.title.conflict': 'غير ممكن الآن',
    'error.text.conflict':
      'لم يُغيَّر شيء: لم يعد هذا ممكنًا هنا. فالإجابات مثلًا تُقبل لمدة 48 ساعة بعد حل العطل.',
    'error.title.tooLarge': 'كبير جدًا',
    'error.text.tooLarge': 'لم يُغيَّر شيء: ما أُرسل أكبر مما تقبله هذه الصفحة.',
    'error.title.rateLimited': 'طلبات كثيرة جدًا',
    'error.text.rateLimited': 'وصلت استعلامات كثيرة جدًا من شبكتك؛ حاول مجددًا بعد دقيقة.',
    'error.title.internal': 'حدث خطأ ما',
    'error.text.internal': 'حدث خطأ من جانبنا؛ وقد سُجّل.',
    'error.title.other': 'خطأ {status}',
    'error.text.other': 'تعذّرت معالجة الطلب.',
    'error.requestId': 'المرجع: {id}',
    'error.foreignHeading': 'جاء هذا النموذج من موقع آخر',
    'error.foreignText': 'لم يُسجَّل شيء. افتح الصفحة على موقعنا واضغط زرها هناك.',
    'error.answersLimited': 'لم يُسجَّل شيء. وصلت إجابات كثيرة جدًا من شبكتك؛ حاول مجددًا بعد دقيقة.',
    'error.linksLimited': 'فُتحت روابط كثيرة جدًا من شبكتك؛ حاول فتح هذا الرابط مجددًا بعد دقيقة.',
    'error.languageHeading': 'لغة غير معروفة',
    'error.languageText': '«{lang}» ليست لغة تُعرض بها هذه الصفحة. اللغات المتاحة: {languages}.',
    'error.languageMissing': 'لم تُختر أي لغة. اللغات المتاحة: {languages}.',
  },
})
