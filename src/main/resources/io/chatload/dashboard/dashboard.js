// chatload's dashboard: reads /dashboard/api/* and builds the page. Every value goes into the DOM as text
// (textContent, never innerHTML): records may hold markup and control characters.
(function () {
  'use strict';

  var RECENT_LOADS = 20; // rows of the loads table; the plot has every load the server sends
  var state = { plot: null, loads: [] };
  window.chatloadDashboard = state;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function time(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  function seconds(ms) {
    return ms === null || ms === undefined ? '' : (ms / 1000).toFixed(1) + ' s';
  }

  // a table from a header and rows of cells; a cell is a value or {text, className}
  function fill(table, header, rows, empty) {
    table.replaceChildren();
    var head = el('tr');
    header.forEach(function (h) { head.appendChild(el('th', null, h)); });
    table.appendChild(head);
    if (rows.length === 0) {
      var none = el('tr');
      var cell = el('td', null, empty);
      cell.colSpan = header.length;
      none.appendChild(cell);
      table.appendChild(none);
    }
    rows.forEach(function (row) {
      var tr = el('tr');
      row.forEach(function (value) {
        var cell = value !== null && typeof value === 'object'
          ? el('td', value.className, value.text)
          : el('td', typeof value === 'number' ? 'num' : null, value === null ? '' : value);
        tr.appendChild(cell);
      });
      table.appendChild(tr);
    });
  }

  function get(name) {
    return fetch('api/' + name, { headers: { 'Accept': 'application/json' } }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.error || (name + ': HTTP ' + response.status)); }
        return body;
      });
    });
  }

  function showResources(resources) {
    fill(document.getElementById('resources'),
      ['resource', 'schema', 'state', 'route', 'last success', 'last error at', 'last error', 'next fire', 'table', 'rows'],
      resources.map(function (r) {
        return [r.id || r.resource, r.schema, { text: r.state, className: 'state-' + r.state.replace(/ /g, '-') },
          r.route || '', time(r.lastSuccessAt), time(r.lastErrorAt), r.lastError || '',
          r.nextFireAt ? time(r.nextFireAt) : (r.route ? 'with its parent' : 'under run only'),
          r.table, r.rows === null ? '' : r.rows];
      }), 'No resource has run yet.');
  }

  function showLoads(loads) {
    state.loads = loads;
    var x = [], rows = [], durations = [], failed = [];
    loads.forEach(function (load) {
      x.push(Date.parse(load.startedAt) / 1000);
      rows.push(load.rows);
      durations.push(load.durationMs === null ? null : load.durationMs / 1000);
      failed.push(load.status === 'FAILED' ? load.rows : null);
    });
    var container = document.getElementById('plot');
    if (state.plot) { state.plot.destroy(); state.plot = null; }
    container.replaceChildren();
    if (loads.length > 0) {
      state.plot = new uPlot({
        width: Math.max(480, Math.min(1100, document.body.clientWidth - 60)),
        height: 300,
        scales: { x: { time: true }, rows: { auto: true }, s: { auto: true } },
        axes: [{}, { scale: 'rows', label: 'rows' }, { scale: 's', side: 1, label: 'seconds', grid: { show: false } }],
        series: [
          {},
          { label: 'rows', scale: 'rows', stroke: '#24425c', width: 2, points: { show: true, size: 7 } },
          { label: 'duration (s)', scale: 's', stroke: '#d08a00', width: 1, dash: [6, 4], points: { show: true, size: 5 } },
          { label: 'failed', scale: 'rows', stroke: '#b00020', width: 0, paths: function () { return null; },
            points: { show: true, size: 12, width: 3, stroke: '#b00020', fill: '#ffffff' } }
        ]
      }, [x, rows, durations, failed], container);
    }
    fill(document.getElementById('loads'), ['load id', 'status', 'started', 'duration', 'rows', 'schemas', 'error'],
      loads.slice(-RECENT_LOADS).reverse().map(function (load) {
        var errors = [];
        Object.keys(load.schemas).forEach(function (schema) {
          if (load.schemas[schema].error) { errors.push(schema + ': ' + load.schemas[schema].error); }
        });
        return [load.loadId, { text: load.status, className: 'status-' + load.status }, time(load.startedAt),
          seconds(load.durationMs), load.rows, Object.keys(load.schemas).join(', '), errors.join('\n')];
      }), 'No load yet.');
  }

  // a section per table; its columns and sample open on a click, so the page stays short
  function showTables(tables) {
    var container = document.getElementById('tables');
    container.replaceChildren();
    tables.forEach(function (t) {
      var section = el('section', t.system ? 'table system' : 'table');
      section.setAttribute('data-table', t.schema + '.' + t.name);
      section.setAttribute('data-rows', String(t.rows));
      var details = el('details');
      var summary = el('summary');
      var title = el('h3');
      title.appendChild(el('span', 'name', t.schema + '.' + t.name));
      title.appendChild(document.createTextNode(' \u2014 '));
      title.appendChild(el('span', 'rows', t.rows));
      title.appendChild(document.createTextNode((t.rows === 1 ? ' row, ' : ' rows, ') + t.columns.length + ' columns'));
      summary.appendChild(title);
      details.appendChild(summary);
      details.appendChild(el('div', 'columns', t.columns.map(function (c) { return c.name + ' ' + c.type; }).join(', ')));
      var wrap = el('div', 'sample-wrap');
      var sample = el('table', 'sample');
      fill(sample, t.sampleColumns, t.sample, 'empty');
      wrap.appendChild(sample);
      details.appendChild(wrap);
      section.appendChild(details);
      container.appendChild(section);
    });
  }

  function showSchemaChanges(changes) {
    fill(document.getElementById('schema-changes'), ['schema', 'version', 'stored at', 'hash', 'added', 'removed'],
      changes.map(function (c) {
        return [c.schema, c.version, time(c.insertedAt), c.hash, c.added.join(', '), c.removed.join(', ')];
      }), 'No schema version stored yet.');
  }

  function showCounters(counters) {
    fill(document.getElementById('outboxes'), ['outbox table', 'status', 'rows'],
      counters.outboxes.map(function (o) { return [o.schema + '.' + o.table, o.status === null ? 'empty' : o.status, o.rows]; }),
      'No outbox table.');
    fill(document.getElementById('meters'), ['meter', 'tags', 'value'],
      counters.meters.map(function (m) {
        return [m.name, Object.keys(m.tags).map(function (k) { return k + '=' + m.tags[k]; }).join(' '), m.value];
      }), 'Meters (requests, records, errors, webhook exchanges) are shown while run serves this page.');
  }

  function load() {
    document.body.removeAttribute('data-ready');
    var error = document.getElementById('error');
    Promise.all([get('resources'), get('loads'), get('tables'), get('schema-changes'), get('counters')])
      .then(function (data) {
        showResources(data[0]);
        showLoads(data[1]);
        showTables(data[2]);
        showSchemaChanges(data[3]);
        showCounters(data[4]);
        error.hidden = true;
        document.getElementById('updated').textContent = 'as of ' + time(new Date().toISOString());
      })
      .catch(function (e) {
        error.textContent = String(e.message || e);
        error.hidden = false;
      })
      .then(function () { document.body.setAttribute('data-ready', 'true'); });
  }

  document.getElementById('refresh').addEventListener('click', load);
  setInterval(load, 30000);
  load();
}());
