import { Button, EmailLayout, emailDocument, TextBlock } from './email-layout'

interface NoticeEmailProps {
  pageName: string
  title: string
  preview: string
  before: string
  action?: { label: string; href: string }
  after: string
  footer: string
}

/** A short message with at most one action: a subscription to confirm, a webhook disabled. */
export function NoticeEmail(props: NoticeEmailProps) {
  return (
    <EmailLayout
      title={props.title}
      preview={props.preview}
      footer={<TextBlock text={props.footer} />}
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
            If the button does not work, open this address: {props.action.href}
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
