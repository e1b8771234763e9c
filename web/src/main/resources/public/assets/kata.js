// Kata page: the statement, the attempts and the hints as tabs (arrow keys move between them, the
// address's #fragment picks one); hints revealed one at a time through the store ./kata hint shares;
// the attempts as a step chart with a summary and the data as a table.
(function () {
  // ---- tabs: without this script every panel shows, one after the other
  var tablist = document.getElementById('kata-tabs');
  var tabs = tablist ? [].slice.call(tablist.querySelectorAll('[role=tab]')) : [];
  var panelOf = function (tab) { return document.getElementById(tab.getAttribute('aria-controls')); };
  var select = function (tab, focus) {
    tabs.forEach(function (t) {
      var on = t === tab;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.tabIndex = on ? 0 : -1;
      panelOf(t).hidden = !on;
    });
    if (focus) tab.focus();
    // a chart drawn while its panel was hidden has no size yet
    if (window.Chart) [].forEach.call(panelOf(tab).querySelectorAll('canvas'), function (c) {
      var chart = window.Chart.getChart(c);
      if (chart) chart.resize();
    });
  };
  // the tab whose panel holds the element a #fragment names (#attempts, #hints, #derivation, ...)
  var tabFor = function (id) {
    var target = id && document.getElementById(id);
    var panel = target && target.closest('[role=tabpanel]');
    return panel ? tabs.filter(function (t) { return panelOf(t) === panel; })[0] : null;
  };
  if (tabs.length) {
    tablist.hidden = false;
    document.body.classList.add('with-tabs');
    select(tabFor(location.hash.slice(1)) || tabs[0], false);
    tabs.forEach(function (t) { t.addEventListener('click', function () { select(t, false); }); });
    tablist.addEventListener('keydown', function (e) {
      var i = tabs.indexOf(document.activeElement);
      if (i < 0) return;
      var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
    var follow = function (id) {
      var tab = tabFor(id);
      if (!tab) return false;
      select(tab, false);
      var target = document.getElementById(id);
      if (target.tagName === 'DETAILS') target.open = true;
      if (target.getAttribute('role') !== 'tabpanel') target.scrollIntoView();
      return true;
    };
    window.addEventListener('hashchange', function () { follow(location.hash.slice(1)); });
    // in-page links (the failure summary's "see the failure", the hints' "Open the Derivation")
    document.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('a[href^="#"]');
      if (!a || a.classList.contains('skip')) return;
      if (follow(a.getAttribute('href').slice(1))) {
        e.preventDefault();
        history.replaceState(null, '', a.getAttribute('href'));
      }
    });
  }

  // ---- hints: one more per press, written to .kata/hints.json by the server (shared with ./kata hint)
  var form = document.getElementById('hint-form');
  var button = document.getElementById('reveal-hint');
  if (form && button) {
    var hints = document.querySelectorAll('#hint-list .hint');
    var count = document.getElementById('hint-count');
    var show = function (shown) {
      for (var i = 0; i < hints.length; i++) if (i < shown) hints[i].hidden = false;
      if (count) count.textContent = Math.min(shown, hints.length) + '/' + hints.length;
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
    var token = document.querySelector('meta[name="csrf-token"]');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (button.disabled || button.getAttribute('aria-busy') === 'true') return;
      button.setAttribute('aria-busy', 'true');
      var headers = { 'Accept': 'application/json' };
      if (token) headers['X-CSRF-Token'] = token.getAttribute('content');
      fetch(form.action, { method: 'POST', headers: headers, body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
        .then(function (answer) { show(answer.shown); })
        .catch(function (err) {
          var note = document.getElementById('hint-error');
          if (note) note.textContent = 'The hint could not be revealed (' + err.message + '): reload the page and try again.';
        })
        .then(function () { button.removeAttribute('aria-busy'); });
    });
  }

  // ---- a statement wider than a phone scrolls sideways: keyboard users must be able to reach it too
  var statement = document.getElementById('statement');
  var scrollable = function () {
    if (!statement) return;
    // a display formula wider than its box scrolls inside it (app.css): make it reachable by keyboard
    // (an inline one wider than its line gets a box of its own first: class "wide")
    [].forEach.call(statement.querySelectorAll('mjx-container:not([display="true"])'), function (m) {
      if (!m.classList.contains('wide') && m.getBoundingClientRect().width > m.parentElement.clientWidth + 1) m.classList.add('wide');
    });
    [].forEach.call(statement.querySelectorAll('mjx-container[display="true"], mjx-container.wide'), function (m) {
      if (m.scrollWidth > m.clientWidth + 1) {
        m.tabIndex = 0;
        m.setAttribute('role', 'region');
        m.setAttribute('aria-label', 'Formula, scrolls sideways');
      } else if (m.getAttribute('role') === 'region') {
        m.removeAttribute('tabindex');
        m.removeAttribute('role');
        m.removeAttribute('aria-label');
      }
    });
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

  // ---- the attempts: checks passed per graded attempt, as steps (a count does not glide between runs:
  // 'before' holds each attempt's count until the next attempt, then steps)
  var canvas = document.getElementById('attempts-chart');
  if (!canvas) return;
  var attempts = JSON.parse(canvas.dataset.attempts || '[]');
  var charts = window.KataGymCharts;
  var time = window.KataGymTime;
  var symbol = { passed: '✓', failed: '✗' };
  var colour = { passed: '#0b6b4b', failed: '#b42318' };
  var when = function (a) { return time ? time.local(a.generatedAt) : a.generatedAt; };
  var last = attempts[attempts.length - 1];
  if (last) {
    var counts = attempts.map(function (a) { return a.checksPassed; });
    canvas.setAttribute('aria-label', 'Checks passed per graded attempt, ' + attempts.length + ' attempt(s): from '
        + counts[0] + ' to ' + counts[counts.length - 1] + ' of ' + last.checksTotal + ' (best ' + Math.max.apply(null, counts)
        + '); the last attempt, ' + when(last) + ', ' + last.status + '. The table below lists every attempt.');
  }
  var text = document.getElementById('attempts-text');
  charts.legend(text, [['✓', 'passed', 'passed'], ['✗', 'failed', 'failed']]);
  charts.table(text, 'Attempts as a table', ['attempt', 'when', 'status', 'checks passed'],
      attempts.map(function (a, i) {
        return [String(i + 1), when(a), (symbol[a.status] || '') + ' ' + a.status, a.checksPassed + ' of ' + a.checksTotal];
      }));
  if (!window.Chart) return;
  var most = attempts.reduce(function (m, a) { return Math.max(m, a.checksTotal, a.checksPassed); }, 1);
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: attempts.map(function (a, i) { return String(i + 1); }),
      datasets: [{
        label: 'checks passed',
        data: attempts.map(function (a) { return a.checksPassed; }),
        pointStyle: attempts.map(function (a) { return charts.glyph(symbol[a.status] || '?', colour[a.status] || '#4b5565'); }),
        borderColor: '#3b5bdb', borderWidth: 2, stepped: 'before', tension: 0, pointRadius: 9, clip: false
      }]
    },
    options: {
      animation: false, maintainAspectRatio: false, layout: { padding: { top: 12, right: 16 } },
      scales: {
        x: { offset: true, title: { display: true, text: 'attempt' }, ticks: { autoSkip: true, maxRotation: 0 } },
        y: { beginAtZero: true, suggestedMax: most, title: { display: true, text: 'checks passed' }, ticks: { precision: 0 } }
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: {
          title: function (items) { var a = attempts[items[0].dataIndex]; return 'attempt ' + (items[0].dataIndex + 1) + ', ' + when(a); },
          label: function (item) {
            var a = attempts[item.dataIndex];
            return (symbol[a.status] || '') + ' ' + a.status + ': ' + a.checksPassed + ' of ' + a.checksTotal + ' checks passed';
          } } }
      }
    }
  });
})();
