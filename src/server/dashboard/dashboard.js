/* The gateway's dashboard: every widget live over graphql-ws (widgetUpdated), drawn with Chart.js. */
(() => {
  const KEY_STORAGE = 'connec-dashboard-key';
  const httpUrl = new URL('/graphql', location.href).toString();
  const wsUrl = httpUrl.replace(/^http/, 'ws');
  const $ = (selector) => document.querySelector(selector);
  const el = (tag, attrs = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    for (const child of [].concat(children)) node.append(child instanceof Node ? child : String(child ?? ''));
    return node;
  };
  const money = (value) =>
    value === null || value === undefined
      ? ''
      : Number(value).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const number = (value) => Number(value ?? 0);
  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

  function table(headers, rows, numeric = []) {
    const head = el(
      'tr',
      {},
      headers.map((h, i) => el('th', numeric.includes(i) ? { class: 'num' } : {}, h)),
    );
    const body = rows.map((row) =>
      el(
        'tr',
        row.className ? { class: row.className } : {},
        (row.cells || row).map((cell, i) => el('td', numeric.includes(i) ? { class: 'num' } : {}, cell)),
      ),
    );
    return el('table', {}, [el('thead', {}, head), el('tbody', {}, body)]);
  }

  const charts = new Map();
  function chart(section, name, config) {
    let holder = section.querySelector('.chart');
    if (!holder) {
      holder = el('div', { class: 'chart' }, el('canvas', { 'data-chart': name }));
      section.querySelector('.body').before(holder);
    }
    const existing = charts.get(name);
    if (existing) {
      existing.data = config.data;
      existing.update('none');
      return;
    }
    config.options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      ...(config.options || {}),
    };
    charts.set(name, new Chart(holder.querySelector('canvas'), config));
  }
  const dataset = (label, data, i, extra = {}) => ({
    label,
    data,
    backgroundColor: COLORS[i % COLORS.length],
    borderColor: COLORS[i % COLORS.length],
    ...extra,
  });

  /** Each widget: its subscription selection, its arguments from the period picker, and how to draw it. */
  const WIDGETS = [
    {
      name: 'INVOICE_SUMMARY',
      title: 'Invoices: aged receivables and payables',
      args: (s) => ({ from: s.from, to: s.to }),
      selection:
        'invoiceSummary { baseCurrency to currencies { currency receivables { due overdue overdueCount unallocatedCredit byStatus { status count total } aged { label amount } } payables { due overdue aged { label amount } } } }',
      render(section, r) {
        const c = r.currencies.find((x) => x.currency === r.baseCurrency) || r.currencies[0];
        if (!c) return section.querySelector('.body').replaceChildren('No invoices.');
        chart(section, 'INVOICE_SUMMARY', {
          type: 'bar',
          data: {
            labels: c.receivables.aged.map((b) => b.label),
            datasets: [
              dataset(
                `Receivables (${c.currency})`,
                c.receivables.aged.map((b) => number(b.amount)),
                0,
              ),
              dataset(
                `Payables (${c.currency})`,
                c.payables.aged.map((b) => number(b.amount)),
                1,
              ),
            ],
          },
        });
        const rows = r.currencies.flatMap((x) =>
          x.receivables.byStatus.map((s) => [x.currency, s.status, s.count, money(s.total)]),
        );
        section
          .querySelector('.body')
          .replaceChildren(
            el(
              'p',
              {},
              `Due ${money(c.receivables.due)} ${c.currency}, overdue ${money(c.receivables.overdue)} (${c.receivables.overdueCount} invoices); unallocated credit ${money(c.receivables.unallocatedCredit)}.`,
            ),
            table(['Currency', 'Status', 'Invoices', 'Total'], rows, [2, 3]),
          );
      },
    },
    {
      name: 'INVOICE_LIST',
      title: 'Invoice list: customers',
      args: (s) => ({ from: s.from, to: s.to, entity: 'CUSTOMERS', limit: 10, invoicesPerContact: 3 }),
      selection:
        'invoiceList { contacts { name currency invoiceCount invoiced paid due invoices { number } } }',
      render(section, r) {
        section.querySelector('.body').replaceChildren(
          table(
            ['Customer', 'Cur.', 'Invoices', 'Invoiced', 'Paid', 'Due'],
            r.contacts.map((c) => [
              c.name,
              c.currency,
              c.invoiceCount,
              money(c.invoiced),
              money(c.paid),
              money(c.due),
            ]),
            [2, 3, 4, 5],
          ),
        );
      },
    },
    {
      name: 'SALES_GROWTH',
      title: 'Sales growth per item (net value)',
      args: (s) => ({
        from: s.from,
        to: s.to,
        period: s.period,
        metric: 'NET_VALUE',
        direction: 'SOLD',
        limit: 5,
      }),
      selection: 'salesGrowth { periods series { name currency total values } }',
      render(section, r) {
        chart(section, 'SALES_GROWTH', {
          type: 'line',
          data: {
            labels: r.periods,
            datasets: r.series.map((s, i) =>
              dataset(`${s.name} (${s.currency ?? ''})`, s.values.map(number), i),
            ),
          },
        });
        section.querySelector('.body').replaceChildren(
          table(
            ['Item', 'Cur.', 'Total'],
            r.series.map((s) => [s.name, s.currency, money(s.total)]),
            [2],
          ),
        );
      },
    },
    {
      name: 'ACCOUNT_BALANCES',
      title: 'Bank account balances',
      args: (s) => ({ from: s.from, to: s.to, period: s.period }),
      selection: 'accountBalances { currency periods { end } accounts { code name balances } }',
      render(section, r) {
        chart(section, 'ACCOUNT_BALANCES', {
          type: 'line',
          data: {
            labels: r.periods.map((p) => p.end),
            datasets: r.accounts.map((a, i) => dataset(`${a.name}`, a.balances.map(number), i)),
          },
        });
        section.querySelector('.body').replaceChildren(
          table(
            ['Account', `Balance at ${r.periods.at(-1)?.end ?? ''}`],
            r.accounts.map((a) => [`${a.code ?? ''} ${a.name}`, money(a.balances.at(-1))]),
            [1],
          ),
        );
      },
    },
    {
      name: 'ACCOUNTS_COMPARISON',
      title: 'Accounts comparison',
      args: (s) => ({ date: s.to }),
      selection: 'accountsComparison { date accounts { code name balance } }',
      render(section, r) {
        chart(section, 'ACCOUNTS_COMPARISON', {
          type: 'bar',
          data: {
            labels: r.accounts.map((a) => a.name),
            datasets: [
              dataset(
                `Balance at ${r.date}`,
                r.accounts.map((a) => number(a.balance)),
                2,
              ),
            ],
          },
        });
        section.querySelector('.body').replaceChildren(
          table(
            ['Account', 'Balance'],
            r.accounts.map((a) => [`${a.code ?? ''} ${a.name}`, money(a.balance)]),
            [1],
          ),
        );
      },
    },
    {
      name: 'BALANCE_SHEET',
      title: 'Balance sheet',
      args: (s) => ({ from: s.from, to: s.to }),
      selection:
        'balanceSheet { from to sections { class totalAtFrom totalAtTo lines { code name atFrom atTo } } netAssetsAtFrom netAssetsAtTo }',
      render(section, r) {
        const rows = r.sections.flatMap((s) => [
          ...s.lines.map((l) => [`${l.code ?? ''} ${l.name}`, money(l.atFrom), money(l.atTo)]),
          {
            className: 'total',
            cells: [`Total ${s.class.toLowerCase()}`, money(s.totalAtFrom), money(s.totalAtTo)],
          },
        ]);
        rows.push({
          className: 'total',
          cells: ['Net assets', money(r.netAssetsAtFrom), money(r.netAssetsAtTo)],
        });
        section.querySelector('.body').replaceChildren(table(['', r.from, r.to], rows, [1, 2]));
      },
    },
    {
      name: 'EMPLOYEES_LIST',
      title: 'Employees (pay per period)',
      args: (s) => ({ period: s.period }),
      selection:
        'employeesList { period currency totalSalary averageRate employees { firstName lastName jobTitle status salary averageRate } }',
      render(section, r) {
        section.querySelector('.body').replaceChildren(
          el(
            'p',
            {},
            `Total ${money(r.totalSalary)} ${r.currency ?? ''} per ${r.period.toLowerCase()}, average rate ${money(r.averageRate)}/h.`,
          ),
          table(
            ['Employee', 'Job', 'Status', 'Pay', 'Rate/h'],
            r.employees.map((e) => [
              `${e.firstName} ${e.lastName}`,
              e.jobTitle,
              e.status,
              money(e.salary),
              money(e.averageRate),
            ]),
            [3, 4],
          ),
        );
      },
    },
    {
      name: 'TIMESHEETS',
      title: 'Timesheets: hours worked and time off',
      args: (s) => ({ from: s.from, to: s.to, period: s.period === 'MONTH' ? 'MONTH' : 'WEEK' }),
      selection:
        'timesheets { periods totalWorked totalTimeOff employees { name worked timeOff totalWorked totalTimeOff } }',
      render(section, r) {
        chart(section, 'TIMESHEETS', {
          type: 'bar',
          options: { scales: { x: { stacked: true }, y: { stacked: true } } },
          data: {
            labels: r.periods,
            datasets: [
              ...r.employees.map((e, i) =>
                dataset(`${e.name} worked`, e.worked.map(number), i, { stack: 'hours' }),
              ),
              ...r.employees.map((e, i) =>
                dataset(`${e.name} off`, e.timeOff.map(number), i, {
                  stack: 'hours',
                  backgroundColor: `${COLORS[i % COLORS.length]}66`,
                }),
              ),
            ],
          },
        });
        section
          .querySelector('.body')
          .replaceChildren(
            table(
              ['Employee', 'Worked', 'Time off'],
              [
                ...r.employees.map((e) => [e.name, e.totalWorked, e.totalTimeOff]),
                { className: 'total', cells: ['Everyone', r.totalWorked, r.totalTimeOff] },
              ],
              [1, 2],
            ),
          );
      },
    },
  ];

  const FIELD = {
    INVOICE_LIST: 'invoiceList',
    INVOICE_SUMMARY: 'invoiceSummary',
    SALES_GROWTH: 'salesGrowth',
    ACCOUNT_BALANCES: 'accountBalances',
    ACCOUNTS_COMPARISON: 'accountsComparison',
    BALANCE_SHEET: 'balanceSheet',
    EMPLOYEES_LIST: 'employeesList',
    TIMESHEETS: 'timesheets',
  };

  function showError(message) {
    const box = $('#error');
    box.hidden = !message;
    box.textContent = message || '';
  }

  /** The reader's own date (`YYYY-MM-DD`, local time): where the ranges end unless the picker says otherwise. */
  function localToday() {
    const now = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }

  /** `from` left empty is the gateway's default: the first of the month eleven months before `to`. */
  function pickerState() {
    const form = $('#period');
    return { from: form.from.value || null, to: form.to.value || localToday(), period: form.period.value };
  }

  let client;
  let stops = [];
  let dayTimer;
  function subscribeAll() {
    for (const stop of stops) stop();
    stops = [];
    const state = pickerState();
    for (const widget of WIDGETS) {
      const section = document.querySelector(`section[data-widget="${widget.name}"]`);
      const query = `subscription Widget($args: WidgetArgs) { widgetUpdated(widget: ${widget.name}, args: $args) { updatedAt causes ${widget.selection} } }`;
      stops.push(
        client.subscribe(
          { query, variables: { args: widget.args(state) } },
          {
            next: (message) => {
              if (message.errors) return showError(message.errors.map((e) => e.message).join('; '));
              const update = message.data.widgetUpdated;
              widget.render(section, update[FIELD[widget.name]]);
              const count = Number(section.dataset.updates || 0) + 1;
              section.dataset.updates = String(count);
              section.dataset.state = 'ready';
              section.querySelector('h2 small').textContent =
                `updated ${new Date(update.updatedAt).toLocaleTimeString()}`;
              if (count > 1) {
                section.classList.remove('flash');
                void section.offsetWidth;
                section.classList.add('flash');
              }
            },
            error: (error) =>
              showError(
                error?.message ||
                  (Array.isArray(error) ? error.map((e) => e.message).join('; ') : 'Subscription failed'),
              ),
            complete: () => {},
          },
        ),
      );
    }
    stops.push(
      client.subscribe(
        { query: 'subscription { syncStatusChanged { kind message at } }' },
        {
          next: (message) => {
            const notice = message.data?.syncStatusChanged;
            if (notice)
              $('#sync-status').textContent =
                `Sync: ${notice.message} (${new Date(notice.at).toLocaleTimeString()})`;
          },
          error: () => {},
          complete: () => {},
        },
      ),
    );
  }

  async function loadSyncStatus(key) {
    const response = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ syncStatus { connection { organisationName status lastSyncAt } } }' }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    const connection = body.data.syncStatus.connection;
    $('#sync-status').textContent = connection
      ? `${connection.organisationName}: ${connection.status}, last sync ${connection.lastSyncAt ? new Date(connection.lastSyncAt).toLocaleString() : 'never'}`
      : 'No Xero organisation connected';
  }

  function start(key) {
    $('#key-form').hidden = true;
    const main = $('#widgets');
    main.replaceChildren(
      ...WIDGETS.map((w) =>
        el('section', { class: 'widget', 'data-widget': w.name, 'data-state': 'loading' }, [
          el('h2', {}, [w.title, el('small', {}, 'loading…')]),
          el('div', { class: 'body' }),
        ]),
      ),
    );
    client = graphqlWs.createClient({
      url: wsUrl,
      connectionParams: { Authorization: `Bearer ${key}` },
      retryAttempts: 20,
    });
    loadSyncStatus(key).catch((error) => {
      if (/UNAUTHENTICATED|API key/i.test(error.message) && !window.DASHBOARD_CONFIG.apiKey) {
        localStorage.removeItem(KEY_STORAGE);
        return askForKey(error.message);
      }
      showError(error.message);
    });
    subscribeAll();
    $('#period').addEventListener('change', () => subscribeAll());
    // Ranges that end today move on at the reader's midnight.
    let day = localToday();
    clearInterval(dayTimer);
    dayTimer = setInterval(() => {
      if (localToday() === day) return;
      day = localToday();
      if (!$('#period').to.value) subscribeAll();
    }, 60_000);
  }

  function askForKey(message) {
    showError(message || '');
    const form = $('#key-form');
    form.hidden = false;
    form.onsubmit = (event) => {
      event.preventDefault();
      const key = form.key.value.trim();
      if (!key) return;
      localStorage.setItem(KEY_STORAGE, key);
      showError('');
      start(key);
    };
  }

  const key = window.DASHBOARD_CONFIG.apiKey || localStorage.getItem(KEY_STORAGE);
  if (key) start(key);
  else askForKey('Enter an API key with the read and subscribe scopes.');
})();
