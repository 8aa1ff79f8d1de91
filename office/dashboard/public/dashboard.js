// The queue's "time left" is counted in working hours on the server; here a row only
// turns overdue when its deadline passes while the page is open.
(function () {
  var overdueText = document.documentElement.getAttribute('data-overdue') || 'Overdue';
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      if (el.hasAttribute('data-resolved')) return;
      if (Number(el.getAttribute('data-due')) > now) return;
      el.textContent = overdueText;
      var row = el.closest('tr');
      if (row) row.classList.add('overdue');
    });
  }
  tick();
  setInterval(tick, 30000);
  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.addEventListener('click', function () {
      window.print();
    });
  });
})();
