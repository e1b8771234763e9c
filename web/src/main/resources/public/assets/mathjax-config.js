// MathJax reads this before it loads: $...$ inline, $$...$$ display (as in the statements).
window.MathJax = { tex: { inlineMath: [['$', '$']], displayMath: [['$$', '$$']] }, options: { enableMenu: false } };
