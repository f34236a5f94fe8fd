// Accessibility fixes for what Material's own script builds at run time (build-time ones: autograd_docs/a11y_hooks.py).
// Material 9.8 puts each code block's copy button in a <nav class="md-code__nav">: a page with 20 code blocks
// announces 20 unnamed "navigation" landmarks. A button group beside a code block is not site navigation, so it
// leaves the landmark list (the copy buttons themselves keep their names and stay in the Tab order).
(function () {
  function fix(root) {
    root.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "group");
      nav.setAttribute("aria-label", nav.closest("[lang|=zh]") || document.documentElement.lang.indexOf("zh") === 0 ? "代码操作" : "Code actions");
    });
  }
  fix(document);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) { if (node.nodeType === 1) fix(node.parentElement || node); });
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
