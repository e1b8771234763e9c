// Times as people read them: every <time datetime="ISO"> the server wrote in UTC ("2 Dec 2026, 07:40 UTC")
// is shown in the viewer's own time zone, with how long ago ("3 hours ago"). data-form="full" keeps the
// date and time and adds the relative form; otherwise the relative form is shown and the date is in the title.
window.KataGymTime = (function () {
  var units = [['year', 365 * 86400], ['month', 30 * 86400], ['week', 7 * 86400], ['day', 86400], ['hour', 3600], ['minute', 60]];
  var local = function (iso) {
    var d = new Date(iso);
    if (isNaN(d)) return iso;
    return d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  };
  var ago = function (iso, now) {
    var d = new Date(iso);
    if (isNaN(d)) return '';
    var seconds = Math.round(((now || Date.now()) - d.getTime()) / 1000);
    if (Math.abs(seconds) < 60) return 'just now';
    var rtf = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null;
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(seconds) >= units[i][1] || i === units.length - 1) {
        var n = -Math.round(seconds / units[i][1]);
        return rtf ? rtf.format(n, units[i][0]) : Math.abs(n) + ' ' + units[i][0] + (Math.abs(n) === 1 ? '' : 's') + (n < 0 ? ' ago' : ' from now');
      }
    }
    return '';
  };
  var render = function (root) {
    [].forEach.call((root || document).querySelectorAll('time[datetime]'), function (el) {
      var iso = el.getAttribute('datetime');
      if (isNaN(new Date(iso))) return;
      var full = local(iso);
      var relative = ago(iso);
      el.title = full;
      el.textContent = el.dataset.form === 'full' ? full + ' (' + relative + ')' : relative;
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { render(); });
  else render();
  return { local: local, ago: ago, render: render };
})();
