// The live queue: the server says when a dossier arrives or changes (server-sent events);
// the page then fetches its rows again with the same filters, and marks rows it had not
// shown before with a "new" badge (text, not colour alone) and a spoken status line.
// A minute's refresh keeps the working time left current. Without script the page is a
// plain table that a reload brings up to date.
(function () {
  var region = document.getElementById('queue-results');
  if (!region || !window.EventSource || !window.fetch) return;
  var live = document.getElementById('queue-live');
  var rowsUrl = region.getAttribute('data-rows-url');
  var newLabel = region.getAttribute('data-new-label');
  var newMessage = region.getAttribute('data-new-message');
  var shown = {};
  var marked = {};
  region.querySelectorAll('tr[data-id]').forEach(function (tr) {
    shown[tr.getAttribute('data-id')] = true;
  });
  var loading = false;
  var again = false;

  function refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    fetch(rowsUrl, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (res) {
        // Signed out (session ended): the next reload shows the sign-in page.
        if (!res.ok || res.redirected) throw new Error('rows ' + res.status);
        return res.text();
      })
      .then(function (text) {
        region.innerHTML = text;
        var fresh = 0;
        region.querySelectorAll('tr[data-id]').forEach(function (tr) {
          var id = tr.getAttribute('data-id');
          if (!shown[id]) {
            shown[id] = true;
            marked[id] = true;
            fresh += 1;
          }
          if (marked[id]) {
            tr.classList.add('new');
            var badge = document.createElement('span');
            badge.className = 'badge-new';
            badge.textContent = newLabel;
            tr.cells[0].appendChild(document.createTextNode(' '));
            tr.cells[0].appendChild(badge);
          }
        });
        if (fresh && live) live.textContent = newMessage.replace('{{count}}', String(fresh));
      })
      .catch(function () {})
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  var events = new EventSource('/queue/events');
  events.addEventListener('arrived', refresh);
  events.addEventListener('status', refresh);
  events.addEventListener('updated', refresh);
  // Back after an office restart: what arrived meanwhile was not announced.
  var lost = false;
  events.addEventListener('error', function () {
    lost = true;
  });
  events.addEventListener('open', function () {
    if (lost) refresh();
    lost = false;
  });
  setInterval(refresh, 60000);
})();
