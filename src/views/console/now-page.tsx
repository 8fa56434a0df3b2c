import { ConsoleLayout, type ConsoleFrame } from './layout'

/** The landing page. */
export function NowPage(props: { frame: ConsoleFrame }) {
  return (
    <ConsoleLayout {...props.frame} title="Now" current="now">
      <p>Nothing is owed to customers right now.</p>
    </ConsoleLayout>
  )
}
