// Keeps a round's dashboard current while the round is open: every ten seconds it fetches the live part of the page
// again and swaps in each changed block, except one holding the keyboard focus, so nobody loses their place. A change
// in the figures is read out politely through the page's status region. Without JavaScript the page simply shows
// what it showed when loaded.
(function () {
  'use strict'
  var live = document.getElementById('live')
  var status = document.getElementById('live-status')
  if (!live || !live.dataset.liveUrl || !window.fetch || !window.DOMParser) {
    return
  }
  var url = live.dataset.liveUrl
  var every = 10000

  function summary (root) {
    var counts = root.querySelector('[data-live-part="counts"]')
    return counts ? counts.getAttribute('data-live-summary') : null
  }

  function refresh () {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' }, redirect: 'error' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status)
        }
        return response.text()
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString('<div>' + html + '</div>', 'text/html')
        var before = summary(document)
        fresh.querySelectorAll('[data-live-part]').forEach(function (part) {
          var current = live.querySelector('[data-live-part="' + part.getAttribute('data-live-part') + '"]')
          if (!current || current.contains(document.activeElement) || current.innerHTML === part.innerHTML) {
            return
          }
          current.innerHTML = part.innerHTML
          Array.prototype.forEach.call(part.attributes, function (attribute) {
            current.setAttribute(attribute.name, attribute.value)
          })
        })
        var after = summary(document)
        if (after && after !== before && status) {
          status.textContent = 'Updated: ' + after + '.'
        }
      })
      .catch(function () {
        // A missed refresh is harmless: the next one tries again, and a reload always shows the latest.
      })
      .then(function () {
        window.setTimeout(refresh, every)
      })
  }

  window.setTimeout(refresh, every)
})()
