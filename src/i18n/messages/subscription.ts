import { defineMessages } from '../define-messages'

/**
 * The subscribe page (/subscribe): its two forms, the choice of components and areas, why a
 * form came back, and the pages a form post can lead to.
 */
export const subscription = defineMessages({
  en: {
    'subscribe.title': 'Subscribe to {page} updates',
    'subscribe.description': 'Get {page} incident and maintenance notices by email or webhook.',
    'subscribe.heading': 'Subscribe to updates',
    'subscribe.intro':
      'Hear when something you use goes wrong, when the fix is expected, when we will update you next, and when it is fixed. Every email has a link to change what you hear about or to leave in one click.',
    'subscribe.byEmail': 'By email',
    'subscribe.notSent': 'Not sent:',
    'subscribe.emailLabel': 'Email address',
    'subscribe.emailHint':
      'We send one email with a button to confirm. Nothing else is sent until you press it; the link works for 48 hours.',
    'subscribe.submit': 'Subscribe',
    'subscribe.byWebhook': 'By webhook',
    'subscribe.webhookIntro':
      'For Slack, Discord, Microsoft Teams or your own endpoint: every notice is POSTed to the URL, signed with <a>Standard Webhooks</a>. The email address confirms the webhook, receives its signing secret page and is told if the webhook is ever disabled. After confirming, the manage link lets you choose components and areas.',
    'subscribe.webhookUrlLabel': 'Webhook URL',
    'subscribe.webhookUrlHint': 'Must start with https://.',
    'subscribe.webhookEmailLabel': 'Your email address',
    'subscribe.addWebhook': 'Add webhook',
    'subscribe.choicesHint':
      'Tick what concerns you, or tick nothing to hear about everything (including components and areas added later). A notice reaches you when it touches one of your components or areas.',
    'subscribe.components': 'Components',
    'subscribe.areas': 'Areas',
    'subscribe.allOfGroup': 'All of {group}, including components added later',
    'subscribe.checkInbox': 'Check your inbox',
    'subscribe.onItsWay':
      'If <strong>{email}</strong> can receive mail, an email with a confirmation button is on its way to it. {webhook, select, yes {The webhook receives nothing until you press that button.} other {Nothing else is sent until you press that button.}} The link works for 48 hours.',
    'subscribe.nothingArrived': 'Nothing arrived? Look in your spam folder, or <a>try again</a>.',
    'subscribe.foreignHeading': 'This form came from another site',
    'subscribe.foreign':
      'Nothing was changed. Open the link from your email and press the button on our page.',
    'subscribe.tooManyHeading': 'Too many requests',
    'subscribe.tooMany':
      'Nothing was sent. There were too many subscribe requests from your network or for this address; please try again in a minute.',
    'subscribe.back': 'Back to the subscribe page',
    'subscribe.error.email': 'Give an email address such as name@example.com.',
    'subscribe.error.urlMissing': 'Give the full webhook URL, starting with https://.',
    'subscribe.error.urlHttpsOrHttp': 'The webhook URL must start with https:// or http://.',
    'subscribe.error.urlHttps':
      'The webhook URL must start with https:// (plain http is not allowed here).',
    'subscribe.error.urlCredentials': 'The webhook URL must not contain a user name or password.',
    'subscribe.error.urlTooLong': 'The webhook URL is too long.',
    'subscribe.error.urlLocal': 'The webhook URL must not point to a local or private address.',
    'subscribe.error.unknownChoices': 'Some chosen components or areas do not exist (any more).',
  },
  de: {
    'subscribe.title': 'Updates von {page} abonnieren',
    'subscribe.description':
      'Erhalten Sie Meldungen zu Störungen und Wartungen von {page} per E-Mail oder Webhook.',
    'subscribe.heading': 'Updates abonnieren',
    'subscribe.intro':
      'Erfahren Sie, wenn bei etwas, das Sie nutzen, ein Problem auftritt, wann die Behebung erwartet wird, wann wir Sie als Nächstes informieren und wann es behoben ist. Jede E-Mail enthält einen Link, mit dem Sie ändern können, worüber Sie informiert werden, oder sich mit einem Klick abmelden.',
    'subscribe.byEmail': 'Per E-Mail',
    'subscribe.notSent': 'Nicht gesendet:',
    'subscribe.emailLabel': 'E-Mail-Adresse',
    'subscribe.emailHint':
      'Wir senden eine E-Mail mit einer Schaltfläche zur Bestätigung. Bis Sie darauf klicken, wird nichts anderes gesendet; der Link ist 48 Stunden gültig.',
    'subscribe.submit': 'Abonnieren',
    'subscribe.byWebhook': 'Per Webhook',
    'subscribe.webhookIntro':
      'Für Slack, Discord, Microsoft Teams oder Ihren eigenen Endpunkt: Jede Meldung wird per POST an die URL gesendet, signiert nach <a>Standard Webhooks</a>. Die E-Mail-Adresse bestätigt den Webhook, erhält die Seite mit seinem Signaturgeheimnis und wird benachrichtigt, falls der Webhook je deaktiviert wird. Nach der Bestätigung können Sie über den Verwaltungslink Komponenten und Bereiche auswählen.',
    'subscribe.webhookUrlLabel': 'Webhook-URL',
    'subscribe.webhookUrlHint': 'Muss mit https:// beginnen.',
    'subscribe.webhookEmailLabel': 'Ihre E-Mail-Adresse',
    'subscribe.addWebhook': 'Webhook hinzufügen',
    'subscribe.choicesHint':
      'Kreuzen Sie an, was Sie betrifft, oder nichts, um über alles informiert zu werden (auch über später hinzugefügte Komponenten und Bereiche). Eine Meldung erreicht Sie, wenn sie eine Ihrer Komponenten oder Bereiche betrifft.',
    'subscribe.components': 'Komponenten',
    'subscribe.areas': 'Bereiche',
    'subscribe.allOfGroup': 'Alles in {group}, auch später hinzugefügte Komponenten',
    'subscribe.checkInbox': 'Sehen Sie in Ihrem Posteingang nach',
    'subscribe.onItsWay':
      'Wenn <strong>{email}</strong> E-Mails empfangen kann, ist eine E-Mail mit einer Bestätigungsschaltfläche dorthin unterwegs. {webhook, select, yes {Der Webhook erhält nichts, bis Sie auf diese Schaltfläche klicken.} other {Bis Sie auf diese Schaltfläche klicken, wird nichts anderes gesendet.}} Der Link ist 48 Stunden gültig.',
    'subscribe.nothingArrived':
      'Nichts angekommen? Sehen Sie im Spam-Ordner nach, oder <a>versuchen Sie es erneut</a>.',
    'subscribe.foreignHeading': 'Dieses Formular kam von einer anderen Website',
    'subscribe.foreign':
      'Es wurde nichts geändert. Öffnen Sie den Link aus Ihrer E-Mail und klicken Sie auf die Schaltfläche auf unserer Seite.',
    'subscribe.tooManyHeading': 'Zu viele Anfragen',
    'subscribe.tooMany':
      'Es wurde nichts gesendet. Aus Ihrem Netzwerk oder für diese Adresse kamen zu viele Abonnement-Anfragen; bitte versuchen Sie es in einer Minute erneut.',
    'subscribe.back': 'Zurück zur Abonnementseite',
    'subscribe.error.email': 'Geben Sie eine E-Mail-Adresse wie name@example.com an.',
    'subscribe.error.urlMissing':
      'Geben Sie die vollständige Webhook-URL an, beginnend mit https://.',
    'subscribe.error.urlHttpsOrHttp': 'Die Webhook-URL muss mit https:// oder http:// beginnen.',
    'subscribe.error.urlHttps':
      'Die Webhook-URL muss mit https:// beginnen (einfaches http ist hier nicht erlaubt).',
    'subscribe.error.urlCredentials':
      'Die Webhook-URL darf keinen Benutzernamen und kein Passwort enthalten.',
    'subscribe.error.urlTooLong': 'Die Webhook-URL ist zu lang.',
    'subscribe.error.urlLocal':
      'Die Webhook-URL darf nicht auf eine lokale oder private Adresse zeigen.',
    'subscribe.error.unknownChoices':
      'Einige der gewählten Komponenten oder Bereiche gibt es nicht (mehr).',
  },
  fr: {
    'subscribe.title': 'S’abonner aux mises à jour de {page}',
    'subscribe.description':
      'Recevez les avis d’incident et de maintenance de {page} par e-mail ou par webhook.',
    'subscribe.heading': 'S’abonner aux mises à jour',
    'subscribe.intro':
      'Soyez prévenu quand un service que vous utilisez tombe en panne, quand la correction est attendue, quand nous vous tiendrons informé la prochaine fois et quand c’est réparé. Chaque e-mail contient un lien pour changer ce que vous recevez ou vous désabonner en un clic.',
    'subscribe.byEmail': 'Par e-mail',
    'subscribe.notSent': 'Non envoyé :',
    'subscribe.emailLabel': 'Adresse e-mail',
    'subscribe.emailHint':
      'Nous envoyons un e-mail avec un bouton de confirmation. Rien d’autre n’est envoyé tant que vous ne l’avez pas pressé ; le lien est valable 48 heures.',
    'subscribe.submit': 'S’abonner',
    'subscribe.byWebhook': 'Par webhook',
    'subscribe.webhookIntro':
      'Pour Slack, Discord, Microsoft Teams ou votre propre point de terminaison : chaque avis est envoyé en POST à l’URL, signé selon <a>Standard Webhooks</a>. L’adresse e-mail confirme le webhook, reçoit la page de son secret de signature et est prévenue si le webhook est un jour désactivé. Après confirmation, le lien de gestion permet de choisir des composants et des zones.',
    'subscribe.webhookUrlLabel': 'URL du webhook',
    'subscribe.webhookUrlHint': 'Doit commencer par https://.',
    'subscribe.webhookEmailLabel': 'Votre adresse e-mail',
    'subscribe.addWebhook': 'Ajouter le webhook',
    'subscribe.choicesHint':
      'Cochez ce qui vous concerne, ou ne cochez rien pour tout recevoir (y compris les composants et zones ajoutés plus tard). Un avis vous parvient quand il touche l’un de vos composants ou l’une de vos zones.',
    'subscribe.components': 'Composants',
    'subscribe.areas': 'Zones',
    'subscribe.allOfGroup': 'Tout {group}, y compris les composants ajoutés plus tard',
    'subscribe.checkInbox': 'Consultez votre boîte de réception',
    'subscribe.onItsWay':
      'Si <strong>{email}</strong> peut recevoir du courrier, un e-mail avec un bouton de confirmation est en route vers cette adresse. {webhook, select, yes {Le webhook ne reçoit rien tant que vous n’avez pas pressé ce bouton.} other {Rien d’autre n’est envoyé tant que vous n’avez pas pressé ce bouton.}} Le lien est valable 48 heures.',
    'subscribe.nothingArrived':
      'Rien reçu ? Regardez dans vos courriers indésirables, ou <a>réessayez</a>.',
    'subscribe.foreignHeading': 'Ce formulaire vient d’un autre site',
    'subscribe.foreign':
      'Rien n’a été modifié. Ouvrez le lien de votre e-mail et pressez le bouton sur notre page.',
    'subscribe.tooManyHeading': 'Trop de demandes',
    'subscribe.tooMany':
      'Rien n’a été envoyé. Il y a eu trop de demandes d’abonnement depuis votre réseau ou pour cette adresse ; réessayez dans une minute.',
    'subscribe.back': 'Retour à la page d’abonnement',
    'subscribe.error.email': 'Indiquez une adresse e-mail comme nom@example.com.',
    'subscribe.error.urlMissing': 'Indiquez l’URL complète du webhook, commençant par https://.',
    'subscribe.error.urlHttpsOrHttp': 'L’URL du webhook doit commencer par https:// ou http://.',
    'subscribe.error.urlHttps':
      'L’URL du webhook doit commencer par https:// (le http simple n’est pas autorisé ici).',
    'subscribe.error.urlCredentials':
      'L’URL du webhook ne doit contenir ni nom d’utilisateur ni mot de passe.',
    'subscribe.error.urlTooLong': 'L’URL du webhook est trop longue.',
    'subscribe.error.urlLocal':
      'L’URL du webhook ne doit pas pointer vers une adresse locale ou privée.',
    'subscribe.error.unknownChoices':
      'Certains composants ou zones choisis n’existent pas (ou plus).',
  },
  es: {
    'subscribe.title': 'Suscribirse a las novedades de {page}',
    'subscribe.description':
      'Reciba los avisos de incidencias y mantenimiento de {page} por correo o webhook.',
    'subscribe.heading': 'Suscribirse a las novedades',
    'subscribe.intro':
      'Entérese cuando algo que usa falla, cuándo se espera la solución, cuándo le informaremos de nuevo y cuándo está resuelto. Cada correo incluye un enlace para cambiar lo que recibe o darse de baja con un clic.',
    'subscribe.byEmail': 'Por correo electrónico',
    'subscribe.notSent': 'No enviado:',
    'subscribe.emailLabel': 'Correo electrónico',
    'subscribe.emailHint':
      'Enviamos un correo con un botón para confirmar. No se envía nada más hasta que lo pulse; el enlace sirve durante 48 horas.',
    'subscribe.submit': 'Suscribirse',
    'subscribe.byWebhook': 'Por webhook',
    'subscribe.webhookIntro':
      'Para Slack, Discord, Microsoft Teams o su propio endpoint: cada aviso se envía por POST a la URL, firmado según <a>Standard Webhooks</a>. La dirección de correo confirma el webhook, recibe la página con su secreto de firma y se le avisa si el webhook llega a desactivarse. Tras confirmar, el enlace de gestión le permite elegir componentes y áreas.',
    'subscribe.webhookUrlLabel': 'URL del webhook',
    'subscribe.webhookUrlHint': 'Debe empezar por https://.',
    'subscribe.webhookEmailLabel': 'Su correo electrónico',
    'subscribe.addWebhook': 'Añadir webhook',
    'subscribe.choicesHint':
      'Marque lo que le afecta, o no marque nada para enterarse de todo (incluidos los componentes y áreas que se añadan más adelante). Un aviso le llega cuando afecta a uno de sus componentes o áreas.',
    'subscribe.components': 'Componentes',
    'subscribe.areas': 'Áreas',
    'subscribe.allOfGroup': 'Todo {group}, incluidos los componentes que se añadan más adelante',
    'subscribe.checkInbox': 'Revise su bandeja de entrada',
    'subscribe.onItsWay':
      'Si <strong>{email}</strong> puede recibir correo, ya va de camino un correo con un botón de confirmación. {webhook, select, yes {El webhook no recibe nada hasta que pulse ese botón.} other {No se envía nada más hasta que pulse ese botón.}} El enlace sirve durante 48 horas.',
    'subscribe.nothingArrived':
      '¿No ha llegado nada? Mire en la carpeta de spam, o <a>inténtelo de nuevo</a>.',
    'subscribe.foreignHeading': 'Este formulario procede de otro sitio',
    'subscribe.foreign':
      'No se ha cambiado nada. Abra el enlace de su correo y pulse el botón en nuestra página.',
    'subscribe.tooManyHeading': 'Demasiadas solicitudes',
    'subscribe.tooMany':
      'No se ha enviado nada. Hubo demasiadas solicitudes de suscripción desde su red o para esta dirección; vuelva a intentarlo dentro de un minuto.',
    'subscribe.back': 'Volver a la página de suscripción',
    'subscribe.error.email': 'Indique un correo electrónico como nombre@example.com.',
    'subscribe.error.urlMissing': 'Indique la URL completa del webhook, empezando por https://.',
    'subscribe.error.urlHttpsOrHttp': 'La URL del webhook debe empezar por https:// o http://.',
    'subscribe.error.urlHttps':
      'La URL del webhook debe empezar por https:// (aquí no se permite http sin cifrar).',
    'subscribe.error.urlCredentials':
      'La URL del webhook no debe contener un nombre de usuario ni una contraseña.',
    'subscribe.error.urlTooLong': 'La URL del webhook es demasiado larga.',
    'subscribe.error.urlLocal':
      'La URL del webhook no debe apuntar a una dirección local o privada.',
    'subscribe.error.unknownChoices':
      'Algunos de los componentes o áreas elegidos no existen (o ya no existen).',
  },
  ar: {
    'subscribe.title': 'الاشتراك في تحديثات {page}',
    'subscribe.description':
      'تلقَّ إشعارات الأعطال والصيانة الخاصة بـ {page} عبر البريد الإلكتروني أو خطاف الويب.',
    'subscribe.heading': 'الاشتراك في التحديثات',
    'subscribe.intro':
      'اعرف متى يتعطل شيء تستخدمه، ومتى يُتوقَّع الإصلاح، ومتى سنوافيك بالتحديث التالي، ومتى يُصلَح. تحتوي كل رسالة على رابط لتغيير ما تتلقاه أو لإلغاء الاشتراك بنقرة واحدة.',
    'subscribe.byEmail': 'عبر البريد الإلكتروني',
    'subscribe.notSent': 'لم يُرسَل:',
    'subscribe.emailLabel': 'عنوان البريد الإلكتروني',
    'subscribe.emailHint':
      'نرسل رسالة واحدة فيها زر للتأكيد. لا يُرسَل شيء آخر حتى تضغط عليه؛ والرابط صالح لمدة 48 ساعة.',
    'subscribe.submit': 'اشترك',
    'subscribe.byWebhook': 'عبر خطاف الويب',
    'subscribe.webhookIntro':
      'لـ Slack أو Discord أو Microsoft Teams أو نقطة النهاية الخاصة بك: يُرسَل كل إشعار بطلب POST إلى العنوان، موقَّعًا وفق <a>Standard Webhooks</a>. يؤكد عنوان البريد الإلكتروني خطاف الويب، ويتلقى صفحة سرّ التوقيع الخاص به، ويُبلَّغ إذا عُطِّل الخطاف يومًا. بعد التأكيد، يتيح لك رابط الإدارة اختيار المكوّنات والمناطق.',
    'subscribe.webhookUrlLabel': 'عنوان خطاف الويب (URL)',
    'subscribe.webhookUrlHint': 'يجب أن يبدأ بـ https://.',
    'subscribe.webhookEmailLabel': 'عنوان بريدك الإلكتروني',
    'subscribe.addWebhook': 'أضف خطاف الويب',
    'subscribe.choicesHint':
      'حدّد ما يهمك، أو لا تحدّد شيئًا لتعرف عن كل شيء (بما في ذلك المكوّنات والمناطق التي تُضاف لاحقًا). يصلك الإشعار عندما يمسّ أحد مكوّناتك أو مناطقك.',
    'subscribe.components': 'المكوّنات',
    'subscribe.areas': 'المناطق',
    'subscribe.allOfGroup': 'كل {group}، بما في ذلك المكوّنات التي تُضاف لاحقًا',
    'subscribe.checkInbox': 'تفقّد بريدك الوارد',
    'subscribe.onItsWay':
      'إذا كان <strong>{email}</strong> يستقبل البريد، فهناك رسالة فيها زر تأكيد في طريقها إليه. {webhook, select, yes {لا يتلقى خطاف الويب شيئًا حتى تضغط على ذلك الزر.} other {لا يُرسَل شيء آخر حتى تضغط على ذلك الزر.}} الرابط صالح لمدة 48 ساعة.',
    'subscribe.nothingArrived':
      'لم يصل شيء؟ انظر في مجلد الرسائل غير المرغوب فيها، أو <a>حاول مرة أخرى</a>.',
    'subscribe.foreignHeading': 'جاء هذا النموذج من موقع آخر',
    'subscribe.foreign': 'لم يتغير شيء. افتح الرابط من بريدك واضغط على الزر في صفحتنا.',
    'subscribe.tooManyHeading': 'طلبات كثيرة جدًا',
    'subscribe.tooMany':
      'لم يُرسَل شيء. وردت طلبات اشتراك كثيرة جدًا من شبكتك أو لهذا العنوان؛ يُرجى المحاولة بعد دقيقة.',
    'subscribe.back': 'العودة إلى صفحة الاشتراك',
    'subscribe.error.email': 'أدخل عنوان بريد إلكتروني مثل name@example.com.',
    'subscribe.error.urlMissing': 'أدخل عنوان خطاف الويب كاملًا، بدءًا بـ https://.',
    'subscribe.error.urlHttpsOrHttp': 'يجب أن يبدأ عنوان خطاف الويب بـ https:// أو http://.',
    'subscribe.error.urlHttps':
      'يجب أن يبدأ عنوان خطاف الويب بـ https:// (لا يُسمح هنا بـ http العادي).',
    'subscribe.error.urlCredentials': 'يجب ألا يحتوي عنوان خطاف الويب على اسم مستخدم أو كلمة مرور.',
    'subscribe.error.urlTooLong': 'عنوان خطاف الويب طويل جدًا.',
    'subscribe.error.urlLocal': 'يجب ألا يشير عنوان خطاف الويب إلى عنوان محلي أو خاص.',
    'subscribe.error.unknownChoices':
      'بعض المكوّنات أو المناطق المختارة غير موجودة (أو لم تعد موجودة).',
  },
})
