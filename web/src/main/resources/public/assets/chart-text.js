// Text for the charts: a summary as the canvas's accessible name, and the data as a table behind a
// toggle (a <details>), so what a chart shows can be read without seeing it. Shared by kata.js and group.js.
window.KataGymCharts = (function () {
  function cell(tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }
  return {
    /** Writes a table of rows (arrays of strings) under headers into a <details> in container. */
    table: function (container, summary, headers, rows) {
      if (!container) return;
      var details = document.createElement('details');
      details.className = 'chart-data';
      details.appendChild(cell('summary', summary));
      var table = document.createElement('table');
      table.className = 'runs';
      var head = document.createElement('tr');
      headers.forEach(function (h) { var th = cell('th', h); th.scope = 'col'; head.appendChild(th); });
      table.appendChild(head);
      rows.forEach(function (r) {
        var tr = document.createElement('tr');
        r.forEach(function (v, i) { tr.appendChild(cell('td', v, i > 0 && /^[0-9]+$/.test(v) ? 'num' : null)); });
        table.appendChild(tr);
      });
      details.appendChild(table);
      container.appendChild(details);
    },
    /** A legend in words, each item with its symbol: [[symbol, word, class]]. */
    legend: function (container, items) {
      if (!container) return;
      var ul = document.createElement('ul');
      ul.className = 'chart-legend';
      items.forEach(function (it) { ul.appendChild(cell('li', it[0] + ' ' + it[1], it[2])); });
      container.appendChild(ul);
    },
    /** A small canvas with a glyph, for Chart.js's pointStyle: the status as a shape, not a hue alone. */
    glyph: function (symbol, colour) {
      var size = 18, ratio = window.devicePixelRatio || 1;
      var c = document.createElement('canvas');
      c.width = size * ratio; c.height = size * ratio;
      c.style.width = size + 'px'; c.style.height = size + 'px';
      var g = c.getContext('2d');
      g.scale(ratio, ratio);
      g.fillStyle = '#ffffff';
      g.beginPath(); g.arc(size / 2, size / 2, size / 2 - 1, 0, 2 * Math.PI); g.fill();
      g.lineWidth = 1.5; g.strokeStyle = colour; g.stroke();
      g.fillStyle = colour;
      g.font = 'bold 13px sans-serif'; g.textAlign = 'center'; g.textBaseline = 'middle';
      g.fillText(symbol, size / 2, size / 2 + 1);
      return c;
    }
  };
})();
