/*
 * The svmsim report page. It inflates the data embedded in the page, then draws:
 * - the timeline: one lane per component (per run when comparing), spans packed into rows, stuns marked;
 * - the charts, with uPlot, on the same time axis as the timeline (drag to zoom, double-click to reset);
 * - the log lines of every file in time order, in a virtual list: only the rows in view are in the page,
 *   so a million lines scroll as lightly as a hundred. Filters (component, phase, text) build an index of
 *   the matching lines in one pass over typed arrays.
 * Clicking a log line marks its moment on the timeline and the charts; clicking the timeline or a chart
 * scrolls the logs to that moment. window.svmReport exposes what the browser test reads.
 */
(function () {
  'use strict';
  const ROW = 18;            // px per log line, fixed so that the list can be virtual
  const MAX_SCROLL = 15e6;   // px; past this (about 800,000 lines) scroll positions are scaled
  const LANE_ROWS = 8;       // spans that overlap more than this share the last row
  const COLORS = ['#3b6fd8', '#d7301f', '#1f9d74', '#c77a12', '#8a4fc7', '#0f8ea8', '#7a7a7a', '#b8467a'];
  const api = window.svmReport = { ready: false, errors: [] };
  const $ = (sel) => document.querySelector(sel);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const state = { runs: [], x0: 0, x1: 1, full: [0, 1], moment: null, charts: [], placed: [], syncing: false };

  function status(text, isError) {
    const s = $('#status');
    s.textContent = text;
    s.classList.toggle('error', !!isError);
  }

  window.addEventListener('error', (e) => {
    api.errors.push(String(e.message));
    status('Error in the report page: ' + e.message, true);
  });

  async function load() {
    const T = api.timings;
    const b64 = $('#svm-data').textContent.trim();
    T.text = performance.now();
    const bin = atob(b64);
    T.atob = performance.now();
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    T.bytes = performance.now();
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    const json = new TextDecoder().decode(await new Response(stream).arrayBuffer());
    T.inflated = performance.now();
    return JSON.parse(json);
  }

  // ---- time ----
  const xOf = (run, ms) => (run.startEpochMillis + ms) / 1000;   // chart x: epoch seconds
  const pad = (n, w) => String(n).padStart(w || 2, '0');
  function clock(x, withMs) {
    const d = new Date(x * 1000);
    const s = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds());
    return withMs ? s + '.' + pad(d.getUTCMilliseconds(), 3) : s;
  }
  function duration(seconds) {
    if (seconds < 1) return (seconds * 1000).toFixed(seconds < 0.01 ? 3 : 1) + ' ms';
    if (seconds < 60) return seconds.toFixed(2) + ' s';
    const total = Math.round(seconds);
    const h = Math.floor(total / 3600);
    const m = Math.floor(total / 60) % 60;
    return (h ? h + 'h' + pad(m) : m) + 'm' + pad(total % 60) + 's';
  }

  // ---- header, lesson, comparison ----
  function header(data) {
    const runs = data.runs;
    const head = $('#head');
    runs.forEach((r) => {
      const ul = el('ul', 'figures');
      const item = (k, v, cls) => {
        const li = el('li', cls);
        li.append(el('b', null, k + ': '), document.createTextNode(v));
        ul.append(li);
      };
      item('outcome', r.outcome + (r.failureReason ? ' (' + r.failureReason + ')' : ''), 'outcome-' + r.outcome);
      item('method', r.method);
      item('seed', String(r.seed));
      if (r.migrationS !== undefined) item('migration', duration(r.migrationS));
      item('downtime', r.downtimeMs + ' ms');
      item('guest writes', r.guestWrites + (r.method === 'mirror' ? ' (' + r.guestWritesMirrored + ' mirrored)' : ''));
      if (r.consistent !== null) item('consistent at switchover', String(r.consistent));
      if (r.mover) item('data mover', r.mover);
      item('host', r.host);
      if (runs.length === 1 && r.description) head.append(el('p', null, r.description));
      head.append(ul);
    });
    const lesson = runs[0].lesson;
    if (lesson) {
      // The events do not carry the scenario's text: this is the bundled scenario's of that name.
      $('#lesson-section h2').textContent = 'What the bundled scenario ' + runs[0].scenario + ' teaches';
      $('#lesson').textContent = lesson;
      $('#lesson-section').hidden = false;
    }
    if (data.comparison && data.comparison.length) {
      const table = $('#compare');
      const cols = Object.keys(data.comparison[0]);
      const tr = el('tr');
      cols.forEach((c) => tr.append(el('th', null, c)));
      table.append(tr);
      data.comparison.forEach((row) => {
        const r = el('tr');
        cols.forEach((c) => r.append(el('td', null, row[c] === null ? '' : String(row[c]))));
        table.append(r);
      });
      $('#compare-section').hidden = false;
    }
  }

  // ---- timeline ----
  function place(e, a, b) {
    state.placed.push({ e, a, b });
  }

  function layout() {
    const span = state.x1 - state.x0 || 1;
    for (const p of state.placed) {
      const left = (p.a - state.x0) / span * 100;
      p.e.style.left = left + '%';
      if (p.b !== null) {
        p.e.style.width = Math.max(0, (p.b - p.a) / span * 100) + '%';
        // A span that starts left of the view shows its label from the view's edge (padding % is of the track).
        p.e.style.paddingLeft = left < 0 ? 'calc(' + (-left) + '% + 3px)' : '';
      }
    }
    const cursor = state.moment;
    document.querySelectorAll('.overlay.cursor').forEach((c) => {
      c.hidden = cursor === null;
      if (cursor !== null) c.style.left = ((cursor - state.x0) / span * 100) + '%';
    });
    axis();
  }

  function axis() {
    const ax = $('#timeline .axis');
    ax.textContent = '';
    const span = state.x1 - state.x0;
    const steps = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600,
      900, 1800, 3600, 7200, 21600, 43200, 86400];
    const step = steps.find((s) => span / s <= 8) || 86400;
    for (let x = Math.ceil(state.x0 / step) * step; x <= state.x1; x += step) {
      const t = el('span', null, clock(x, step < 1));
      t.style.left = ((x - state.x0) / span * 100) + '%';
      ax.append(t);
    }
  }

  function pack(spans) {
    const ends = [];
    return spans.map((s) => {
      let row = ends.findIndex((end) => end <= s[3]);
      if (row < 0) row = ends.length < LANE_ROWS ? ends.length : LANE_ROWS - 1;
      ends[row] = Math.max(ends[row] || 0, s[4]);
      return row;
    });
  }

  function timeline() {
    const root = $('#timeline');
    root.append(el('div', 'axis'));
    state.runs.forEach((run) => {
      if (state.runs.length > 1) root.append(el('div', 'run-title', run.method + ' (' + run.scenario + ', seed ' + run.seed + ')'));
      const stuns = run.spans.filter((s) => s[1] === 'stun');
      run.lanes.forEach((name, li) => {
        const spans = run.spans.filter((s) => s[0] === li).sort((a, b) => a[3] - b[3]);
        const rows = pack(spans);
        const lane = el('div', 'lane');
        const label = el('div', 'lane-name', name);
        label.style.borderRightColor = 'var(--' + name + ', #888)';
        const track = el('div', 'track');
        track.dataset.lane = name;
        track.style.height = (Math.max(1, Math.max(0, ...rows) + 1) * ROW + 4) + 'px';
        spans.forEach((s, i) => {
          const d = el('div', 'span k-' + s[1], s[2]);
          d.style.top = (rows[i] * ROW + 2) + 'px';
          d.title = s[2] + '\n' + clock(xOf(run, s[3]), true) + ' to ' + clock(xOf(run, s[4]), true)
            + ' (' + duration((s[4] - s[3]) / 1000) + ')';
          place(d, xOf(run, s[3]), xOf(run, s[4]));
          track.append(d);
        });
        run.marks.filter((m) => m[0] === li).forEach((m) => {
          const d = el('div', 'mark k-' + m[1]);
          d.style.top = '0';
          d.style.bottom = '0';
          d.title = m[2] + '\n' + clock(xOf(run, m[3]), true);
          place(d, xOf(run, m[3]), null);
          track.append(d);
        });
        stuns.forEach((s) => {
          const o = el('div', 'overlay stun');
          o.title = s[2];
          place(o, xOf(run, s[3]), xOf(run, s[4]));
          track.append(o);
        });
        const cursor = el('div', 'overlay cursor');
        cursor.hidden = true;
        track.append(cursor);
        track.addEventListener('click', (ev) => {
          const r = track.getBoundingClientRect();
          const x = state.x0 + (ev.clientX - r.left) / r.width * (state.x1 - state.x0);
          jumpLogs(x);
        });
        lane.append(label, track);
        root.append(lane);
      });
    });
    const legend = el('div', 'legend-row', 'spans:');
    [['task', 'vpxa task'], ['step', 'relocate step'], ['state', 'hostd VM state'], ['process', 'VMX process'],
      ['phase', 'SVMotion phase'], ['stun', 'stun'], ['mirror', 'mirror device'], ['cbt', 'change tracking'],
      ['copy', 'copy pass'],
      ['probe', 'rescan probe (Busy)'], ['fail', 'failure']].forEach(([k, name]) => {
      const i = el('i', 'k-' + k);
      legend.append(i, document.createTextNode(name));
    });
    root.append(legend);
  }

  // ---- charts ----
  function seriesDefs(run, ri) {
    const s = run.series;
    const who = state.runs.length > 1 ? run.method + ': ' : '';
    const dash = ri === 0 ? undefined : [6, 3];
    const def = (label, values, ci, scale) => ({ label: who + label, values, color: COLORS[ci % COLORS.length], dash, scale });
    const ds = [];
    s.datastores.forEach((d, di) => {
      ds.push(def(d.name + ' guest', d.guestMBps, 2 * di, 'MB/s'));
      ds.push(def(d.name + ' copy', d.copyMBps, 2 * di + 1, 'MB/s'));
    });
    return {
      progress: [def('copied % of the pass', s.copiedPct, 0, '%'), def('left in the pass (GiB)', s.leftGiB, 1, 'GiB'),
        def('pending after a pass (GiB)', s.pendingGiB, 4, 'GiB')],
      latency: [def('write p50 (ms)', s.p50Ms, 2, 'ms'), def('write p99 (ms)', s.p99Ms, 1, 'ms')],
      io: [def('reads/s', s.readsPerS, 0, '/s'), def('writes/s', s.writesPerS, 3, '/s'),
        def('mirrored writes/s', s.mirroredPerS, 4, '/s')],
      bandwidth: ds,
    };
  }

  const CHARTS = [
    ['progress', 'Copy progress, and data still to copy', [['%', 'copied %'], ['GiB', 'GiB']]],
    ['latency', 'Guest write latency per interval (p50, p99)', [['ms', 'ms']]],
    ['io', 'Guest I/O', [['/s', 'per second']]],
    ['bandwidth', 'Datastore bandwidth used by the guest and by the copy', [['MB/s', 'MB/s']]],
  ];

  function charts() {
    const box = $('#charts');
    const defs = state.runs.map(seriesDefs);
    const xs = state.runs.map((run) => run.series.p50Ms.map((_, i) => xOf(run, (i + 0.5) * run.series.widthMs)));
    CHARTS.forEach(([key, title, scales]) => {
      const tables = state.runs.map((run, ri) => [xs[ri], ...defs[ri][key].map((d) => d.values)]);
      const data = tables.length === 1 ? tables[0] : uPlot.join(tables);
      const series = [{ label: 'time (UTC)', value: (u, v) => v === null ? '' : clock(v, true) }];
      defs.forEach((d) => d[key].forEach((s) => series.push({
        label: s.label, stroke: s.color, dash: s.dash, scale: s.scale, width: 1.5, spanGaps: false,
        points: { show: false },
      })));
      const axes = [{ space: 90, values: (u, vals) => vals.map((v) => clock(v, (u.scales.x.max - u.scales.x.min) < 10)) }];
      scales.forEach(([scale, label], i) => axes.push({ scale, label, side: i === 0 ? 3 : 1, size: 56,
        grid: { show: i === 0 } }));
      const div = el('div', 'chart');
      div.dataset.chart = key;
      div.append(el('h3', null, title));
      box.append(div);
      const opts = {
        width: Math.max(300, div.clientWidth - 10), height: 220, series, axes,
        scales: Object.fromEntries([['x', { time: true }], ...scales.map(([s]) => [s, { auto: true }])]),
        cursor: { sync: { key: 'svm' }, drag: { x: true, y: false } },
        legend: { live: true },
        hooks: { draw: [overlays], setScale: [zoomed] },
      };
      const u = new uPlot(opts, data, div);
      let down = null;
      u.over.addEventListener('mousedown', (e) => { down = e.clientX; });
      u.over.addEventListener('click', (e) => {
        if (down !== null && Math.abs(e.clientX - down) < 3) jumpLogs(u.posToVal(u.cursor.left, 'x'));
      });
      state.charts.push(u);
    });
    window.addEventListener('resize', () => state.charts.forEach((u) => {
      u.setSize({ width: Math.max(300, u.root.parentNode.clientWidth - 10), height: 220 });
    }));
  }

  /** Stuns as red bands and the selected moment as a line, over each chart's plot area. */
  function overlays(u) {
    const ctx = u.ctx;
    const top = u.bbox.top;
    const h = u.bbox.height;
    ctx.save();
    ctx.fillStyle = 'rgba(215, 48, 31, 0.35)';
    state.runs.forEach((run) => run.spans.filter((s) => s[1] === 'stun').forEach((s) => {
      const a = u.valToPos(xOf(run, s[3]), 'x', true);
      const b = u.valToPos(xOf(run, s[4]), 'x', true);
      ctx.fillRect(a, top, Math.max(2, b - a), h);
    }));
    if (state.moment !== null) {
      ctx.fillStyle = '#111';
      ctx.fillRect(u.valToPos(state.moment, 'x', true) - 1, top, 2, h);
    }
    ctx.restore();
  }

  function zoomed(u, key) {
    if (key !== 'x' || state.syncing) return;
    setView(u.scales.x.min, u.scales.x.max, u);
  }

  function setView(x0, x1, from) {
    if (!(x1 > x0)) return;
    state.x0 = x0;
    state.x1 = x1;
    state.syncing = true;
    state.charts.forEach((c) => { if (c !== from) c.setScale('x', { min: x0, max: x1 }); });
    state.syncing = false;
    layout();
  }

  function showMoment(x) {
    state.moment = x;
    if (x < state.x0 || x > state.x1) {
      const half = (state.x1 - state.x0) / 2;
      setView(x - half, x + half, null);
    } else {
      layout();
    }
    state.charts.forEach((u) => u.redraw(false));
  }

  // ---- logs ----
  const logs = { run: 0, visible: new Uint32Array(0), selected: -1, lower: null };

  function prepareLogs(run) {
    const L = run.logs;
    const n = L.dt.length;
    const times = new Float64Array(n);
    let t = 0;
    for (let i = 0; i < n; i++) { t += L.dt[i]; times[i] = xOf(run, t); }
    const offsets = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = at;
      const nl = L.text.indexOf('\n', at);
      at = nl < 0 ? L.text.length + 1 : nl + 1;
    }
    offsets[n] = L.text.length + 1;
    const file = new Uint8Array(n);
    for (let i = 0; i < n; i++) file[i] = L.file.charCodeAt(i) - 48;
    // Phases for the filter: the relocate's steps (vpxa) and the VMX's SVMotion phases, as time ranges
    // at the logs' millisecond resolution.
    const phases = new Map();
    run.spans.filter((s) => s[1] === 'step' || s[1] === 'phase').forEach((s) => {
      const name = s[1] === 'step' ? s[2] : 'VMX ' + s[2];
      if (!phases.has(name)) phases.set(name, []);
      phases.get(name).push([xOf(run, Math.floor(s[3])), xOf(run, Math.floor(s[4]))]);
    });
    // explain's notes: the distinct texts once, and per line the index of its note (-1: none).
    const notes = L.notes ? { texts: L.notes, of: Int32Array.from(L.note) } : null;
    run.logIndex = { n, times, offsets, file, text: L.text, notes, phases };
  }

  const lineText = (ix, i) => ix.text.substring(ix.offsets[i], ix.offsets[i + 1] - 1);
  const noteOf = (ix, i) => (ix.notes && ix.notes.of[i] >= 0 ? ix.notes.texts[ix.notes.of[i]] : '');

  function logTools() {
    const tools = $('#log-tools');
    if (state.runs.length > 1) {
      const sel = el('select');
      sel.id = 'log-run';
      state.runs.forEach((r, i) => sel.append(new Option(r.method + ' run', String(i))));
      sel.addEventListener('change', () => { logs.run = Number(sel.value); logs.lower = null; buildFilters(); filter(); });
      tools.append(el('span', null, 'run '), sel);
    }
    const comps = el('span');
    comps.id = 'log-components';
    const phase = el('select');
    phase.id = 'log-phase';
    const search = el('input');
    search.id = 'log-search';
    search.type = 'search';
    search.placeholder = 'find text';
    let timer = 0;
    search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(filter, 150); });
    phase.addEventListener('change', filter);
    tools.append(comps, el('span', null, 'phase '), phase, search);
    const note = el('div');
    note.id = 'log-note';
    $('#log-view').after(note);
    buildFilters();
    const view = $('#log-view');
    view.addEventListener('scroll', () => requestAnimationFrame(rows));
    $('#log-rows').addEventListener('click', (e) => {
      const line = e.target.closest('.line');
      if (line) select(Number(line.dataset.i));
    });
    window.addEventListener('resize', rows);
  }

  function buildFilters() {
    const run = state.runs[logs.run];
    const ix = run.logIndex;
    const comps = $('#log-components');
    comps.textContent = '';
    const names = [...new Set(run.logs.components)];
    names.forEach((name) => {
      const files = run.logs.components.map((c, f) => c === name ? f : -1).filter((f) => f >= 0);
      let count = 0;
      for (let i = 0; i < ix.n; i++) if (files.includes(ix.file[i])) count++;
      const box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = name;
      box.dataset.component = name;
      box.addEventListener('change', filter);
      const label = el('label');
      label.append(box, document.createTextNode(' ' + name + ' (' + count + ')'));
      comps.append(label);
    });
    const phase = $('#log-phase');
    phase.textContent = '';
    phase.append(new Option('all', ''));
    [...ix.phases.keys()].forEach((name) => phase.append(new Option(name, name)));
    phase.append(new Option('outside the relocate', '-'));
  }

  function filter() {
    const run = state.runs[logs.run];
    const ix = run.logIndex;
    const wanted = new Set([...document.querySelectorAll('#log-components input')].filter((b) => b.checked).map((b) => b.value));
    const fileOn = run.logs.components.map((c) => wanted.has(c));
    const p = $('#log-phase').value;
    let ranges = null;
    let outside = false;
    if (p === '-') {
      outside = true;
      ranges = [...ix.phases.entries()].filter(([k]) => k.startsWith('step')).flatMap(([, r]) => r);
    } else if (p) {
      ranges = ix.phases.get(p);
    }
    if (ranges) ranges = ranges.slice().sort((a, b) => a[0] - b[0]);
    const q = $('#log-search').value.toLowerCase();
    let match = null;
    if (q) {
      if (!logs.lower) logs.lower = ix.text.toLowerCase();
      match = new Uint8Array(ix.n);
      let line = 0;
      for (let at = logs.lower.indexOf(q); at >= 0; at = logs.lower.indexOf(q, at + 1)) {
        while (ix.offsets[line + 1] <= at) line++;
        match[line] = 1;
      }
    }
    const out = new Uint32Array(ix.n);
    let k = 0;
    let r = 0;
    for (let i = 0; i < ix.n; i++) {
      if (!fileOn[ix.file[i]]) continue;
      if (match && !match[i]) continue;
      if (ranges) {
        const t = ix.times[i];
        while (r < ranges.length && ranges[r][1] <= t) r++;
        let inside = false;
        for (let j = r; j < ranges.length && ranges[j][0] <= t; j++) if (t < ranges[j][1]) { inside = true; break; }
        if (inside === outside) continue;
      }
      out[k++] = i;
    }
    logs.visible = out.subarray(0, k);
    $('#log-count').textContent = k + ' of ' + ix.n + ' lines';
    rows();
  }

  const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const escape = (s) => s.replace(/[&<>"]/g, (c) => ESC[c]);

  function rows() {
    const view = $('#log-view');
    const ix = state.runs[logs.run].logIndex;
    const n = logs.visible.length;
    const total = n * ROW;
    const height = Math.min(total, MAX_SCROLL);
    $('#log-spacer').style.height = height + 'px';
    // The view is as tall as its lines, up to 60 % of the window.
    view.style.height = Math.min(window.innerHeight * 0.6, Math.max(3, n) * ROW + 4) + 'px';
    const per = Math.ceil(view.clientHeight / ROW) + 1;
    let first;
    let top;
    if (total <= MAX_SCROLL) {
      first = Math.floor(view.scrollTop / ROW);
      top = first * ROW;
    } else {
      const frac = view.scrollTop / Math.max(1, height - view.clientHeight);
      first = Math.floor(Math.min(1, frac) * Math.max(0, n - per + 1));
      top = view.scrollTop;
    }
    const comps = state.runs[logs.run].logs.components;
    let html = '';
    for (let k = first; k < Math.min(n, first + per); k++) {
      const i = logs.visible[k];
      const c = comps[ix.file[i]];
      const note = noteOf(ix, i);
      html += '<div class="line c-' + c + (i === logs.selected ? ' selected' : '') + '" data-i="' + i + '"'
        + (note ? ' title="' + escape(note) + '"' : '') + '><span class="c">' + c + '</span>'
        + escape(lineText(ix, i)) + (note ? '<span class="n">' + escape(note) + '</span>' : '') + '</div>';
    }
    const box = $('#log-rows');
    box.style.top = top + 'px';
    box.innerHTML = html;
  }

  function select(i) {
    const ix = state.runs[logs.run].logIndex;
    logs.selected = i;
    const note = noteOf(ix, i) ? ' - ' + noteOf(ix, i) : '';
    $('#log-note').textContent = clock(ix.times[i], true) + ' ' + state.runs[logs.run].logs.files[ix.file[i]] + note;
    rows();
    showMoment(ix.times[i]);
  }

  /** Scrolls the log view to the first shown line at or after {@code x}, and selects it. */
  function jumpLogs(x) {
    const ix = state.runs[logs.run].logIndex;
    const v = logs.visible;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ix.times[v[mid]] < x) lo = mid + 1; else hi = mid;
    }
    if (v.length === 0) { showMoment(x); return; }
    const k = Math.min(lo, v.length - 1);
    const view = $('#log-view');
    const total = v.length * ROW;
    view.scrollTop = total <= MAX_SCROLL ? k * ROW
      : k / Math.max(1, v.length - 1) * (Math.min(total, MAX_SCROLL) - view.clientHeight);
    logs.selected = v[k];
    rows();
    showMoment(x);
  }

  // ---- start ----
  async function start() {
    api.timings = { start: performance.now() };
    const data = await load();
    api.timings.loaded = performance.now();
    state.runs = data.runs;
    api.data = data;
    header(data);
    state.runs.forEach(prepareLogs);
    api.timings.indexed = performance.now();
    const xs = state.runs.flatMap((r) => [xOf(r, 0), xOf(r, r.endMs)]);
    state.full = [Math.min(...xs), Math.max(...xs)];
    [state.x0, state.x1] = state.full;
    timeline();
    charts();
    setView(state.full[0], state.full[1], null);
    api.timings.drawn = performance.now();
    logTools();
    filter();
    $('#status').hidden = true;
    api.lines = (r) => {
      const ix = state.runs[r || 0].logIndex;
      const all = new Array(ix.n);
      for (let i = 0; i < ix.n; i++) all[i] = lineText(ix, i);
      return all;
    };
    api.lineCount = (r) => state.runs[r || 0].logIndex.n;
    api.note = (r, i) => noteOf(state.runs[r || 0].logIndex, i);
    api.visibleCount = () => logs.visible.length;
    api.visibleTimes = () => Array.from(logs.visible, (i) => state.runs[logs.run].logIndex.times[i]);
    api.phases = () => [...state.runs[logs.run].logIndex.phases.entries()];
    api.view = () => [state.x0, state.x1];
    api.zoom = (x0, x1) => {
      state.charts.forEach((u) => u.setScale('x', { min: x0, max: x1 }));
      setView(x0, x1, null);
    };
    api.moment = () => state.moment;
    api.renderMs = performance.now();
    api.ready = true;
    document.body.dataset.ready = 'true';
  }

  start().catch((e) => {
    api.errors.push(String(e && e.stack || e));
    status('The report could not be drawn: ' + e, true);
    console.error(e);
  });
}());
