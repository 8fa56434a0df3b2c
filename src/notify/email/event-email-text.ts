import type { Reader } from '../../i18n/reader'
import type { EmailLinks } from '../types'
import type { EmailFact, EventEmailContent } from './event-email-content'

const LABEL_WIDTH = 13

/** "Next update:  By Mon 23 Nov, 15:30 GMT", continuation lines indented under the value. */
function factLines(facts: EmailFact[], reader: Reader): string[] {
  return facts.map((fact) => {
    const label = reader.t('email.text.label', { label: fact.label }).padEnd(LABEL_WIDTH)
    const value = `${fact.warning ? '⚠ ' : ''}${fact.value}`
    return `${label} ${value.replace(/\n/g, `\n${' '.repeat(LABEL_WIDTH + 1)}`)}`
  })
}

/** The plain-text part of an event email: the same content as its HTML part, with every link. */
export function eventEmailText(
  content: EventEmailContent,
  pageName: string,
  links: EmailLinks,
  reader: Reader,
): string {
  const answers = links.answers
  const labelled = (label: string, value: string) =>
    `${reader.t('email.text.label', { label })} ${value}`
  return [
    `${pageName} · ${content.kicker}`,
    '',
    content.title,
    content.badge.label,
    '',
    ...(content.description
      ? [
          reader.t('email.text.label', { label: content.description.heading }),
          content.description.body,
          '',
        ]
      : []),
    ...(content.latest
      ? [reader.t('email.text.label', { label: content.latest.heading }), content.latest.body, '']
      : []),
    ...factLines(content.facts, reader),
    '',
    labelled(content.linkLabel, links.incident),
    '',
    ...(answers
      ? [
          `${reader.t('email.answer.question')} ${reader.t('email.answer.hint')}`,
          labelled(reader.t('email.answer.fixed'), answers.fixed),
          labelled(reader.t('email.answer.stillBroken'), answers.stillBroken),
          '',
        ]
      : []),
    '-- ',
    reader.t('email.footer.why', { pageName }),
    labelled(reader.t('email.footer.manage'), links.manage),
    labelled(reader.t('email.footer.unsubscribe'), links.unsubscribe),
    '',
  ].join('\n')
}
