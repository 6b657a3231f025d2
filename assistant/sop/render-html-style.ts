// The report page's stylesheet: screen and A4 print, no web fonts or other requests.
export const reportStyle = `
*{box-sizing:border-box}
body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1c2430;margin:0;background:#f4f6f8}
main{max-width:980px;margin:0 auto;padding:24px;background:#fff}
h1{font-size:22px;margin:0 0 6px}
h2{font-size:17px;margin:26px 0 8px;padding-bottom:4px;border-bottom:2px solid #2f6f9f;break-after:avoid}
h3{font-size:14px;margin:14px 0 6px;break-after:avoid}
.meta{color:#566170;margin:0 0 12px;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px}
.headline{font-size:16px;font-weight:600;margin:6px 0 10px}
.not-available{color:#8a4b00;background:#fff6e5;border-left:4px solid #e0a030;padding:6px 10px;font-style:italic}
.ungrounded{color:#8a1c1c;background:#fdecec;border-left:4px solid #c43c3c;padding:6px 10px}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px}
.kpi{border:1px solid #d5dbe2;border-radius:6px;padding:8px 10px;break-inside:avoid}
.kpi .name{color:#566170;font-size:12px}
.kpi .value{font-size:19px;font-weight:650}
.kpi .previous{color:#566170;font-size:12px}
.kpi .change.better{color:#1d7a3a}
.kpi .change.worse{color:#b3261e}
.kpi .change.same,.kpi .change.unknown{color:#566170}
table{border-collapse:collapse;width:100%;margin:4px 0 12px;font-size:12px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid #e2e6eb;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eef2f6;font-weight:600}
td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}
tr{break-inside:avoid}
.empty{color:#566170;margin:2px 0 12px}
.charts{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0 10px}
figure{margin:0;break-inside:avoid}
figcaption{font-weight:600;font-size:12px;margin:0 0 2px}
svg.chart{max-width:100%;height:auto;font-size:11px}
svg.chart .label,svg.chart .value,svg.chart .legend{fill:#1c2430}
svg.chart .bar-primary{fill:#2f6f9f}
svg.chart .bar-secondary{fill:#a9bccc}
svg.chart .bar-warning{fill:#d9822b}
svg.chart .axis{stroke:#8895a3}
svg.chart .whisker{stroke:#1c2430;stroke-width:1.5}
svg.chart .reference{stroke:#b3261e;stroke-dasharray:4 3}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{background:#fff;font-size:10.5px}
  main{max-width:none;padding:0}
  h2{break-before:auto}
  .kpis{grid-template-columns:repeat(4,1fr)}
  section{break-inside:auto}
  .charts{break-inside:avoid}
}
`;
