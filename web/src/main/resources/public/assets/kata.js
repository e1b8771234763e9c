// Kata page: reveal hints one at a time (announced in a polite live region), and draw the attempt
// history with a symbol per point, a legend in words, a summary and the data as a table.
(function () {
  var button = document.getElementById('reveal-hint');
  if (button) {
    var hints = document.querySelectorAll('#hints .hint');
    var update = function () {
      var shown = document.querySelectorAll('#hints .hint:not([hidden])').length;
      if (shown >= hints.length) {
        var hadFocus = document.activeElement === button;
        button.disabled = true;
        button.textContent = hints.length ? 'No more hints' : 'No hints for this kata';
        // a disabled button drops focus to the page's start: move it to the last hint instead
        if (hadFocus && hints.length) {
          var lastHint = hints[hints.length - 1];
          lastHint.tabIndex = -1;
          lastHint.focus();
        }
      } else {
        button.textContent = 'Show hint ' + (shown + 1) + ' of ' + hints.length;
      }
    };
    button.addEventListener('click', function () {
      var next = document.querySelector('#hints .hint[hidden]');
      if (next) next.hidden = false;
      update();
    });
    update();
  }

  // a statement wider than a phone scrolls sideways: keyboard users must be able to reach it too
  var statement = document.getElementById('statement');
  var scrollable = function () {
    if (!statement) return;
    if (statement.scrollWidth > statement.clientWidth + 1) {
      statement.tabIndex = 0;
      statement.setAttribute('role', 'region');
      statement.setAttribute('aria-label', 'Statement');
    } else if (statement.getAttribute('role') === 'region') {
      statement.removeAttribute('tabindex');
      statement.removeAttribute('role');
      statement.removeAttribute('aria-label');
    }
  };
  scrollable();
  window.addEventListener('resize', scrollable);
  window.addEventListener('load', function () {
    scrollable();
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) MathJax.startup.promise.then(scrollable);
  });

  var canvas = document.getElementById('attempts');
  if (!canvas) return;
  var attempts = JSON.parse(canvas.dataset.attempts || '[]');
  var charts = window.KataGymCharts;
  var symbol = { passed: '✓', failed: '✗', pending: '·' };
  var colour = { passed: '#0b6b4b', failed: '#b42318', pending: '#8a4b00' };
  var when = function (a) { return a.generatedAt.replace('T', ' ').substring(0, 16); };
  var last = attempts[attempts.length - 1];
  if (last) {
    var counts = attempts.map(function (a) { return a.checksPassed; });
    canvas.setAttribute('aria-label', 'Checks passed per attempt, ' + attempts.length + ' attempt(s): from '
        + counts[0] + ' to ' + counts[counts.length - 1] + ' (best ' + Math.max.apply(null, counts) + '); the last attempt, '
        + when(last) + ' UTC, ' + last.status + '. The table below lists every attempt.');
  }
  var text = document.getElementById('attempts-text');
  charts.legend(text, [['✓', 'passed', 'passed'], ['✗', 'failed', 'failed'], ['·', 'pending', 'pending']]);
  charts.table(text, 'Attempts as a table', ['when (UTC)', 'status', 'checks passed'],
      attempts.map(function (a) { return [when(a), (symbol[a.status] || '') + ' ' + a.status, String(a.checksPassed)]; }));
  if (!window.Chart) return;
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: attempts.map(when),
      datasets: [{
        label: 'checks passed',
        data: attempts.map(function (a) { return a.checksPassed; }),
        pointStyle: attempts.map(function (a) { return charts.glyph(symbol[a.status] || '?', colour[a.status] || '#4b5565'); }),
        borderColor: '#3b5bdb', tension: 0.2, pointRadius: 9, clip: false
      }]
    },
    options: {
      animation: false, maintainAspectRatio: false, layout: { padding: { top: 12, right: 12 } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: function (item) {
          var a = attempts[item.dataIndex];
          return (symbol[a.status] || '') + ' ' + a.status + ': ' + a.checksPassed + ' check(s) passed';
        } } }
      }
    }
  });
})();
