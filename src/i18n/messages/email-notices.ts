import { defineMessages } from '../define-messages'

/**
 * The short emails to a subscriber about its subscription: the double opt-in confirmation and
 * the notices that its webhook was switched off. `{reason}` is the technical cause, as recorded.
 */
export const emailNotices = defineMessages({
  en: {
    'email.confirm.subject': 'Confirm your subscription to {pageName}',
    'email.confirm.subjectWebhook': 'Confirm your webhook for {pageName}',
    'email.confirm.before':
      'Someone, hopefully you, asked to receive status updates from {pageName} at this address: incidents, maintenance and their updates.',
    'email.confirm.beforeWebhook':
      'Someone, hopefully you, asked {pageName} to send its status updates as webhooks to:\n{url}\n\nThis address was given as the webhook’s owner: if the webhook keeps failing and is switched off, we will tell you here.',
    'email.confirm.noUrl': '(no URL given)',
    'email.confirm.after':
      'The link opens a page with a button; nothing happens until you press it. It works for {hours} hours.\n\nIf you did not ask for this, ignore this email: nothing will be sent, and you will not hear from us again.',
    'email.confirm.afterWebhook':
      'The link opens a page with a button; nothing happens until you press it. It works for {hours} hours.\n\nIf you did not ask for this, ignore this email: nothing will be sent to that URL, and you will not hear from us again.',
    'email.confirm.action': 'Confirm my subscription',
    'email.confirm.actionWebhook': 'Confirm the webhook',
    'email.confirm.preview': '{action}: one click, then press the button.',
    'email.notice.automatic': 'This is an automatic message from {pageName}.',
    'email.notice.buttonFallback': 'If the button does not work, open this address: {href}',
    'email.webhookOwner.footer':
      'This is an automatic message from {pageName}: this address was given as the webhook’s owner.',
    'email.disabled.subject': 'Webhook disabled: {pageName} stopped sending to {host}',
    'email.disabled.title': 'Your webhook to {host} was disabled',
    'email.disabled.before':
      '{pageName} has stopped sending status updates to your webhook:\n{url}\n\nWhy: {reason}',
    'email.disabled.after':
      'No further events will be sent to it. Once the receiver works again, subscribe it again on the {pageName} status page, or ask the page’s operators to switch it back on.',
    'email.unverified.subject': 'Webhook not verified: {pageName} will not send to {host}',
    'email.unverified.title': 'Your webhook to {host} could not be verified',
    'email.unverified.before':
      '{pageName} sent a signed webhook.verify event to your webhook and never got a 2xx answer:\n{url}\n\nWhy: {reason}',
    'email.unverified.after':
      'The webhook was not switched on and receives nothing. Once the receiver answers 2xx, subscribe it again on the {pageName} status page.',
  },
  de: {
    'email.confirm.subject': 'Bestätigen Sie Ihr Abonnement von {pageName}',
    'email.confirm.subjectWebhook': 'Bestätigen Sie Ihren Webhook für {pageName}',
    'email.confirm.before':
      'Jemand, hoffentlich Sie, möchte Statusmeldungen von {pageName} an diese Adresse erhalten: Störungen, Wartungen und Neuigkeiten dazu.',
    'email.confirm.beforeWebhook':
      'Jemand, hoffentlich Sie, hat {pageName} gebeten, Statusmeldungen als Webhooks zu senden an:\n{url}\n\nDiese Adresse wurde als Inhaber des Webhooks angegeben: Schlägt der Webhook wiederholt fehl und wird abgeschaltet, erfahren Sie es hier.',
    'email.confirm.noUrl': '(keine URL angegeben)',
    'email.confirm.after':
      'Der Link öffnet eine Seite mit einer Schaltfläche; erst wenn Sie sie drücken, geschieht etwas. Er gilt {hours} Stunden.\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Es wird nichts gesendet, und Sie hören nicht wieder von uns.',
    'email.confirm.afterWebhook':
      'Der Link öffnet eine Seite mit einer Schaltfläche; erst wenn Sie sie drücken, geschieht etwas. Er gilt {hours} Stunden.\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: An diese URL wird nichts gesendet, und Sie hören nicht wieder von uns.',
    'email.confirm.action': 'Abonnement bestätigen',
    'email.confirm.actionWebhook': 'Webhook bestätigen',
    'email.confirm.preview': '{action}: ein Klick, dann die Schaltfläche drücken.',
    'email.notice.automatic': 'Dies ist eine automatische Nachricht von {pageName}.',
    'email.notice.buttonFallback':
      'Falls die Schaltfläche nicht funktioniert, öffnen Sie diese Adresse: {href}',
    'email.webhookOwner.footer':
      'Dies ist eine automatische Nachricht von {pageName}: Diese Adresse wurde als Inhaber des Webhooks angegeben.',
    'email.disabled.subject': 'Webhook abgeschaltet: {pageName} sendet nicht mehr an {host}',
    'email.disabled.title': 'Ihr Webhook an {host} wurde abgeschaltet',
    'email.disabled.before':
      '{pageName} sendet keine Statusmeldungen mehr an Ihren Webhook:\n{url}\n\nGrund: {reason}',
    'email.disabled.after':
      'Es werden keine weiteren Ereignisse an ihn gesendet. Sobald der Empfänger wieder funktioniert, abonnieren Sie ihn erneut auf der Statusseite von {pageName} oder bitten Sie die Betreiber der Seite, ihn wieder einzuschalten.',
    'email.unverified.subject': 'Webhook nicht bestätigt: {pageName} sendet nicht an {host}',
    'email.unverified.title': 'Ihr Webhook an {host} konnte nicht bestätigt werden',
    'email.unverified.before':
      '{pageName} hat ein signiertes webhook.verify-Ereignis an Ihren Webhook gesendet und nie eine 2xx-Antwort erhalten:\n{url}\n\nGrund: {reason}',
    'email.unverified.after':
      'Der Webhook wurde nicht eingeschaltet und erhält nichts. Sobald der Empfänger mit 2xx antwortet, abonnieren Sie ihn erneut auf der Statusseite von {pageName}.',
  },
  fr: {
    'email.confirm.subject': 'Confirmez votre abonnement à {pageName}',
    'email.confirm.subjectWebhook': 'Confirmez votre webhook pour {pageName}',
    'email.confirm.before':
      'Quelqu’un, vous sans doute, a demandé à recevoir à cette adresse les avis d’état publiés par {pageName} : incidents, maintenances et leurs mises à jour.',
    'email.confirm.beforeWebhook':
      'Quelqu’un, vous sans doute, a demandé à {pageName} d’envoyer ses avis d’état en webhooks à :\n{url}\n\nCette adresse a été donnée comme propriétaire du webhook : s’il échoue sans cesse et est désactivé, nous vous le dirons ici.',
    'email.confirm.noUrl': '(aucune URL indiquée)',
    'email.confirm.after':
      'Le lien ouvre une page avec un bouton ; rien ne se passe tant que vous n’appuyez pas dessus. Il reste valable {hours} heures.\n\nSi vous n’avez rien demandé, ignorez ce message : rien ne sera envoyé et vous n’entendrez plus parler de nous.',
    'email.confirm.afterWebhook':
      'Le lien ouvre une page avec un bouton ; rien ne se passe tant que vous n’appuyez pas dessus. Il reste valable {hours} heures.\n\nSi vous n’avez rien demandé, ignorez ce message : rien ne sera envoyé à cette URL et vous n’entendrez plus parler de nous.',
    'email.confirm.action': 'Confirmer mon abonnement',
    'email.confirm.actionWebhook': 'Confirmer le webhook',
    'email.confirm.preview': '{action} : un clic, puis appuyez sur le bouton.',
    'email.notice.automatic': 'Ceci est un message automatique envoyé par {pageName}.',
    'email.notice.buttonFallback': 'Si le bouton ne fonctionne pas, ouvrez cette adresse : {href}',
    'email.webhookOwner.footer':
      'Ceci est un message automatique envoyé par {pageName} : cette adresse a été donnée comme propriétaire du webhook.',
    'email.disabled.subject': 'Webhook désactivé : {pageName} n’envoie plus rien à {host}',
    'email.disabled.title': 'Votre webhook vers {host} a été désactivé',
    'email.disabled.before':
      '{pageName} a cessé d’envoyer ses avis d’état à votre webhook :\n{url}\n\nPourquoi : {reason}',
    'email.disabled.after':
      'Plus aucun événement ne lui sera envoyé. Quand le récepteur fonctionnera de nouveau, abonnez-le encore sur la page d’état « {pageName} », ou demandez aux responsables de la page de le réactiver.',
    'email.unverified.subject': 'Webhook non vérifié : {pageName} n’enverra rien à {host}',
    'email.unverified.title': 'Votre webhook vers {host} n’a pas pu être vérifié',
    'email.unverified.before':
      '{pageName} a envoyé un événement webhook.verify signé à votre webhook et n’a jamais reçu de réponse 2xx :\n{url}\n\nPourquoi : {reason}',
    'email.unverified.after':
      'Le webhook n’a pas été activé et ne reçoit rien. Quand le récepteur répondra 2xx, abonnez-le encore sur la page d’état « {pageName} ».',
  },
  es: {
    'email.confirm.subject': 'Confirme su suscripción a {pageName}',
    'email.confirm.subjectWebhook': 'Confirme su webhook para {pageName}',
    'email.confirm.before':
      'Alguien, esperamos que usted, pidió recibir en esta dirección los avisos de estado de {pageName}: incidencias, mantenimientos y sus actualizaciones.',
    'email.confirm.beforeWebhook':
      'Alguien, esperamos que usted, pidió a {pageName} que envíe sus avisos de estado como webhooks a:\n{url}\n\nEsta dirección se dio como propietaria del webhook: si el webhook falla una y otra vez y se desactiva, se lo diremos aquí.',
    'email.confirm.noUrl': '(no se indicó ninguna URL)',
    'email.confirm.after':
      'El enlace abre una página con un botón; no ocurre nada hasta que lo pulse. Es válido durante {hours} horas.\n\nSi no lo pidió, ignore este correo: no se enviará nada y no volverá a saber de nosotros.',
    'email.confirm.afterWebhook':
      'El enlace abre una página con un botón; no ocurre nada hasta que lo pulse. Es válido durante {hours} horas.\n\nSi no lo pidió, ignore este correo: no se enviará nada a esa URL y no volverá a saber de nosotros.',
    'email.confirm.action': 'Confirmar mi suscripción',
    'email.confirm.actionWebhook': 'Confirmar el webhook',
    'email.confirm.preview': '{action}: un clic y luego pulse el botón.',
    'email.notice.automatic': 'Este es un mensaje automático de {pageName}.',
    'email.notice.buttonFallback': 'Si el botón no funciona, abra esta dirección: {href}',
    'email.webhookOwner.footer':
      'Este es un mensaje automático de {pageName}: esta dirección se dio como propietaria del webhook.',
    'email.disabled.subject': 'Webhook desactivado: {pageName} dejó de enviar a {host}',
    'email.disabled.title': 'Su webhook a {host} se desactivó',
    'email.disabled.before':
      '{pageName} dejó de enviar avisos de estado a su webhook:\n{url}\n\nMotivo: {reason}',
    'email.disabled.after':
      'No se le enviarán más eventos. Cuando el receptor vuelva a funcionar, suscríbalo de nuevo en la página de estado de {pageName} o pida a los responsables de la página que lo reactiven.',
    'email.unverified.subject': 'Webhook no verificado: {pageName} no enviará a {host}',
    'email.unverified.title': 'Su webhook a {host} no se pudo verificar',
    'email.unverified.before':
      '{pageName} envió un evento webhook.verify firmado a su webhook y nunca recibió una respuesta 2xx:\n{url}\n\nMotivo: {reason}',
    'email.unverified.after':
      'El webhook no se activó y no recibe nada. Cuando el receptor responda 2xx, suscríbalo de nuevo en la página de estado de {pageName}.',
  },
  ar: {
    'email.confirm.subject': 'أكّد اشتراكك في {pageName}',
    'email.confirm.subjectWebhook': 'أكّد الـ webhook الخاص بك لدى {pageName}',
    'email.confirm.before':
      'طلب أحدهم، ونرجو أن تكون أنت، تلقّي تحديثات الحالة من {pageName} على هذا العنوان: الحوادث والصيانة وتحديثاتها.',
    'email.confirm.beforeWebhook':
      'طلب أحدهم، ونرجو أن تكون أنت، من {pageName} إرسال تحديثات الحالة كـ webhooks إلى:\n{url}\n\nأُعطي هذا العنوان بوصفه مالك الـ webhook: إذا ظل يفشل وأُوقف، فسنخبرك هنا.',
    'email.confirm.noUrl': '(لم يُذكر عنوان URL)',
    'email.confirm.after':
      'يفتح الرابط صفحة فيها زر؛ لن يحدث شيء حتى تضغطه. يبقى صالحًا {hours} ساعة.\n\nإن لم تطلب ذلك، فتجاهل هذه الرسالة: لن يُرسل شيء، ولن تسمع منا مجددًا.',
    'email.confirm.afterWebhook':
      'يفتح الرابط صفحة فيها زر؛ لن يحدث شيء حتى تضغطه. يبقى صالحًا {hours} ساعة.\n\nإن لم تطلب ذلك، فتجاهل هذه الرسالة: لن يُرسل شيء إلى ذلك العنوان، ولن تسمع منا مجددًا.',
    'email.confirm.action': 'تأكيد اشتراكي',
    'email.confirm.actionWebhook': 'تأكيد الـ webhook',
    'email.confirm.preview': '{action}: نقرة واحدة، ثم اضغط الزر.',
    'email.notice.automatic': 'هذه رسالة تلقائية من {pageName}.',
    'email.notice.buttonFallback': 'إن لم يعمل الزر، فافتح هذا العنوان: {href}',
    'email.webhookOwner.footer':
      'هذه رسالة تلقائية من {pageName}: أُعطي هذا العنوان بوصفه مالك الـ webhook.',
    'email.disabled.subject': 'أُوقف الـ webhook: توقف {pageName} عن الإرسال إلى {host}',
    'email.disabled.title': 'أُوقف الـ webhook الخاص بك إلى {host}',
    'email.disabled.before':
      'توقف {pageName} عن إرسال تحديثات الحالة إلى الـ webhook الخاص بك:\n{url}\n\nالسبب: {reason}',
    'email.disabled.after':
      'لن تُرسل إليه أحداث أخرى. حين يعمل المستقبِل من جديد، اشترك به مرة أخرى في صفحة حالة {pageName}، أو اطلب من مشغّلي الصفحة إعادة تفعيله.',
    'email.unverified.subject': 'لم يُتحقق من الـ webhook: لن يرسل {pageName} إلى {host}',
    'email.unverified.title': 'تعذّر التحقق من الـ webhook الخاص بك إلى {host}',
    'email.unverified.before':
      'أرسل {pageName} حدث webhook.verify موقّعًا إلى الـ webhook الخاص بك ولم يتلقَّ أي رد 2xx:\n{url}\n\nالسبب: {reason}',
    'email.unverified.after':
      'لم يُفعَّل الـ webhook ولا يتلقى شيئًا. حين يرد المستقبِل بـ 2xx، اشترك به مرة أخرى في صفحة حالة {pageName}.',
  },
})
