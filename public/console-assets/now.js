// The Now page refreshes itself: every 30 seconds it fetches /console again and swaps the
// content of <main>, unless the member is using a form on it (a field has focus or was
// changed) or the tab is hidden. Without this file the page works as is; reload to refresh.
;(function () {
  'use strict'
  var EVERY_MS = 30000
  var touched = false

  function busy(main) {
    var active = document.activeElement
    if (
      active &&
      main.contains(active) &&
      /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(active.tagName)
    ) {
      return true
    }
    // A folded form opened (Post an update) is in use even before anything is typed.
    if (main.querySelector('details[open]')) return true
    return touched || document.hidden
  }

  function refresh() {
    var main = document.getElementById('main')
    if (!main || busy(main)) return
    fetch(window.location.pathname, {
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    })
      .then(function (res) {
        // Signed out or refused: leave the page as it is; the next action shows why.
        if (!res.ok || res.redirected) return null
        return res.text()
      })
      .then(function (html) {
        if (!html || busy(main)) return
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('main')
        if (fresh) main.innerHTML = fresh.innerHTML
      })
      .catch(function () {
        // Offline for a moment: try again at the next tick.
      })
  }

  function start() {
    var main = document.getElementById('main')
    if (!main) return
    main.addEventListener('input', function () {
      touched = true
    })
    // A form sent leaves this page; nothing to keep after that.
    main.addEventListener('submit', function () {
      touched = true
    })
    window.setInterval(refresh, EVERY_MS)
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
