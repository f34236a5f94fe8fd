// Accessibility fixes for what Material's own script builds at run time (build-time ones: autograd_docs/a11y_hooks.py).
// Material 9.8 puts each code block's copy button in a <nav class="md-code__nav">, all unnamed: a screen reader's
// list of landmarks showed a row of identical "navigation" entries. Each one is named after its code block, in
// the page's language ("Code block 3" / "代码块 3"); <nav> may not take another role, so the landmark stays.
(function () {
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  var count = 0;
  function fix(root) {
    root.querySelectorAll("nav.md-code__nav:not([aria-label])").forEach(function (nav) {
      count += 1;
      nav.setAttribute("aria-label", (zh ? "代码块 " : "Code block ") + count);
    });
  }
  fix(document);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) { if (node.nodeType === 1) fix(node.parentElement || node); });
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
