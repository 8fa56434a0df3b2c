// Passkeys in the console: adding one on the account page, signing in with one on the sign-in
// page. Needs the WebAuthn library loaded before it (/console-assets/vendor/simplewebauthn-browser.js,
// global `SimpleWebAuthnBrowser`). Without either, the pages keep their plain-HTML behaviour:
// the add form stays hidden behind a sentence saying why, and the sign-in button never shows.
;(function () {
  'use strict'

  var lib = window.SimpleWebAuthnBrowser

  /** POSTs JSON to a console endpoint; resolves with the parsed answer, rejects with its message. */
  function post(path, body, csrf) {
    var headers = { 'content-type': 'application/json', accept: 'application/json' }
    if (csrf) headers['X-Candor-Csrf'] = csrf
    return fetch(path, {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(body || {}),
      credentials: 'same-origin',
    }).then(function (res) {
      return res
        .json()
        .catch(function () {
          return {}
        })
        .then(function (answer) {
          if (res.ok) return answer
          var message = answer && answer.error && answer.error.message
          throw new Error(message || 'The console refused this (' + res.status + ').')
        })
    })
  }

  /** A sentence for a failure: the browser's own cancel is said plainly. */
  function sentence(error) {
    if (error && (error.name === 'NotAllowedError' || error.name === 'AbortError')) {
      return 'The passkey request was cancelled or timed out. Nothing was changed.'
    }
    return (error && error.message) || 'Something went wrong. Please try again.'
  }

  function say(box, text) {
    if (box) box.textContent = text
  }

  function enhanceAdd(form) {
    var note = document.querySelector('[data-passkey-nojs]')
    if (!lib.browserSupportsWebAuthn()) {
      if (note)
        note.textContent = 'This browser cannot make passkeys. Email sign-in links still work.'
      return
    }
    if (note) note.hidden = true
    form.hidden = false
    var box = form.querySelector('[data-passkey-status]')
    var button = form.querySelector('button[type="submit"]')
    var csrf = form.querySelector('input[name="csrf"]').value
    form.addEventListener('submit', function (event) {
      event.preventDefault()
      var name = form.querySelector('input[name="name"]').value
      button.disabled = true
      say(box, 'Follow your browser’s prompt to make the passkey…')
      post('/console/passkeys/register/options', {}, csrf)
        .then(function (options) {
          return lib.startRegistration({ optionsJSON: options })
        })
        .then(function (response) {
          say(box, 'Checking the new passkey…')
          return post('/console/passkeys/register/verify', { name: name, response: response }, csrf)
        })
        .then(function (answer) {
          window.location.assign(answer.location)
        })
        .catch(function (error) {
          button.disabled = false
          say(box, sentence(error))
        })
    })
  }

  function enhanceSignIn(block) {
    if (!lib.browserSupportsWebAuthn()) return
    block.hidden = false
    var box = block.querySelector('[data-passkey-status]')
    var button = block.querySelector('[data-passkey-sign-in-button]')
    button.addEventListener('click', function () {
      button.disabled = true
      say(box, 'Follow your browser’s prompt to use your passkey…')
      post('/console/passkeys/sign-in/options', {})
        .then(function (options) {
          return lib.startAuthentication({ optionsJSON: options })
        })
        .then(function (response) {
          say(box, 'Signing in…')
          return post('/console/passkeys/sign-in/verify', { response: response })
        })
        .then(function (answer) {
          window.location.assign(answer.location)
        })
        .catch(function (error) {
          button.disabled = false
          say(box, sentence(error))
        })
    })
  }

  function enhance() {
    if (!lib) return
    var add = document.querySelector('[data-passkey-add]')
    if (add) enhanceAdd(add)
    var signIn = document.querySelector('[data-passkey-sign-in]')
    if (signIn) enhanceSignIn(signIn)
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance)
  else enhance()
})()
