/*! Candor status widget: <script src="https://status.example.com/widget.js" async></script>
 * Options (data- attributes on the script tag): data-component="<id>",
 * data-position="inline|bottom-right|bottom-left|top-right|top-left", data-theme="auto|light|dark",
 * data-compact="true", data-lang="en|de|fr|es|ar" (else the browser's languages, else the page's).
 * Shows /widget-text.json: already worded in the reader's language, times in the page's zone.
 * Renders in a Shadow DOM, never throws into the page, and shows nothing when the status page
 * cannot be reached. */
;(function () {
  try {
    var script = document.currentScript
    if (!script || !window.fetch || !Element.prototype.attachShadow) return
    var d = script.dataset || {}
    var base = new URL(script.src, location.href).origin
    var query = []
    if (d.component) query.push('component=' + encodeURIComponent(d.component))
    if (d.lang) query.push('lang=' + encodeURIComponent(d.lang))
    var url = base + '/widget-text.json' + (query.length ? '?' + query.join('&') : '')
    var position = /^(top|bottom)-(left|right)$/.test(d.position || '') ? d.position : 'inline'
    var theme = d.theme === 'light' || d.theme === 'dark' ? d.theme : 'auto'
    var compact = d.compact === 'true' || d.compact === ''
    var MINUTE = 60000
    var delay = MINUTE
    var timer = 0
    var data = null

    var host = document.createElement('candor-status')
    var root = host.attachShadow({ mode: 'open' })
    var css =
      ':host{all:initial}' +
      '.w{display:none;font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#101828;background:#fff;border:1px solid #d0d5dd;border-radius:999px;padding:5px 12px;max-width:min(420px,calc(100vw - 24px));box-shadow:0 1px 3px rgba(16,24,40,.12)}' +
      '.w.on{display:inline-flex;align-items:center;gap:8px}.w.banner{border-radius:10px;flex-wrap:wrap}' +
      '.dark{color:#f2f4f7;background:#161b22;border-color:#3a4250}' +
      '.fixed{position:fixed;z-index:2147483000;margin:12px}.top{top:0}.bottom{bottom:0}.left{left:0}.right{right:0}' +
      '.dot{width:9px;height:9px;border-radius:50%;flex:none;background:#2e7d32}' +
      '.minor .dot{background:#b26a00}.major .dot{background:#c62828}.critical .dot{background:#8e0000}.maintenance .dot{background:#1565c0}' +
      'a{color:inherit;text-decoration:none;font-weight:600}a:hover,a:focus{text-decoration:underline}' +
      '.sub{opacity:.8;font-size:12px}.warn{font-weight:600}'
    // A constructed sheet needs nothing from the host page's style-src; a <style> element does.
    if (root.adoptedStyleSheets && typeof CSSStyleSheet === 'function') {
      var sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
      root.adoptedStyleSheets = [sheet]
    } else {
      var style = document.createElement('style')
      style.textContent = css
      root.appendChild(style)
    }
    var box = document.createElement('div')
    box.setAttribute('role', 'status')
    box.className = 'w'
    root.appendChild(box)
    var mount = function () {
      if (position === 'inline' && script.parentNode && script.parentNode !== document.head) {
        script.parentNode.insertBefore(host, script)
      } else document.body.appendChild(host)
    }
    if (document.body) mount()
    else document.addEventListener('DOMContentLoaded', mount)

    var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null
    var isDark = function () {
      return theme === 'dark' || (theme === 'auto' && !!dark && dark.matches)
    }
    var el = function (tag, cls, text) {
      var n = document.createElement(tag)
      if (cls) n.className = cls
      if (text) n.textContent = text
      return n
    }
    var link = function (text, href) {
      var a = el('a', '', text)
      a.href = /^https?:\/\//.test(href) ? href : base + '/'
      a.target = '_blank'
      a.rel = 'noopener'
      return a
    }

    var render = function () {
      box.textContent = ''
      if (!data || !data.status) {
        box.className = 'w'
        return
      }
      var i = data.incident
      var m = data.maintenance
      var fixed = position === 'inline' ? '' : ' fixed ' + position.replace('-', ' ')
      box.className =
        'w on ' +
        data.status.indicator +
        (isDark() ? ' dark' : '') +
        (compact ? '' : ' banner') +
        fixed
      box.lang = data.lang || ''
      box.dir = data.dir || 'auto'
      box.appendChild(el('span', 'dot'))
      box.appendChild(link(i && !compact ? i.name : data.status.text, i ? i.url : data.page.url))
      if (compact) return
      if (i) {
        i.lines.forEach(function (p) {
          box.appendChild(el('span', p.warn ? 'sub warn' : 'sub', p.text))
        })
      } else if (m) {
        box.appendChild(el('span', 'sub', m.text))
      }
    }

    var schedule = function () {
      clearTimeout(timer)
      if (!document.hidden) timer = setTimeout(refresh, delay)
    }
    var refresh = function () {
      fetch(url, { credentials: 'omit', cache: 'no-cache' })
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status)
          return r.json()
        })
        .then(function (json) {
          data = json
          delay = MINUTE
          render()
        })
        .catch(function () {
          // Unreachable: keep the last good state for a while, then show nothing; back off.
          delay = Math.min(delay * 2, 10 * MINUTE)
          if (delay >= 8 * MINUTE) {
            data = null
            render()
          }
        })
        .then(schedule)
    }
    document.addEventListener('visibilitychange', function () {
      if (document.hidden) clearTimeout(timer)
      else refresh()
    })
    if (dark && dark.addEventListener) dark.addEventListener('change', render)
    refresh()
  } catch (e) {
    // Never break the host page.
  }
})()
