// The console's enhancements. Every screen works without this file; it only adds comfort.
// Screens add their enhancements here as small functions, each started from `enhance`.
;(function () {
  'use strict'
  function enhance() {}
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance)
  else enhance()
})()
