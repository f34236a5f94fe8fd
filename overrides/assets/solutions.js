// Exercise notebooks: fold each solution cell (nbconvert gives it the class celltag_solution)
// into a <details> element, so the reader opens it only after predicting. Without JS it stays visible.
(function () {
  var label = document.documentElement.lang.indexOf("zh") === 0 ? "显示答案" : "Show solution";
  document.querySelectorAll(".jp-Cell.celltag_solution").forEach(function (cell) {
    // mkdocs-jupyter nests the cell div of nbconvert in one of its own with the same classes: fold the outer one.
    if (cell.parentElement.closest(".celltag_solution")) return;
    var details = document.createElement("details");
    details.className = "solution";
    var summary = document.createElement("summary");
    summary.textContent = label;
    details.appendChild(summary);
    while (cell.firstChild) details.appendChild(cell.firstChild);
    cell.appendChild(details);
  });
})();
