import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the receiver got. */
export interface ReceivedRequest {
  headers: Record<string, string>
  body: string
}

/** A real HTTP receiver on loopback: keeps every request, answers what `answers` holds, else 204. */
export interface WebhookReceiver {
  /** http://127.0.0.1:<port> */
  url: string
  received: ReceivedRequest[]
  /** Status codes for the next requests, in order. */
  answers: number[]
  close: () => Promise<void>
}

/** Starts a webhook receiver on a free loopback port. */
export async function startReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = []
  const answers: number[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers)) headers[k] = String(v)
      received.push({ headers, body: Buffer.concat(chunks).toString('utf8') })
      res.writeHead(answers.shift() ?? 204)
      res.end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answers,
    close: () => new Promise((r) => server.close(() => r())),
  }
}
