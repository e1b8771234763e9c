// Interviews page: minutes to pass per interview over time (a point per interview; not passed is drawn
// at the top as ✗), hints as bars, a summary as the chart's name and the data as a table.
(function () {
  var canvas = document.getElementById('trend');
  if (!canvas) return;
  var points = JSON.parse(canvas.dataset.trend || '[]');
  var passed = points.filter(function (p) { return p.passed; });
  canvas.setAttribute('aria-label', 'Minutes to pass per interview: ' + points.length + ' interview(s), ' + passed.length + ' passed'
      + (passed.length ? ', the last passed in ' + passed[passed.length - 1].minutesToPass + ' minutes' : '') + '. The table below lists every interview.');
  window.KataGymCharts.table(document.getElementById('trend-text'), 'Interviews as a table',
      ['date (UTC)', 'kata', 'passed', 'minutes to pass', 'hints', 'attempts'],
      points.map(function (p) {
        return [p.date, p.kata, p.passed ? 'yes' : 'no', p.minutesToPass === null ? '—' : String(p.minutesToPass), String(p.hints), String(p.attempts)];
      }));
  if (!window.Chart) return;
  var labels = points.map(function (p) { return p.date + ' · ' + p.kata; });
  new Chart(canvas, {
    data: {
      labels: labels,
      datasets: [
        { type: 'line', label: 'minutes to pass', yAxisID: 'minutes', spanGaps: true, borderColor: '#0b6b4b', backgroundColor: '#0b6b4b',
          pointStyle: 'circle', pointRadius: 5, data: points.map(function (p) { return p.minutesToPass; }) },
        { type: 'bar', label: 'hints used', yAxisID: 'hints', backgroundColor: 'rgba(180, 35, 24, 0.45)',
          data: points.map(function (p) { return p.hints; }) }
      ]
    },
    options: {
      animation: false, maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'interview (date, UTC · kata)' } },
        minutes: { position: 'left', beginAtZero: true, title: { display: true, text: 'minutes to pass' } },
        hints: { position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false },
                 title: { display: true, text: 'hints used' } }
      }
    }
  });
})();
