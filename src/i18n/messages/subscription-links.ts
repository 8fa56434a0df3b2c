import { defineMessages } from '../define-messages'

/**
 * The pages behind the links in subscription emails: confirm, manage, unsubscribe, and a link
 * that does not work. `{destination}` is where notices go, with the word that leads to it
 * ("to the webhook …", "an …"), so that each language places it in its own sentences.
 */
export const subscriptionLinks = defineMessages({
  en: {
    'subscription.destination':
      '{kind, select, webhook {to the webhook <code>{url}</code>} other {to <strong>{email}</strong>}}',
    'subscription.confirmHeading':
      '{kind, select, webhook {Confirm your webhook} other {Confirm your subscription}}',
    'subscription.alreadyConfirmed':
      'This subscription is already confirmed. Press the button to get its manage link.',
    'subscription.pressToStart': 'Press the button to start sending {page} updates {destination}.',
    'subscription.youWillHear': 'You will hear about',
    'subscription.confirmButton':
      '{kind, select, webhook {Confirm webhook} other {Confirm subscription}}',
    'subscription.confirmedHeading':
      '{state, select, verifying {Your webhook is confirmed: one last check} webhook {Your webhook is active} other {You are subscribed}}',
    'subscription.verifying':
      '{now, select, yes {Confirmed.} other {This was already confirmed.}} {page} is sending a signed <code>webhook.verify</code> event {destination}. The webhook becomes active once your receiver answers it with a 2xx status; until then it receives nothing else. It is tried again for about a day, and this address is told if it never gets through.',
    'subscription.active':
      '{now, select, yes {Confirmed.} other {This was already confirmed.}} {page} updates now go {destination}.',
    'subscription.secretHeading': 'Signing secret',
    'subscription.secretText':
      '<strong>Shown only this once: copy it now.</strong> Every request carries the Standard Webhooks headers <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code>; verify them with this secret.',
    'subscription.manageLink':
      '<a>Manage this subscription</a>: change what you hear about, or leave. {kind, select, webhook {Keep the link.} other {Keep the link; every email we send carries one too.}}',
    'subscription.waitingHeading': 'Waiting for your receiver',
    'subscription.waiting':
      '{page} is sending a signed <code>webhook.verify</code> event {destination}. The webhook becomes active once your receiver answers it with a 2xx status; you can choose what it hears about then.',
    'subscription.notSubscribedHeading': 'Not subscribed',
    'subscription.notSubscribed':
      '{disabled, select, yes {{page} updates no longer go {destination}: it was disabled after repeated failures.} other {{page} updates no longer go {destination}.}}',
    'subscription.subscribeAgain': 'Subscribe again',
    'subscription.yourSubscription': 'Your subscription',
    'subscription.goesTo': '{page} updates go {destination}.',
    'subscription.saved': 'Saved. Your choices are below.',
    'subscription.notSaved': 'Not saved:',
    'subscription.whatYouHear': 'What you hear about',
    'subscription.alsoFollow':
      'You also follow {n, plural, one {one incident to its end, whatever it touches. Ticking nothing keeps you to it.} other {# incidents to their end, whatever they touch. Ticking nothing keeps you to them.}}',
    'subscription.saveChoices': 'Save choices',
    'subscription.leave': 'Leave',
    'subscription.unsubscribe': 'Unsubscribe',
    'subscription.stopAll': 'Stop all {page} updates {destination}?',
    'subscription.unsubscribedHeading': 'You are unsubscribed',
    'subscription.noMore': 'No more {page} updates will go {destination}.',
    'subscription.changedMind': 'Changed your mind? <a>Subscribe again</a>.',
    'subscription.linkHeading':
      '{reason, select, expired {This link has expired or was already used} other {This link is not valid}}',
    'subscription.linkAdvice':
      'Nothing was changed. {purpose, select, confirm {A confirmation link works once, for 48 hours. Subscribe again to get a new one.} other {Use the link in a more recent email from us, or subscribe again.}} If you copied the link, check that it is complete.',
    'subscription.subscribe': 'Subscribe',
    'subscription.statusPage': 'Status page',
    'subscription.everything': 'Everything: every component and area, including ones added later.',
    'subscription.nothingLeft':
      'Nothing any more: the components and areas you chose were removed.',
  },
  de: {
    'subscription.destination':
      '{kind, select, webhook {an den Webhook <code>{url}</code>} other {an <strong>{email}</strong>}}',
    'subscription.confirmHeading':
      '{kind, select, webhook {Bestätigen Sie Ihren Webhook} other {Bestätigen Sie Ihr Abonnement}}',
    'subscription.alreadyConfirmed':
      'Dieses Abonnement ist bereits bestätigt. Klicken Sie auf die Schaltfläche, um seinen Verwaltungslink zu erhalten.',
    'subscription.pressToStart':
      'Klicken Sie auf die Schaltfläche, um Updates von {page} {destination} zu senden.',
    'subscription.youWillHear': 'Sie werden informiert über',
    'subscription.confirmButton':
      '{kind, select, webhook {Webhook bestätigen} other {Abonnement bestätigen}}',
    'subscription.confirmedHeading':
      '{state, select, verifying {Ihr Webhook ist bestätigt: eine letzte Prüfung} webhook {Ihr Webhook ist aktiv} other {Sie haben abonniert}}',
    'subscription.verifying':
      '{now, select, yes {Bestätigt.} other {Das war bereits bestätigt.}} {page} sendet ein signiertes <code>webhook.verify</code>-Ereignis {destination}. Der Webhook wird aktiv, sobald Ihr Empfänger darauf mit einem 2xx-Status antwortet; bis dahin erhält er nichts anderes. Es wird etwa einen Tag lang erneut versucht, und diese Adresse wird benachrichtigt, falls es nie ankommt.',
    'subscription.active':
      '{now, select, yes {Bestätigt.} other {Das war bereits bestätigt.}} Updates von {page} gehen jetzt {destination}.',
    'subscription.secretHeading': 'Signaturgeheimnis',
    'subscription.secretText':
      '<strong>Wird nur dieses eine Mal angezeigt: Kopieren Sie es jetzt.</strong> Jede Anfrage trägt die Standard-Webhooks-Header <code>webhook-id</code>, <code>webhook-timestamp</code> und <code>webhook-signature</code>; prüfen Sie sie mit diesem Geheimnis.',
    'subscription.manageLink':
      '<a>Dieses Abonnement verwalten</a>: ändern, worüber Sie informiert werden, oder sich abmelden. {kind, select, webhook {Bewahren Sie den Link auf.} other {Bewahren Sie den Link auf; jede E-Mail von uns enthält ebenfalls einen.}}',
    'subscription.waitingHeading': 'Warten auf Ihren Empfänger',
    'subscription.waiting':
      '{page} sendet ein signiertes <code>webhook.verify</code>-Ereignis {destination}. Der Webhook wird aktiv, sobald Ihr Empfänger darauf mit einem 2xx-Status antwortet; dann können Sie wählen, worüber er informiert wird.',
    'subscription.notSubscribedHeading': 'Nicht abonniert',
    'subscription.notSubscribed':
      '{disabled, select, yes {Updates von {page} gehen nicht mehr {destination}: Der Empfang wurde nach wiederholten Fehlern deaktiviert.} other {Updates von {page} gehen nicht mehr {destination}.}}',
    'subscription.subscribeAgain': 'Erneut abonnieren',
    'subscription.yourSubscription': 'Ihr Abonnement',
    'subscription.goesTo': 'Updates von {page} gehen {destination}.',
    'subscription.saved': 'Gespeichert. Ihre Auswahl steht unten.',
    'subscription.notSaved': 'Nicht gespeichert:',
    'subscription.whatYouHear': 'Worüber Sie informiert werden',
    'subscription.alsoFollow':
      'Sie verfolgen außerdem {n, plural, one {eine Störung bis zu ihrem Ende, was immer sie betrifft. Wenn Sie nichts ankreuzen, bleibt es bei ihr.} other {# Störungen bis zu ihrem Ende, was immer sie betreffen. Wenn Sie nichts ankreuzen, bleibt es bei ihnen.}}',
    'subscription.saveChoices': 'Auswahl speichern',
    'subscription.leave': 'Abmelden',
    'subscription.unsubscribe': 'Abbestellen',
    'subscription.stopAll': 'Alle Updates von {page} {destination} beenden?',
    'subscription.unsubscribedHeading': 'Sie haben abbestellt',
    'subscription.noMore': 'Es gehen keine Updates von {page} mehr {destination}.',
    'subscription.changedMind': 'Haben Sie es sich anders überlegt? <a>Erneut abonnieren</a>.',
    'subscription.linkHeading':
      '{reason, select, expired {Dieser Link ist abgelaufen oder wurde bereits verwendet} other {Dieser Link ist ungültig}}',
    'subscription.linkAdvice':
      'Es wurde nichts geändert. {purpose, select, confirm {Ein Bestätigungslink funktioniert einmal, 48 Stunden lang. Abonnieren Sie erneut, um einen neuen zu erhalten.} other {Verwenden Sie den Link aus einer neueren E-Mail von uns, oder abonnieren Sie erneut.}} Wenn Sie den Link kopiert haben, prüfen Sie, ob er vollständig ist.',
    'subscription.subscribe': 'Abonnieren',
    'subscription.statusPage': 'Statusseite',
    'subscription.everything':
      'Alles: jede Komponente und jeder Bereich, auch später hinzugefügte.',
    'subscription.nothingLeft':
      'Nichts mehr: Die gewählten Komponenten und Bereiche wurden entfernt.',
  },
  fr: {
    'subscription.destination':
      '{kind, select, webhook {au webhook <code>{url}</code>} other {à <strong>{email}</strong>}}',
    'subscription.confirmHeading':
      '{kind, select, webhook {Confirmez votre webhook} other {Confirmez votre abonnement}}',
    'subscription.alreadyConfirmed':
      'Cet abonnement est déjà confirmé. Pressez le bouton pour obtenir son lien de gestion.',
    'subscription.pressToStart':
      'Pressez le bouton pour commencer à envoyer les mises à jour de {page} {destination}.',
    'subscription.youWillHear': 'Vous serez informé de',
    'subscription.confirmButton':
      '{kind, select, webhook {Confirmer le webhook} other {Confirmer l’abonnement}}',
    'subscription.confirmedHeading':
      '{state, select, verifying {Votre webhook est confirmé : une dernière vérification} webhook {Votre webhook est actif} other {Vous êtes abonné}}',
    'subscription.verifying':
      '{now, select, yes {Confirmé.} other {C’était déjà confirmé.}} {page} envoie un événement <code>webhook.verify</code> signé {destination}. Le webhook devient actif dès que votre récepteur y répond avec un statut 2xx ; d’ici là, il ne reçoit rien d’autre. L’envoi est retenté pendant environ une journée, et cette adresse est prévenue s’il n’aboutit jamais.',
    'subscription.active':
      '{now, select, yes {Confirmé.} other {C’était déjà confirmé.}} Les mises à jour de {page} vont désormais {destination}.',
    'subscription.secretHeading': 'Secret de signature',
    'subscription.secretText':
      '<strong>Affiché cette seule fois : copiez-le maintenant.</strong> Chaque requête porte les en-têtes Standard Webhooks <code>webhook-id</code>, <code>webhook-timestamp</code> et <code>webhook-signature</code> ; vérifiez-les avec ce secret.',
    'subscription.manageLink':
      '<a>Gérer cet abonnement</a> : changer ce que vous recevez, ou vous désabonner. {kind, select, webhook {Gardez ce lien.} other {Gardez ce lien ; chaque e-mail que nous envoyons en contient un aussi.}}',
    'subscription.waitingHeading': 'En attente de votre récepteur',
    'subscription.waiting':
      '{page} envoie un événement <code>webhook.verify</code> signé {destination}. Le webhook devient actif dès que votre récepteur y répond avec un statut 2xx ; vous pourrez alors choisir ce qu’il reçoit.',
    'subscription.notSubscribedHeading': 'Non abonné',
    'subscription.notSubscribed':
      '{disabled, select, yes {Les mises à jour de {page} ne vont plus {destination} : l’envoi a été désactivé après des échecs répétés.} other {Les mises à jour de {page} ne vont plus {destination}.}}',
    'subscription.subscribeAgain': 'Se réabonner',
    'subscription.yourSubscription': 'Votre abonnement',
    'subscription.goesTo': 'Les mises à jour de {page} vont {destination}.',
    'subscription.saved': 'Enregistré. Vos choix sont ci-dessous.',
    'subscription.notSaved': 'Non enregistré :',
    'subscription.whatYouHear': 'Ce que vous recevez',
    'subscription.alsoFollow':
      'Vous suivez aussi {n, plural, one {un incident jusqu’à sa fin, quoi qu’il touche. Ne rien cocher vous limite à celui-ci.} other {# incidents jusqu’à leur fin, quoi qu’ils touchent. Ne rien cocher vous limite à ceux-ci.}}',
    'subscription.saveChoices': 'Enregistrer les choix',
    'subscription.leave': 'Partir',
    'subscription.unsubscribe': 'Se désabonner',
    'subscription.stopAll': 'Arrêter toutes les mises à jour de {page} envoyées {destination} ?',
    'subscription.unsubscribedHeading': 'Vous êtes désabonné',
    'subscription.noMore': 'Plus aucune mise à jour de {page} ne sera envoyée {destination}.',
    'subscription.changedMind': 'Vous avez changé d’avis ? <a>Se réabonner</a>.',
    'subscription.linkHeading':
      '{reason, select, expired {Ce lien a expiré ou a déjà été utilisé} other {Ce lien n’est pas valide}}',
    'subscription.linkAdvice':
      'Rien n’a été modifié. {purpose, select, confirm {Un lien de confirmation fonctionne une fois, pendant 48 heures. Abonnez-vous à nouveau pour en recevoir un nouveau.} other {Utilisez le lien d’un e-mail plus récent de notre part, ou abonnez-vous à nouveau.}} Si vous avez copié le lien, vérifiez qu’il est complet.',
    'subscription.subscribe': 'S’abonner',
    'subscription.statusPage': 'Page d’état',
    'subscription.everything':
      'Tout : chaque composant et chaque zone, y compris ceux ajoutés plus tard.',
    'subscription.nothingLeft':
      'Plus rien : les composants et zones que vous aviez choisis ont été supprimés.',
  },
  es: {
    'subscription.destination':
      '{kind, select, webhook {al webhook <code>{url}</code>} other {a <strong>{email}</strong>}}',
    'subscription.confirmHeading':
      '{kind, select, webhook {Confirme su webhook} other {Confirme su suscripción}}',
    'subscription.alreadyConfirmed':
      'Esta suscripción ya está confirmada. Pulse el botón para obtener su enlace de gestión.',
    'subscription.pressToStart':
      'Pulse el botón para empezar a enviar las novedades de {page} {destination}.',
    'subscription.youWillHear': 'Recibirá avisos sobre',
    'subscription.confirmButton':
      '{kind, select, webhook {Confirmar webhook} other {Confirmar suscripción}}',
    'subscription.confirmedHeading':
      '{state, select, verifying {Su webhook está confirmado: una última comprobación} webhook {Su webhook está activo} other {Está suscrito}}',
    'subscription.verifying':
      '{now, select, yes {Confirmado.} other {Ya estaba confirmado.}} {page} está enviando un evento <code>webhook.verify</code> firmado {destination}. El webhook se activa en cuanto su receptor responda con un estado 2xx; hasta entonces no recibe nada más. Se reintenta durante aproximadamente un día, y se avisa a esta dirección si nunca llega.',
    'subscription.active':
      '{now, select, yes {Confirmado.} other {Ya estaba confirmado.}} Las novedades de {page} llegan ahora {destination}.',
    'subscription.secretHeading': 'Secreto de firma',
    'subscription.secretText':
      '<strong>Se muestra solo esta vez: cópielo ahora.</strong> Cada solicitud lleva las cabeceras de Standard Webhooks <code>webhook-id</code>, <code>webhook-timestamp</code> y <code>webhook-signature</code>; verifíquelas con este secreto.',
    'subscription.manageLink':
      '<a>Gestionar esta suscripción</a>: cambiar lo que recibe, o darse de baja. {kind, select, webhook {Guarde el enlace.} other {Guarde el enlace; cada correo que enviamos también lleva uno.}}',
    'subscription.waitingHeading': 'Esperando a su receptor',
    'subscription.waiting':
      '{page} está enviando un evento <code>webhook.verify</code> firmado {destination}. El webhook se activa en cuanto su receptor responda con un estado 2xx; entonces podrá elegir sobre qué recibe avisos.',
    'subscription.notSubscribedHeading': 'Sin suscripción',
    'subscription.notSubscribed':
      '{disabled, select, yes {Las novedades de {page} ya no llegan {destination}: se desactivó tras fallos repetidos.} other {Las novedades de {page} ya no llegan {destination}.}}',
    'subscription.subscribeAgain': 'Volver a suscribirse',
    'subscription.yourSubscription': 'Su suscripción',
    'subscription.goesTo': 'Las novedades de {page} llegan {destination}.',
    'subscription.saved': 'Guardado. Sus elecciones están abajo.',
    'subscription.notSaved': 'No guardado:',
    'subscription.whatYouHear': 'Sobre qué recibe avisos',
    'subscription.alsoFollow':
      'También sigue {n, plural, one {una incidencia hasta su final, afecte a lo que afecte. Si no marca nada, seguirá solo con ella.} other {# incidencias hasta su final, afecten a lo que afecten. Si no marca nada, seguirá solo con ellas.}}',
    'subscription.saveChoices': 'Guardar elecciones',
    'subscription.leave': 'Darse de baja',
    'subscription.unsubscribe': 'Cancelar suscripción',
    'subscription.stopAll': '¿Dejar de enviar todas las novedades de {page} {destination}?',
    'subscription.unsubscribedHeading': 'Se ha dado de baja',
    'subscription.noMore': 'No se enviarán más novedades de {page} {destination}.',
    'subscription.changedMind': '¿Ha cambiado de opinión? <a>Volver a suscribirse</a>.',
    'subscription.linkHeading':
      '{reason, select, expired {Este enlace ha caducado o ya se ha usado} other {Este enlace no es válido}}',
    'subscription.linkAdvice':
      'No se ha cambiado nada. {purpose, select, confirm {Un enlace de confirmación sirve una vez, durante 48 horas. Suscríbase de nuevo para obtener otro.} other {Use el enlace de un correo más reciente nuestro, o suscríbase de nuevo.}} Si copió el enlace, compruebe que está completo.',
    'subscription.subscribe': 'Suscribirse',
    'subscription.statusPage': 'Página de estado',
    'subscription.everything':
      'Todo: cada componente y área, incluidos los que se añadan más adelante.',
    'subscription.nothingLeft': 'Ya nada: los componentes y áreas que eligió se han eliminado.',
  },
  ar: {
    'subscription.destination':
      '{kind, select, webhook {إلى خطاف الويب <code>{url}</code>} other {إلى <strong>{email}</strong>}}',
    'subscription.confirmHeading':
      '{kind, select, webhook {أكِّد خطاف الويب الخاص بك} other {أكِّد اشتراكك}}',
    'subscription.alreadyConfirmed':
      'هذا الاشتراك مؤكَّد بالفعل. اضغط على الزر للحصول على رابط إدارته.',
    'subscription.pressToStart': 'اضغط على الزر لبدء إرسال تحديثات {page} {destination}.',
    'subscription.youWillHear': 'ستصلك أخبار',
    'subscription.confirmButton':
      '{kind, select, webhook {تأكيد خطاف الويب} other {تأكيد الاشتراك}}',
    'subscription.confirmedHeading':
      '{state, select, verifying {تم تأكيد خطاف الويب: بقي فحص أخير} webhook {خطاف الويب الخاص بك نشط} other {أنت مشترك الآن}}',
    'subscription.verifying':
      '{now, select, yes {تم التأكيد.} other {كان هذا مؤكَّدًا من قبل.}} يرسل {page} حدث <code>webhook.verify</code> موقَّعًا {destination}. يصبح خطاف الويب نشطًا حالما يردّ عليه المستقبِل لديك بحالة 2xx؛ وحتى ذلك الحين لا يتلقى شيئًا آخر. تُعاد المحاولة لمدة يوم تقريبًا، ويُبلَّغ هذا العنوان إن لم يصل أبدًا.',
    'subscription.active':
      '{now, select, yes {تم التأكيد.} other {كان هذا مؤكَّدًا من قبل.}} تذهب تحديثات {page} الآن {destination}.',
    'subscription.secretHeading': 'سرّ التوقيع',
    'subscription.secretText':
      '<strong>يُعرَض هذه المرة فقط: انسخه الآن.</strong> يحمل كل طلب ترويسات Standard Webhooks وهي <code>webhook-id</code> و<code>webhook-timestamp</code> و<code>webhook-signature</code>؛ تحقّق منها باستخدام هذا السرّ.',
    'subscription.manageLink':
      '<a>إدارة هذا الاشتراك</a>: غيّر ما تتلقاه، أو ألغِ الاشتراك. {kind, select, webhook {احتفظ بالرابط.} other {احتفظ بالرابط؛ وكل رسالة نرسلها تحمل رابطًا مثله.}}',
    'subscription.waitingHeading': 'في انتظار المستقبِل لديك',
    'subscription.waiting':
      'يرسل {page} حدث <code>webhook.verify</code> موقَّعًا {destination}. يصبح خطاف الويب نشطًا حالما يردّ عليه المستقبِل لديك بحالة 2xx؛ ويمكنك عندها اختيار ما يتلقاه.',
    'subscription.notSubscribedHeading': 'غير مشترك',
    'subscription.notSubscribed':
      '{disabled, select, yes {لم تعد تحديثات {page} تذهب {destination}: فقد عُطِّل بعد إخفاقات متكررة.} other {لم تعد تحديثات {page} تذهب {destination}.}}',
    'subscription.subscribeAgain': 'اشترك مجددًا',
    'subscription.yourSubscription': 'اشتراكك',
    'subscription.goesTo': 'تذهب تحديثات {page} {destination}.',
    'subscription.saved': 'تم الحفظ. اختياراتك أدناه.',
    'subscription.notSaved': 'لم يُحفَظ:',
    'subscription.whatYouHear': 'ما تصلك أخباره',
    'subscription.alsoFollow':
      'تتابع أيضًا {n, plural, one {حادثًا واحدًا حتى نهايته أيًّا كان ما يمسّه. إن لم تحدّد شيئًا فستبقى على متابعته وحده.} two {حادثين حتى نهايتهما أيًّا كان ما يمسّانه. إن لم تحدّد شيئًا فستبقى على متابعتهما وحدهما.} few {# حوادث حتى نهايتها أيًّا كان ما تمسّه. إن لم تحدّد شيئًا فستبقى على متابعتها وحدها.} many {# حادثًا حتى نهايتها أيًّا كان ما تمسّه. إن لم تحدّد شيئًا فستبقى على متابعتها وحدها.} other {# حادث حتى نهايتها أيًّا كان ما تمسّه. إن لم تحدّد شيئًا فستبقى على متابعتها وحدها.}}',
    'subscription.saveChoices': 'حفظ الاختيارات',
    'subscription.leave': 'المغادرة',
    'subscription.unsubscribe': 'إلغاء الاشتراك',
    'subscription.stopAll': 'إيقاف كل تحديثات {page} المرسلة {destination}؟',
    'subscription.unsubscribedHeading': 'تم إلغاء اشتراكك',
    'subscription.noMore': 'لن تُرسَل تحديثات أخرى من {page} {destination}.',
    'subscription.changedMind': 'غيّرت رأيك؟ <a>اشترك مجددًا</a>.',
    'subscription.linkHeading':
      '{reason, select, expired {انتهت صلاحية هذا الرابط أو سبق استخدامه} other {هذا الرابط غير صالح}}',
    'subscription.linkAdvice':
      'لم يتغير شيء. {purpose, select, confirm {يعمل رابط التأكيد مرة واحدة، لمدة 48 ساعة. اشترك مجددًا لتحصل على رابط جديد.} other {استخدم الرابط الموجود في رسالة أحدث منا، أو اشترك مجددًا.}} إن كنت قد نسخت الرابط، فتأكد من أنه كامل.',
    'subscription.subscribe': 'الاشتراك',
    'subscription.statusPage': 'صفحة الحالة',
    'subscription.everything': 'كل شيء: كل مكوّن وكل منطقة، بما في ذلك ما يُضاف لاحقًا.',
    'subscription.nothingLeft': 'لا شيء بعد الآن: أُزيلت المكوّنات والمناطق التي اخترتها.',
  },
})
