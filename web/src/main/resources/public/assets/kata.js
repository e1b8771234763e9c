// Kata page: reveal hints one at a time, and draw the attempt history.
(function () {
  var button = document.getElementById('reveal-hint');
  if (button) {
    var hints = document.querySelectorAll('#hints .hint');
    var update = function () {
      var shown = document.querySelectorAll('#hints .hint:not([hidden])').length;
      if (shown >= hints.length) {
        button.disabled = true;
        button.textContent = hints.length ? 'No more hints' : 'No hints for this kata';
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
  var canvas = document.getElementById('attempts');
  if (canvas && window.Chart) {
    var attempts = JSON.parse(canvas.dataset.attempts || '[]');
    var colour = { passed: '#12805c', failed: '#c0362c', pending: '#b7791f' };
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: attempts.map(function (a) { return a.generatedAt.replace('T', ' ').substring(0, 16); }),
        datasets: [{
          label: 'checks passed',
          data: attempts.map(function (a) { return a.checksPassed; }),
          pointBackgroundColor: attempts.map(function (a) { return colour[a.status] || '#667085'; }),
          borderColor: '#3b5bdb', tension: 0.2
        }]
      },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } }
    });
  }
})();
