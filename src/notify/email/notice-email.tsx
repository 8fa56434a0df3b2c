import { DEFAULT_READER, type Reader } from '../../i18n/reader'
import { Button, EmailLayout, emailDocument, TextBlock } from './email-layout'

export interface NoticeEmailProps {
  pageName: string
  title: string
  preview: string
  before: string
  action?: { label: string; href: string }
  after: string
  footer: string
  /** Whose language it is written in (English by default: ops and members' mail). */
  reader?: Reader
}

/** A short message with at most one action: a subscription to confirm, a webhook disabled. */
export function NoticeEmail(props: NoticeEmailProps) {
  const reader = props.reader ?? DEFAULT_READER
  return (
    <EmailLayout
      title={props.title}
      preview={props.preview}
      footer={<TextBlock text={props.footer} />}
      lang={reader.lang}
      dir={reader.dir}
    >
      <p style="margin:0 0 4px;font-size:13px;color:#475467;text-transform:uppercase;letter-spacing:0.04em">
        {props.pageName}
      </p>
      <h1 style="font-size:22px;line-height:1.3;margin:0 0 12px;color:#101828">{props.title}</h1>
      <TextBlock text={props.before} />
      {props.action ? (
        <>
          <Button href={props.action.href} label={props.action.label} />
          <p style="margin:0 0 16px;font-size:14px;color:#475467;overflow-wrap:anywhere">
            {reader.t('email.notice.buttonFallback', { href: props.action.href })}
          </p>
        </>
      ) : null}
      <TextBlock text={props.after} />
    </EmailLayout>
  )
}

/** The notice's HTML document. */
export function noticeEmailHtml(props: NoticeEmailProps): string {
  return emailDocument(<NoticeEmail {...props} />)
}
