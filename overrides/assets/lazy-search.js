// Load the search index only when the reader opens search.
// Material requests search/search_index.json (about 300 KB) as soon as any page loads; most readers
// never search, so the request waits until the search box first gets focus (click, "/" or "s" key).
// Loaded before Material's bundle (overrides/main.html), which makes the request with XMLHttpRequest.
(() => {
  const INDEX = /\/search\/search_index\.json(?:[?#].*)?$/;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const waiting = [];
  let searching = false;

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.__searchIndex = INDEX.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.__searchIndex && !searching) {
      waiting.push(() => send.apply(this, args));
      return;
    }
    return send.apply(this, args);
  };
  document.addEventListener("focusin", (event) => {
    if (searching || !event.target.matches || !event.target.matches("[data-md-component=search-query]")) return;
    searching = true;
    waiting.splice(0).forEach((start) => start());
  });
})();
