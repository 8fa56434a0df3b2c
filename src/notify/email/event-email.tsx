import type { Reader } from '../../i18n/reader'
import type { EventEmailContent } from './event-email-content'
import type { EmailLinks } from '../types'
import {
  Button,
  EmailLayout,
  emailDocument,
  Heading,
  TextBlock,
  TONE_COLOURS,
} from './email-layout'
import { EmailBrandBar } from './email-brand-bar'

const LABEL_STYLE = 'font-size:13px;color:#475467;font-weight:600'
const LINK_STYLE = 'color:#1849a9'

/** The facts as a list that reads well at any width: each label above its value. */
function Facts(props: { facts: EventEmailContent['facts'] }) {
  if (props.facts.length === 0) return null
  return (
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:16px 0">
      {props.facts.map((fact) => (
        <tr>
          <td style="padding:8px 0;border-top:1px solid #eaecf0">
            <div style={LABEL_STYLE}>{fact.label}</div>
            <div
              style={
                fact.warning
                  ? 'color:#b42318;font-weight:600;overflow-wrap:anywhere'
                  : 'overflow-wrap:anywhere'
              }
            >
              {fact.warning ? '⚠ ' : ''}
              {fact.value}
            </div>
          </td>
        </tr>
      ))}
    </table>
  )
}

/** "Is it fixed for you?" with its two single-purpose links. */
function AnswerLinks(props: { answers: NonNullable<EmailLinks['answers']>; reader: Reader }) {
  const { reader } = props
  const link =
    'display:inline-block;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600;margin:0 8px 8px 0'
  return (
    <>
      <Heading>{reader.t('email.answer.question')}</Heading>
      <p style="margin:0 0 8px">{reader.t('email.answer.hint')}</p>
      <p style="margin:0 0 16px">
        <a href={props.answers.fixed} style={`${link};background:#dcfae6;color:#085d3a`}>
          {reader.t('email.answer.fixed')}
        </a>
        <a href={props.answers.stillBroken} style={`${link};background:#fee4e2;color:#912018`}>
          {reader.t('email.answer.stillBroken')}
        </a>
      </p>
    </>
  )
}

interface EventEmailProps {
  content: EventEmailContent
  pageName: string
  links: EmailLinks
  /** The page's accent colour: a bar with the page's name atop the message. */
  accent?: string
  /** Who it is written for: words in their language, times in their zone. */
  reader: Reader
}

/** A notification about an incident, a maintenance or a component, with its links. */
export function EventEmail(props: EventEmailProps) {
  const { content, links, reader } = props
  const tone = TONE_COLOURS[content.badge.tone]
  return (
    <EmailLayout
      title={content.subject}
      preview={content.preview}
      header={<EmailBrandBar pageName={props.pageName} accent={props.accent} />}
      lang={reader.lang}
      dir={reader.dir}
      footer={
        <>
          <p style="margin:0 0 8px">{reader.t('email.footer.why', { pageName: props.pageName })}</p>
          <p style="margin:0">
            <a href={links.manage} style={LINK_STYLE}>
              {reader.t('email.footer.manage')}
            </a>{' '}
            ·{' '}
            <a href={links.unsubscribe} style={LINK_STYLE}>
              {reader.t('email.footer.unsubscribe')}
            </a>
          </p>
        </>
      }
    >
      <p style="margin:0 0 4px;font-size:13px;color:#475467;text-transform:uppercase;letter-spacing:0.04em">
        {props.pageName} · {content.kicker}
      </p>
      <h1 style="font-size:22px;line-height:1.3;margin:0 0 12px;color:#101828">{content.title}</h1>
      <p style="margin:0 0 16px">
        <span
          style={`display:inline-block;padding:2px 10px;border-radius:999px;font-weight:600;font-size:14px;color:${tone.text};background:${tone.background}`}
        >
          {content.badge.label}
        </span>
      </p>
      {content.description ? (
        <>
          <Heading>{content.description.heading}</Heading>
          <TextBlock text={content.description.body} />
        </>
      ) : null}
      {content.latest ? (
        <>
          <Heading>{content.latest.heading}</Heading>
          <TextBlock text={content.latest.body} />
        </>
      ) : null}
      <Facts facts={content.facts} />
      <Button href={links.incident} label={content.linkLabel} />
      {links.answers ? <AnswerLinks answers={links.answers} reader={reader} /> : null}
    </EmailLayout>
  )
}

/** The notification's HTML document. */
export function eventEmailHtml(props: EventEmailProps): string {
  return emailDocument(<EventEmail {...props} />)
}
