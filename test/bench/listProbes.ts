/**
 * In-page measuring code for the list benchmark, as plain script text: functions passed to
 * `page.evaluate` from tsx-compiled code can carry helper references the page lacks.
 */

/** Installs recorders: the time of the last user input, of the last DOM change, and the longest task. */
export const INSTALL_PROBES = `(() => {
  if (window.__listBench) return;
  const bench = { input: 0, mutation: 0, longest: 0 };
  window.__listBench = bench;
  for (const type of ['input', 'change', 'click', 'keydown']) {
    document.addEventListener(type, () => { bench.input = performance.now(); }, true);
  }
  new MutationObserver(() => { bench.mutation = performance.now(); })
    .observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longest = Math.max(bench.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  } catch {}
})()`;

/**
 * Waits until the page has been quiet for 300 ms after the last input, then returns how long
 * after that input the DOM last changed (0 when it did not change at all).
 */
export const SETTLE = `new Promise((resolve) => {
  const bench = window.__listBench;
  const check = () => {
    const last = Math.max(bench.input, bench.mutation);
    if (performance.now() - last >= 300) resolve(Math.max(0, bench.mutation - bench.input));
    else setTimeout(check, 50);
  };
  setTimeout(check, 50);
})`;

export const RESET_LONGEST = `window.__listBench.longest = 0`;
export const LONGEST = `window.__listBench.longest`;

/** Clicks the Leads section and resolves with the ms until its first data row is in the DOM. */
export const NAVIGATE_TO_FIRST_ROW = `new Promise((resolve, reject) => {
  const button = [...document.querySelectorAll('nav button, nav a')].find((el) => el.textContent.trim() === 'Leads');
  if (!button) return reject(new Error('no Leads button in the navigation'));
  const found = () => document.querySelector('table[aria-label="Leads"] tbody tr[aria-rowindex="2"]');
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (found()) { observer.disconnect(); requestAnimationFrame(() => resolve(performance.now() - start)); }
  });
  observer.observe(document.body, { subtree: true, childList: true });
  button.click();
  if (found()) { observer.disconnect(); resolve(performance.now() - start); }
})`;

/** Baseline: a static 50k-row HTML table of the same columns, from string to painted frame. */
export const STATIC_TABLE = (rows: number) => `new Promise((resolve) => {
  const cells = [];
  for (let i = 0; i < ${rows}; i++) {
    cells.push('<tr><th scope="row"><a href="#' + i + '">Company ' + i + '</a></th><td>Dana Reyes</td><td>In progress</td><td>Yes</td><td>A</td><td>Direct</td></tr>');
  }
  const html = '<table><thead><tr><th>Company</th><th>Contact</th><th>Status</th><th>Qualified</th><th>Rating</th><th>Channel</th></tr></thead><tbody>' + cells.join('') + '</tbody></table>';
  const start = performance.now();
  document.body.innerHTML = html;
  void document.body.offsetHeight;
  requestAnimationFrame(() => resolve(performance.now() - start));
})`;

/** Baseline: the same search over a plain array in the page, each prefix of the text, p95 of the times to a painted frame. */
export const PLAIN_ARRAY_SEARCH = (rows: number, text: string) => `(async () => {
  const first = ['Dana', 'Lee', 'Ari', 'Sam', 'Noor', 'Kim', 'Jo', 'Ravi', 'Mia', 'Tom', 'Eva'];
  const last = ['Reyes', 'Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Silva', 'Novak'];
  const data = [];
  for (let i = 0; i < ${rows}; i++) {
    const contact = first[i % 11] + ' ' + last[i % 7];
    data.push({ company: 'Company ' + i, contact, email: contact.toLowerCase().replace(' ', '.') + '.' + i + '@example.com' });
  }
  const body = document.createElement('tbody');
  document.body.innerHTML = '';
  const table = document.createElement('table');
  table.append(body);
  document.body.append(table);
  const text = ${JSON.stringify(text)};
  const times = [];
  for (let n = 1; n <= text.length; n++) {
    const q = text.slice(0, n).toLowerCase();
    const start = performance.now();
    const hits = data.filter((r) => r.company.toLowerCase().includes(q) || r.contact.toLowerCase().includes(q) || r.email.toLowerCase().includes(q));
    body.innerHTML = hits.slice(0, 50).map((r) => '<tr><td>' + r.company + '</td><td>' + r.contact + '</td></tr>').join('');
    await new Promise((r) => requestAnimationFrame(() => r()));
    times.push(performance.now() - start);
  }
  return times;
})()`;
