(function () {
  // Print layout: apply the @media print rules to the screen, at the printed width.
  if (location.hash === '#print') {
    for (const sheet of document.styleSheets)
      for (const rule of [...sheet.cssRules])
        if (rule.media && rule.media.mediaText.includes('print')) rule.media.mediaText = 'all';
  }
  // On screen, every trace row open, as a reader following ids opens them.
  if (location.hash === '#screen')
    for (const t of document.querySelectorAll('tr.trace')) t.style.display = 'table-row';
  const bad = [];
  const cells = document.querySelectorAll('td, th');
  for (const c of cells) {
    if (c.scrollWidth > c.clientWidth + 1) {
      const where = (c.closest('tr') && c.closest('tr').id) || (c.closest('table') && c.closest('table').className) || '?';
      bad.push(where + ' | ' + c.textContent.replace(/\s+/g, ' ').slice(0, 50) + ' | ' + c.scrollWidth + '>' + c.clientWidth);
    }
  }
  const pre = document.createElement('pre');
  pre.id = 'isms-check';
  pre.textContent = JSON.stringify({ cells: cells.length, overflow: bad });
  document.body.append(pre);
})();
