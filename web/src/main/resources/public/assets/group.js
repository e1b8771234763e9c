// Group page: the katas × members matrix as a grid (one Tab stop, arrow keys move between cells, a
// roving tabindex), and runs per day over the last 30 days as a chart with a text alternative.
(function () {
  var grid = document.getElementById('matrix');
  if (grid) {
    var rows = [].slice.call(grid.querySelectorAll('tr')).map(function (tr) {
      return [].slice.call(tr.querySelectorAll('td[role=gridcell] a'));
    }).filter(function (r) { return r.length; });
    var current = null;
    var make = function (link) {
      if (current) current.tabIndex = -1;
      current = link;
      current.tabIndex = 0;
    };
    rows.forEach(function (r) { r.forEach(function (a) { a.tabIndex = -1; }); });
    if (rows.length) make(rows[0][0]);
    var where = function (link) {
      for (var i = 0; i < rows.length; i++) {
        var j = rows[i].indexOf(link);
        if (j >= 0) return [i, j];
      }
      return null;
    };
    grid.addEventListener('focusin', function (e) { if (where(e.target)) make(e.target); });
    grid.addEventListener('keydown', function (e) {
      var at = where(e.target);
      if (!at) return;
      var r = at[0], c = at[1], last = rows[r].length - 1;
      switch (e.key) {
        case 'ArrowRight': c = Math.min(c + 1, last); break;
        case 'ArrowLeft': c = Math.max(c - 1, 0); break;
        case 'ArrowDown': r = Math.min(r + 1, rows.length - 1); break;
        case 'ArrowUp': r = Math.max(r - 1, 0); break;
        case 'Home': c = 0; if (e.ctrlKey) r = 0; break;
        case 'End': c = last; if (e.ctrlKey) r = rows.length - 1; break;
        case 'PageDown': r = rows.length - 1; break;
        case 'PageUp': r = 0; break;
        default: return;
      }
      e.preventDefault();
      var next = rows[r][Math.min(c, rows[r].length - 1)];
      make(next);
      next.focus();
    });
  }

  // runs per day, one bar per day of the last 30 (zero days included), labelled "2 Dec"
  var canvas = document.getElementById('activity');
  if (!canvas) return;
  var days = JSON.parse(canvas.dataset.activity || '[]');
  var label = function (day) {
    var d = new Date(day + 'T00:00:00Z');
    return isNaN(d) ? day : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  };
  var total = days.reduce(function (s, d) { return s + d.runs; }, 0);
  var busiest = days.reduce(function (b, d) { return !b || d.runs > b.runs ? d : b; }, null);
  var active = days.filter(function (d) { return d.runs > 0; }).length;
  canvas.setAttribute('aria-label', 'Runs uploaded per day over the last ' + days.length + ' days: ' + total + ' run(s) on ' + active + ' day(s)'
      + (busiest && busiest.runs > 0 ? ', the most on ' + label(busiest.day) + ' (' + busiest.runs + ')' : '') + '. The table below lists every day.');
  window.KataGymCharts.table(document.getElementById('activity-text'), 'Runs per day as a table', ['day (UTC)', 'runs'],
      days.map(function (d) { return [label(d.day), String(d.runs)]; }));
  if (!window.Chart) return;
  new Chart(canvas, {
    type: 'bar',
    data: { labels: days.map(function (d) { return label(d.day); }),
            datasets: [{ label: 'runs', data: days.map(function (d) { return d.runs; }), backgroundColor: '#3b5bdb',
                         maxBarThickness: 18, minBarLength: 0 }] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
               scales: { x: { title: { display: true, text: 'day (UTC)' }, grid: { display: false },
                               // a label a week, counted back from today, so today is always named
                               ticks: { autoSkip: false, maxRotation: 0, callback: function (value, i) {
                                 return (days.length - 1 - i) % 7 === 0 ? this.getLabelForValue(value) : ''; } } },
                         y: { beginAtZero: true, title: { display: true, text: 'runs' }, ticks: { precision: 0 } } } }
  });
})();
