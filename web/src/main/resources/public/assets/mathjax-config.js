// MathJax reads this before it loads: $...$ inline, $$...$$ display (as in the statements).
// Only the kata statement is typeset: the page body carries mathjax_ignore and the statement
// mathjax_process, and startup looks at #statement alone, so text from a report (check names,
// messages, inputs, member names) is never read as TeX. The safe extension filters what TeX may
// do even there (no javascript: links, no \style or \class beyond a harmless set).
window.MathJax = {
  loader: { load: ['ui/safe'] },
  tex: { inlineMath: [['$', '$']], displayMath: [['$$', '$$']] },
  startup: { elements: ['#statement'] },
  options: { enableMenu: false, ignoreHtmlClass: 'mathjax_ignore', processHtmlClass: 'mathjax_process' }
};
