// The calling board: a chime and the call for each announcement, twice, as the office
// server publishes them (server-sent events); reconnects by itself after a restart.
(function () {
  var lang = document.body.getAttribute('data-lang') || 'vi';
  var counterLabel = document.body.getAttribute('data-counter-label') || '{n}';
  var offline = document.getElementById('board-offline');
  var queue = Promise.resolve();

  function chime() {
    return new Promise(function (resolve) {
      try {
        var ctx = new (window.AudioContext || window.webkitAudioContext)();
        [660, 880].forEach(function (freq, i) {
          var osc = ctx.createOscillator();
          var gain = ctx.createGain();
          osc.frequency.value = freq;
          gain.gain.setValueAtTime(0.3, ctx.currentTime + i * 0.35);
          gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.35 + 0.3);
          osc.connect(gain).connect(ctx.destination);
          osc.start(ctx.currentTime + i * 0.35);
          osc.stop(ctx.currentTime + i * 0.35 + 0.32);
        });
        setTimeout(resolve, 800);
      } catch {
        resolve();
      }
    });
  }

  function speak(call) {
    return new Promise(function (resolve) {
      var audio = new Audio(
        '/board/announce.wav?number=' + encodeURIComponent(call.number) + '&counter=' + call.counter,
      );
      audio.onended = resolve;
      audio.onerror = resolve;
      audio.play().catch(resolve);
    });
  }

  function refresh() {
    return fetch('/board/state')
      .then(function (r) {
        return r.json();
      })
      .then(function (state) {
        var list = document.getElementById('board-counters');
        state.counters.forEach(function (c) {
          var li = list.querySelector('[data-counter="' + c.number + '"]');
          if (li) li.querySelector('.number').textContent = c.current || '—';
        });
      })
      .catch(function () {});
  }

  function announce(call) {
    var li = document.querySelector('[data-counter="' + call.counter + '"]');
    if (li) {
      li.querySelector('.number').textContent = call.number;
      li.classList.add('just-called');
      setTimeout(function () {
        li.classList.remove('just-called');
      }, 10000);
    }
    var calls = document.getElementById('board-calls');
    var item = document.createElement('li');
    item.textContent =
      lang === 'vi'
        ? 'Mời công dân có số thứ tự ' + call.number + ' đến quầy số ' + call.counter
        : 'Ticket ' + call.number + ', please come to ' + counterLabel.replace('{n}', call.counter);
    calls.insertBefore(item, calls.firstChild);
    while (calls.children.length > 8) calls.removeChild(calls.lastChild);
    queue = queue
      .then(chime)
      .then(function () {
        return speak(call);
      })
      .then(function () {
        return speak(call);
      });
  }

  var source = new EventSource('/board/events');
  source.addEventListener('call', function (e) {
    announce(JSON.parse(e.data));
  });
  source.onopen = function () {
    offline.hidden = true;
    refresh();
  };
  source.onerror = function () {
    offline.hidden = false;
  };
})();
