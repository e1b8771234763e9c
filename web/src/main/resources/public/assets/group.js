// Group page: runs per day over the last 30 days.
(function () {
  var canvas = document.getElementById('activity');
  if (!canvas || !window.Chart) return;
  var days = JSON.parse(canvas.dataset.activity || '[]');
  new Chart(canvas, {
    type: 'bar',
    data: { labels: days.map(function (d) { return d.day; }),
            datasets: [{ label: 'runs', data: days.map(function (d) { return d.runs; }), backgroundColor: '#3b5bdb' }] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
               scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
