// MathJax on an interview page: only the questions and the model answers (class mathjax_process) are
// typeset. The learner's written answers sit outside those regions (and the body is mathjax_ignore), so
// what they typed is shown as plain text, never read as TeX.
window.MathJax = {
  loader: { load: ['ui/safe'] },
  tex: { inlineMath: [['$', '$']], displayMath: [['$$', '$$']] },
  startup: { elements: ['.question.mathjax_process', '.model.mathjax_process'] },
  options: { enableMenu: false, ignoreHtmlClass: 'mathjax_ignore', processHtmlClass: 'mathjax_process' }
};
