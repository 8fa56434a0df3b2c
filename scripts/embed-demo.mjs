// `npm run demo:embed`: a plain page on another port (another origin) with Candor's widget,
// iframe and badge, as another site would embed them. Start Candor first (`npm start`).
//   CANDOR_URL (default http://127.0.0.1:8787)   DEMO_PORT (default 8788)

import { createServer } from 'node:http'

const candor = (process.env.CANDOR_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '')
const port = Number(process.env.DEMO_PORT ?? 8788)

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Example shop — embeds of Candor</title>
  <style>body{font:16px/1.5 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem}</style>
</head>
<body>
  <h1>Example shop</h1>
  <p>A page on another origin (${`http://127.0.0.1:${port}`}) showing ${candor}'s status.</p>

  <h2>Widget</h2>
  <p>Our service: <script src="${candor}/widget.js" async></script></p>
  <script src="${candor}/widget.js" async data-position="bottom-right" data-compact="true"></script>

  <h2>Iframe</h2>
  <iframe src="${candor}/embed" title="Service status" width="420" height="130" style="border:0"></iframe>

  <h2>Badge</h2>
  <p><img src="${candor}/badge.svg" alt="Service status"></p>
</body>
</html>
`

createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(page)
}).listen(port, '127.0.0.1', () => {
  console.log(`Embed demo on http://127.0.0.1:${port}/ (showing ${candor}); Ctrl-C to stop.`)
})
