// Draws the insights charts with the vendored Chart.js from the JSON the page carries.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  var palette = ["#0b7a75", "#e07a1f", "#3559b7", "#b0306a", "#6a8e23", "#7a5cc2"];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var chart = data[canvas.getAttribute("data-chart")];
    var kind = canvas.getAttribute("data-kind");
    var names = Object.keys(chart.series);
    var datasets = names.map(function (name, i) {
      return {
        label: name || canvas.getAttribute("aria-label"),
        data: chart.series[name],
        backgroundColor: palette[i % palette.length],
        borderColor: palette[i % palette.length],
        tension: 0.2
      };
    });
    canvas.chart = new window.Chart(canvas, {
      type: kind,
      data: { labels: chart.labels, datasets: datasets },
      options: {
        responsive: true,
        animation: false,
        indexAxis: kind === "bar" && chart.labels.length > 6 ? "y" : "x",
        plugins: { legend: { display: names.length > 1 || names[0] !== "" } },
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } }
      }
    });
  });
})();
