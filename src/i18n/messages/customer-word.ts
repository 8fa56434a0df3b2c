import { defineMessages } from '../define-messages'

/**
 * The customer's word on an incident: "I'm affected", "fixed for me / still broken", the
 * counts, and the small pages after an answer or a link (answer links, the reopen link).
 */
export const customerWord = defineMessages({
  en: {
    'word.area': 'Your area (optional)',
    'word.notSaying': 'Not saying',
    'word.counts': 'Customers say: <b>{fixed}</b> fixed for me, <b>{broken}</b> still broken.',
    'word.countsByArea': '{area}: {fixed} fixed, {broken} still broken',
    'word.affected':
      '<b>{total}</b> {total, plural, one {reader reports} other {readers report}} being affected.',
    'word.affectedByArea': '{area}: {count}',
    'word.openHeading': 'Are you affected?',
    'word.closedHeading': 'Is it fixed for you?',
    'word.affectedHint': 'Tell us this reaches you too; you are counted once.',
    'word.affectedButton': 'I’m affected',
    'word.answerHint': 'One answer per reader; you can change it.',
    'word.fixedButton': 'Fixed for me',
    'word.brokenButton': 'Still broken',
    'answer.linkText':
      'We resolved <a>{name}</a>. Press the button to tell us it is {choice, select, fixed {fixed for you} other {still broken for you}}. You can change your answer with the other link in the email.',
    'answer.linkButton':
      '{choice, select, fixed {Yes, it is fixed for me} other {No, it is still broken}}',
    'answer.thanks': 'Thank you',
    'answer.counted':
      '{choice, select, fixed {Your answer is counted: {name} is fixed for you.} other {Your answer is counted: {name} is still broken for you. The team sees how many customers say so and can reopen the incident.}}',
    'answer.backToIncident': 'Back to the incident',
    'answer.reported':
      '{already, select, yes {You were already counted as affected by {name}.} other {You are counted as affected by {name}.}}',
    'answer.problemHeading':
      '{reason, select, reopened {This incident is open again} expired {This link has expired} other {This link is not valid}}',
    'answer.problemText':
      '{reason, select, reopened {Nothing was recorded: the team is working on it again. You will hear when it is resolved.} other {Nothing was recorded. Answer links work for 14 days after the resolution email.}}',
    'answer.statusPage': 'Status page',
    'reopen.heading': 'Reopen this incident?',
    'reopen.text':
      '<a>{name}</a> is resolved, but {broken, plural, one {# customer says} other {# customers say}} it is still broken ({fixed} say it is fixed).',
    'reopen.effect':
      'Reopening posts an “investigating” update, tells subscribers, and puts its components back to the statuses they had in it.',
    'reopen.button': 'Reopen the incident',
    'reopen.done': 'Reopened',
    'reopen.doneText': '{name} is open again, as investigating.',
    'reopen.incident': 'The incident',
    'reopen.nothing': 'Nothing was reopened',
    'reopen.problem':
      '{reason, select, expired {This link has expired or was already used.} open {This incident is not resolved (it is open again, or has a postmortem).} other {This link is not valid.}} Use the admin API to change the incident.',
  },
  de: {
    'word.area': 'Ihr Gebiet (optional)',
    'word.notSaying': 'Keine Angabe',
    'word.counts':
      'Kundinnen und Kunden sagen: <b>{fixed}</b> „bei mir behoben“, <b>{broken}</b> „weiterhin gestört“.',
    'word.countsByArea': '{area}: {fixed} behoben, {broken} weiterhin gestört',
    'word.affected':
      '<b>{total}</b> {total, plural, one {Person meldet} other {Personen melden}}, betroffen zu sein.',
    'word.affectedByArea': '{area}: {count}',
    'word.openHeading': 'Sind Sie betroffen?',
    'word.closedHeading': 'Ist es bei Ihnen behoben?',
    'word.affectedHint': 'Sagen Sie uns, dass es Sie auch trifft; Sie werden einmal gezählt.',
    'word.affectedButton': 'Ich bin betroffen',
    'word.answerHint': 'Eine Antwort pro Person; Sie können sie ändern.',
    'word.fixedButton': 'Bei mir behoben',
    'word.brokenButton': 'Weiterhin gestört',
    'answer.linkText':
      'Wir haben <a>{name}</a> behoben. Drücken Sie die Schaltfläche, um uns zu sagen, dass es {choice, select, fixed {bei Ihnen behoben ist} other {bei Ihnen weiterhin gestört ist}}. Mit dem anderen Link in der E-Mail können Sie Ihre Antwort ändern.',
    'answer.linkButton':
      '{choice, select, fixed {Ja, bei mir ist es behoben} other {Nein, es ist weiterhin gestört}}',
    'answer.thanks': 'Vielen Dank',
    'answer.counted':
      '{choice, select, fixed {Ihre Antwort ist gezählt: {name} ist bei Ihnen behoben.} other {Ihre Antwort ist gezählt: {name} ist bei Ihnen weiterhin gestört. Das Team sieht, wie viele das sagen, und kann die Störung wieder eröffnen.}}',
    'answer.backToIncident': 'Zurück zur Störung',
    'answer.reported':
      '{already, select, yes {Sie waren bereits als betroffen von {name} gezählt.} other {Sie sind als betroffen von {name} gezählt.}}',
    'answer.problemHeading':
      '{reason, select, reopened {Diese Störung ist wieder offen} expired {Dieser Link ist abgelaufen} other {Dieser Link ist ungültig}}',
    'answer.problemText':
      '{reason, select, reopened {Es wurde nichts erfasst: Das Team arbeitet wieder daran. Sie erfahren es, wenn sie behoben ist.} other {Es wurde nichts erfasst. Antwort-Links gelten 14 Tage ab der E-Mail zur Behebung.}}',
    'answer.statusPage': 'Statusseite',
    'reopen.heading': 'Diese Störung wieder eröffnen?',
    'reopen.text':
      '<a>{name}</a> ist behoben, aber {broken, plural, one {# Person sagt} other {# Personen sagen}}, es sei weiterhin gestört ({fixed} sagen, es sei behoben).',
    'reopen.effect':
      'Das Wiedereröffnen veröffentlicht eine Meldung „Wird untersucht“, benachrichtigt die Abonnenten und setzt die Komponenten auf den Status zurück, den sie in der Störung hatten.',
    'reopen.button': 'Störung wieder eröffnen',
    'reopen.done': 'Wieder eröffnet',
    'reopen.doneText': '{name} ist wieder offen, als „Wird untersucht“.',
    'reopen.incident': 'Zur Störung',
    'reopen.nothing': 'Nichts wurde wieder eröffnet',
    'reopen.problem':
      '{reason, select, expired {Dieser Link ist abgelaufen oder wurde schon benutzt.} open {Diese Störung ist nicht behoben (sie ist wieder offen oder hat eine Nachbetrachtung).} other {Dieser Link ist ungültig.}} Ändern Sie die Störung über die Admin-API.',
  },
  fr: {
    'word.area': 'Votre zone (facultatif)',
    'word.notSaying': 'Non précisé',
    'word.counts':
      'Avis des clients : <b>{fixed}</b> « réglé pour moi », <b>{broken}</b> « toujours en panne ».',
    'word.countsByArea': '{area} : {fixed} réglé, {broken} toujours en panne',
    'word.affected':
      '<b>{total}</b> {total, plural, one {personne se dit touchée} other {personnes se disent touchées}}.',
    'word.affectedByArea': '{area} : {count}',
    'word.openHeading': 'Êtes-vous touché ?',
    'word.closedHeading': 'Est-ce réglé pour vous ?',
    'word.affectedHint': 'Dites-nous que cela vous touche aussi ; vous êtes compté une seule fois.',
    'word.affectedButton': 'Je suis touché',
    'word.answerHint': 'Une réponse par personne ; vous pouvez la modifier.',
    'word.fixedButton': 'Réglé pour moi',
    'word.brokenButton': 'Toujours en panne',
    'answer.linkText':
      'Nous avons résolu <a>{name}</a>. Appuyez sur le bouton pour nous dire que c’est {choice, select, fixed {réglé pour vous} other {toujours en panne pour vous}}. Vous pouvez changer votre réponse avec l’autre lien de l’e-mail.',
    'answer.linkButton':
      '{choice, select, fixed {Oui, c’est réglé pour moi} other {Non, c’est toujours en panne}}',
    'answer.thanks': 'Merci',
    'answer.counted':
      '{choice, select, fixed {Votre réponse est prise en compte : {name} est réglé pour vous.} other {Votre réponse est prise en compte : {name} est toujours en panne pour vous. L’équipe voit combien de clients le disent et peut rouvrir l’incident.}}',
    'answer.backToIncident': 'Retour à l’incident',
    'answer.reported':
      '{already, select, yes {Vous étiez déjà compté comme touché par {name}.} other {Vous êtes compté comme touché par {name}.}}',
    'answer.problemHeading':
      '{reason, select, reopened {Cet incident est de nouveau ouvert} expired {Ce lien a expiré} other {Ce lien n’est pas valide}}',
    'answer.problemText':
      '{reason, select, reopened {Rien n’a été enregistré : l’équipe y travaille de nouveau. Vous serez prévenu quand il sera résolu.} other {Rien n’a été enregistré. Les liens de réponse fonctionnent 14 jours après l’e-mail de résolution.}}',
    'answer.statusPage': 'Page d’état',
    'reopen.heading': 'Rouvrir cet incident ?',
    'reopen.text':
      '<a>{name}</a> est résolu, mais {broken, plural, one {# client dit} other {# clients disent}} que c’est toujours en panne ({fixed} disent que c’est réglé).',
    'reopen.effect':
      'Rouvrir publie une mise à jour « Analyse en cours », prévient les abonnés et remet ses composants dans les états qu’ils avaient pendant l’incident.',
    'reopen.button': 'Rouvrir l’incident',
    'reopen.done': 'Rouvert',
    'reopen.doneText': '{name} est de nouveau ouvert, en « Analyse en cours ».',
    'reopen.incident': 'L’incident',
    'reopen.nothing': 'Rien n’a été rouvert',
    'reopen.problem':
      '{reason, select, expired {Ce lien a expiré ou a déjà été utilisé.} open {Cet incident n’est pas résolu (il est de nouveau ouvert ou a un post-mortem).} other {Ce lien n’est pas valide.}} Utilisez l’API d’administration pour modifier l’incident.',
  },
  es: {
    'word.area': 'Su zona (opcional)',
    'word.notSaying': 'Prefiero no decirlo',
    'word.counts':
      'Lo que dicen los clientes: <b>{fixed}</b> «resuelto para mí», <b>{broken}</b> «sigue fallando».',
    'word.countsByArea': '{area}: {fixed} resuelto, {broken} sigue fallando',
    'word.affected':
      '<b>{total}</b> {total, plural, one {persona indica que le afecta} other {personas indican que les afecta}}.',
    'word.affectedByArea': '{area}: {count}',
    'word.openHeading': '¿Le afecta?',
    'word.closedHeading': '¿Se ha resuelto para usted?',
    'word.affectedHint': 'Díganos que también le afecta; cuenta una sola vez.',
    'word.affectedButton': 'Me afecta',
    'word.answerHint': 'Una respuesta por persona; puede cambiarla.',
    'word.fixedButton': 'Resuelto para mí',
    'word.brokenButton': 'Sigue fallando',
    'answer.linkText':
      'Hemos resuelto <a>{name}</a>. Pulse el botón para decirnos que {choice, select, fixed {se ha resuelto para usted} other {sigue fallando para usted}}. Puede cambiar su respuesta con el otro enlace del correo.',
    'answer.linkButton':
      '{choice, select, fixed {Sí, se ha resuelto para mí} other {No, sigue fallando}}',
    'answer.thanks': 'Gracias',
    'answer.counted':
      '{choice, select, fixed {Su respuesta se ha contado: {name} se ha resuelto para usted.} other {Su respuesta se ha contado: {name} sigue fallando para usted. El equipo ve cuántos clientes lo dicen y puede reabrir la incidencia.}}',
    'answer.backToIncident': 'Volver a la incidencia',
    'answer.reported':
      '{already, select, yes {Ya se le había contado como afectado por {name}.} other {Se le cuenta como afectado por {name}.}}',
    'answer.problemHeading':
      '{reason, select, reopened {Esta incidencia está abierta de nuevo} expired {Este enlace ha caducado} other {Este enlace no es válido}}',
    'answer.problemText':
      '{reason, select, reopened {No se ha registrado nada: el equipo vuelve a trabajar en ello. Recibirá noticias cuando se resuelva.} other {No se ha registrado nada. Los enlaces de respuesta funcionan durante 14 días tras el correo de resolución.}}',
    'answer.statusPage': 'Página de estado',
    'reopen.heading': '¿Reabrir esta incidencia?',
    'reopen.text':
      '<a>{name}</a> está resuelta, pero {broken, plural, one {# cliente dice} other {# clientes dicen}} que sigue fallando ({fixed} dicen que está resuelta).',
    'reopen.effect':
      'Reabrirla publica una actualización «Investigando», avisa a los suscriptores y devuelve sus componentes a los estados que tenían en ella.',
    'reopen.button': 'Reabrir la incidencia',
    'reopen.done': 'Reabierta',
    'reopen.doneText': '{name} está abierta de nuevo, como «Investigando».',
    'reopen.incident': 'La incidencia',
    'reopen.nothing': 'No se ha reabierto nada',
    'reopen.problem':
      '{reason, select, expired {Este enlace ha caducado o ya se usó.} open {Esta incidencia no está resuelta (está abierta de nuevo o tiene un análisis posterior).} other {Este enlace no es válido.}} Use la API de administración para cambiar la incidencia.',
  },
  ar: {
    'word.area': 'منطقتك (اختياري)',
    'word.notSaying': 'أفضّل عدم الذكر',
    'word.counts': 'يقول العملاء: <b>{fixed}</b> «تم الحل عندي»، <b>{broken}</b> «لا يزال معطّلًا».',
    'word.countsByArea': '{area}: تم الحل {fixed}، لا يزال معطّلًا {broken}',
    'word.affected':
      '<b>{total}</b> {total, plural, zero {شخص أبلغوا بتأثرهم} one {شخص أبلغ بتأثره} two {شخصان أبلغا بتأثرهما} few {أشخاص أبلغوا بتأثرهم} many {شخصًا أبلغوا بتأثرهم} other {شخص أبلغوا بتأثرهم}}.',
    'word.affectedByArea': '{area}: {count}',
    'word.openHeading': 'هل أنت متأثر؟',
    'word.closedHeading': 'هل حُلّت المشكلة لديك؟',
    'word.affectedHint': 'أخبرنا أن المشكلة تطالك أيضًا؛ تُحتسب مرة واحدة.',
    'word.affectedButton': 'أنا متأثر',
    'word.answerHint': 'إجابة واحدة لكل شخص؛ يمكنك تغييرها.',
    'word.fixedButton': 'تم الحل عندي',
    'word.brokenButton': 'لا يزال معطّلًا',
    'answer.linkText':
      'لقد حللنا <a>{name}</a>. اضغط الزر لتخبرنا أن المشكلة {choice, select, fixed {حُلّت لديك} other {لا تزال قائمة لديك}}. يمكنك تغيير إجابتك بالرابط الآخر في الرسالة.',
    'answer.linkButton':
      '{choice, select, fixed {نعم، حُلّت المشكلة عندي} other {لا، لا تزال معطّلة}}',
    'answer.thanks': 'شكرًا لك',
    'answer.counted':
      '{choice, select, fixed {احتُسبت إجابتك: {name} حُلّت لديك.} other {احتُسبت إجابتك: {name} لا تزال قائمة لديك. يرى الفريق عدد العملاء الذين يقولون ذلك ويمكنه إعادة فتح العطل.}}',
    'answer.backToIncident': 'العودة إلى العطل',
    'answer.reported':
      '{already, select, yes {سبق احتسابك متأثرًا بـ {name}.} other {احتُسبت متأثرًا بـ {name}.}}',
    'answer.problemHeading':
      '{reason, select, reopened {أُعيد فتح هذا العطل} expired {انتهت صلاحية هذا الرابط} other {هذا الرابط غير صالح}}',
    'answer.problemText':
      '{reason, select, reopened {لم يُسجَّل شيء: يعمل الفريق عليه مجددًا. ستُبلَّغ عند حله.} other {لم يُسجَّل شيء. تعمل روابط الإجابة لمدة 14 يومًا بعد رسالة الحل.}}',
    'answer.statusPage': 'صفحة الحالة',
    'reopen.heading': 'إعادة فتح هذا العطل؟',
    'reopen.text':
      '<a>{name}</a> محلول، لكن {broken, plural, zero {# عميل يقولون} one {عميلًا واحدًا يقول} two {عميلين يقولان} few {# عملاء يقولون} many {# عميلًا يقولون} other {# عميل يقولون}} إنه لا يزال معطّلًا ({fixed} يقولون إنه حُلّ).',
    'reopen.effect':
      'تؤدي إعادة الفتح إلى نشر تحديث «قيد التحقيق» وإبلاغ المشتركين وإرجاع مكوّناته إلى الحالات التي كانت عليها فيه.',
    'reopen.button': 'أعد فتح العطل',
    'reopen.done': 'أُعيد الفتح',
    'reopen.doneText': '{name} مفتوح مجددًا، بحالة «قيد التحقيق».',
    'reopen.incident': 'العطل',
    'reopen.nothing': 'لم يُعَد فتح أي شيء',
    'reopen.problem':
      '{reason, select, expired {انتهت صلاحية هذا الرابط أو سبق استخدامه.} open {هذا العطل غير محلول (أُعيد فتحه، أو له مراجعة ما بعد الحادث).} other {هذا الرابط غير صالح.}} استخدم واجهة الإدارة البرمجية لتغيير العطل.',
  },
})
