//! The CSS of every patuh HTML document: screen, phone and A4 print (docs/FORMAT.md §The HTML
//! report carries the same file).

/// The report style sheet, inlined in every document's `<style>`.
pub(super) const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #111; background: #fff; }
main { max-width: 190mm; margin: 0 auto; padding: 10mm 6mm; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 13.5pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #444; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
h4 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
p { margin: 3pt 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; }
th, td { border: 1px solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
thead { display: table-header-group; }
tr.sec th { background: #f4f4f4; font-weight: bold; }
tr, li, .card, .sign, .sign > div { break-inside: avoid; }
td, th, dd, li, p, h1, h2, h3, h4 { overflow-wrap: break-word; }
bdi, a, .pre { overflow-wrap: anywhere; }
bdi { unicode-bidi: isolate; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.pre { white-space: pre-wrap; }
.small { font-size: 9pt; font-weight: normal; color: #333; }
.card { border: 1.5pt solid #444; border-radius: 6pt; padding: 6pt 12pt; margin: 8pt 0; }
.score { font-size: 28pt; font-weight: bold; margin: 0; }
.badge { display: inline-block; padding: 1pt 8pt; border: 1px solid #000; border-radius: 4pt; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.zone-hijau { background: #1b5e20; color: #fff; }
.zone-kuning { background: #ffd54f; color: #000; }
.zone-merah { background: #b71c1c; color: #fff; }
.zone-hitam { background: #000; color: #fff; }
.prov { border: 1.5pt dashed #000; background: #fff; color: #000; }
.flag { font-weight: bold; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 4pt 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
ul, ol { margin: 2pt 0; padding-left: 16pt; }
td ul { margin: 0; padding-left: 12pt; }
.sign { display: flex; justify-content: space-between; gap: 16mm; margin-top: 24pt; }
.sign > div { flex: 1; }
.sign .space { height: 22mm; }
.appendix { break-before: page; }
footer { margin-top: 16pt; border-top: 1px solid #888; padding-top: 4pt; }
@page { size: A4; margin: 18mm 15mm 20mm 15mm; }
@media screen and (max-width: 40rem) {
  body { font-size: 10.5pt; }
  main { padding: 4mm 3mm; }
  .score { font-size: 22pt; }
  /* The report's tables become stacked rows, each cell led by its column's name (`data-label`),
     so nothing is hidden and nothing is wider than the phone; any other wide table scrolls
     sideways by itself. The page never does, and no word is split. */
  table:not(.stack) { table-layout: auto; display: block; overflow-x: auto; }
  th, td { padding: 2pt 3pt; }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: auto; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack tr { border: 1px solid #888; border-radius: 3pt; margin: 0 0 4pt; padding: 2pt 5pt; }
  table.stack tr.sec { background: #e8e8e8; border-color: #e8e8e8; }
  table.stack th, table.stack td { border: 0; padding: 1pt 0; text-align: left; }
  table.stack td:empty { display: none; }
  table.stack td[data-label]::before { content: attr(data-label); display: block; font-size: 8.5pt; font-weight: bold; color: #333; }
  table.stack td.num { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 8pt; white-space: normal; }
  table.stack td.num::before { display: inline; }
  td, th, dd, li, p { overflow-wrap: break-word; hyphens: auto; }
  dl.facts { grid-template-columns: 1fr; }
  .sign { flex-direction: column; gap: 8mm; }
}
.badge { white-space: nowrap; }
@media print {
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  a { color: #000; }
}
"#;
