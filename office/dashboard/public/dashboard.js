(function () {
  var overdueText = document.documentElement.getAttribute('data-overdue') || 'Overdue';
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var left = Number(el.getAttribute('data-due')) - now;
      var row = el.closest('tr');
      if (el.hasAttribute('data-resolved')) return;
      if (left <= 0) {
        el.textContent = overdueText;
        if (row) row.classList.add('overdue');
        return;
      }
      var m = Math.floor(left / 60000),
        h = Math.floor(m / 60);
      el.textContent = (h > 0 ? h + ' h ' : '') + (m % 60) + ' min';
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
