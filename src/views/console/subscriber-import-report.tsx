import type { ImportReport } from '../../domain/subscriber-import'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** What a CSV import did: how many were added and skipped, and each line that had an error. */
export function ImportReportPage(props: { frame: ConsoleFrame; report: ImportReport }) {
  const r = props.report
  return (
    <ConsoleLayout {...props.frame} title="Subscribers imported" current="subscribers">
      <dl class="facts" role="status">
        <dt>Added</dt>
        <dd>
          {r.added} ({r.active} confirmed, {r.pending} sent a confirmation email)
        </dd>
        <dt>Skipped</dt>
        <dd>{r.skipped.length}</dd>
        <dt>Lines with errors</dt>
        <dd>{r.errors.length}</dd>
        {r.ignoredColumns.length ? (
          <>
            <dt>Columns ignored</dt>
            <dd>{r.ignoredColumns.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {r.errors.length ? (
        <>
          <h2>Lines with errors (not imported)</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Address</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {r.errors.map((e) => (
                  <tr>
                    <td>{e.line}</td>
                    <td>{e.email ?? '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {r.skipped.length ? (
        <>
          <h2>Skipped</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Address</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {r.skipped.map((s) => (
                  <tr>
                    <td>{s.line}</td>
                    <td>{s.email}</td>
                    <td>{s.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <p>
        <a href="/console/subscribers">Back to subscribers</a>
      </p>
    </ConsoleLayout>
  )
}
