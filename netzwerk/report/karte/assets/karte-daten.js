// netzwerk interactive map, part 1 of 4: the payload and the view state.
//
// Reads the payload (see netzwerk/report/karte/PAYLOAD.md) from
// <script id="karte-daten" type="application/json"> and computes, for the current state
// (year, filters, question, ego view), which actors and ties are visible, faded or marked.
// No drawing and no DOM besides reading the payload: karte-ansicht.js draws, karte-panel.js
// and karte.js build the controls. Plain ES2019, no framework.
"use strict";

// Timing marks (performance.getEntriesByType("mark")) for the benchmark: the renderer has
// been evaluated when this line runs.
performance.mark("karte-renderer-geladen");

window.KarteApp = (function () {
  const app = {};

  // Node flags (payload nodes.flags), as PAYLOAD.md defines them.
  app.FLAG = { broker: 1, cutPoint: 2, coordinator: 4, unreached: 8, cutOff: 16 };

  // The filter dimensions: the payload group each one lists, and where a node keeps its
  // categories (one index, or a list of indices; -1 or an empty list: not given).
  app.NODE_FILTERS = [
    { name: "sector", group: "sector", column: "sector", many: false, text: "filter_sector" },
    { name: "type", group: "type", column: "type", many: false, text: "filter_type" },
    { name: "topic", group: "topic", column: "topics", many: true, text: "filter_topic" },
    { name: "project", group: "project", column: "projects", many: true, text: "filter_project" },
  ];

  /** The payload object embedded in the page. */
  app.readPayload = function () {
    return JSON.parse(document.getElementById("karte-daten").textContent);
  };

  /** A UI text from payload.texts, with {name} placeholders filled in. */
  app.text = function (payload, key, values) {
    let text = Object.prototype.hasOwnProperty.call(payload.texts, key) ? payload.texts[key] : key;
    if (values) {
      Object.keys(values).forEach(function (name) {
        text = text.split("{" + name + "}").join(String(values[name]));
      });
    }
    return text;
  };

  /**
   * An optional UI text (PAYLOAD.md lists which keys are optional): "" when the payload
   * lacks it, so the page leaves the element out rather than show a key or a fixed language.
   */
  app.optionalText = function (payload, key, values) {
    return Object.prototype.hasOwnProperty.call(payload.texts, key) ? app.text(payload, key, values) : "";
  };

  /** A count formatted with the payload language's digit grouping (1.234 / 1,234). */
  app.number = function (payload, value) {
    return new Intl.NumberFormat(payload.lang).format(value);
  };

  /**
   * A label folded for searching: lower case, without accents, and with umlauts spelt out
   * or not matching alike ("Müller", "Mueller" and "muller" all fold to "muller").
   */
  app.fold = function (text) {
    return String(text)
      .toLowerCase()
      .replace(/ß/g, "ss")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ae/g, "a")
      .replace(/oe/g, "o")
      .replace(/ue/g, "u");
  };

  /** Per node, the indices of its ties (compressed rows: ties of i are list[start[i]..start[i+1]]). */
  function adjacency(payload) {
    const n = payload.nodes.id.length;
    const source = payload.edges.source;
    const target = payload.edges.target;
    const start = new Int32Array(n + 1);
    for (let j = 0; j < source.length; j++) {
      start[source[j] + 1]++;
      if (target[j] !== source[j]) start[target[j] + 1]++;
    }
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const fill = start.slice(0, n);
    const list = new Int32Array(start[n]);
    for (let j = 0; j < source.length; j++) {
      list[fill[source[j]]++] = j;
      if (target[j] !== source[j]) list[fill[target[j]]++] = j;
    }
    return { start: start, list: list };
  }

  /** Node indices by label priority: payload size, then degree, largest first. */
  function labelOrder(payload) {
    const nodes = payload.nodes;
    const order = nodes.id.map(function (_, i) {
      return i;
    });
    order.sort(function (a, b) {
      return nodes.size[b] - nodes.size[a] || nodes.degree[b] - nodes.degree[a] || a - b;
    });
    return Int32Array.from(order);
  }

  /** Checked categories of one filter: index 0 is "not given", index k + 1 is group entry k. */
  function allChecked(payload, filter) {
    const checked = new Uint8Array(payload.groups[filter.group].length + 1);
    checked.fill(1);
    return checked;
  }

  /** The state of a fresh page: the view's own year, nothing filtered, nothing selected. */
  app.createState = function (payload) {
    const n = payload.nodes.id.length;
    const m = payload.edges.source.length;
    const filters = {};
    app.NODE_FILTERS.forEach(function (filter) {
      filters[filter.name] = allChecked(payload, filter);
    });
    return {
      payload: payload,
      n: n,
      m: m,
      year: payload.meta.current,
      colourBy: "sector",
      sizeBy: "betweenness",
      filters: filters,
      kindMask: -1, // every tie kind (bits over groups.kind)
      question: null,
      selected: -1,
      ego: 0,
      hovered: -1,
      adjacency: adjacency(payload),
      labelOrder: labelOrder(payload),
      folded: payload.nodes.label.map(app.fold),
      nodeVisible: new Uint8Array(n),
      edgeVisible: new Uint8Array(m),
      nodeFaded: new Uint8Array(n),
      edgeFaded: new Uint8Array(m),
      nodeMarked: new Uint8Array(n),
      visibleNodes: 0,
      visibleEdges: 0,
    };
  };

  /** Whether node i has a checked category in the given filter. */
  function passesFilter(state, filter, i) {
    const checked = state.filters[filter.name];
    const value = state.payload.nodes[filter.column][i];
    if (!filter.many) return checked[value + 1] === 1;
    if (value.length === 0) return checked[0] === 1;
    for (let k = 0; k < value.length; k++) if (checked[value[k] + 1] === 1) return true;
    return false;
  }

  /** The node indices a question button marks (PAYLOAD.md `questions`). */
  app.questionNodes = function (payload, question) {
    const lists = {
      brokers: payload.questions.brokers,
      cut_points: payload.questions.cut_points,
      unreached: payload.questions.unreached,
      without_coordinator: payload.questions.cut_off,
      without_funding: payload.questions.funding_cut_off || [],
    };
    return lists[question] || [];
  };

  function computeVisibility(state) {
    const payload = state.payload;
    const nodes = payload.nodes;
    const edges = payload.edges;
    const yearBit = 1 << state.year;
    const hideCoordinators = state.question === "without_coordinator";
    const hideFunded = state.question === "without_funding" && Boolean(edges.funding);
    const active = app.NODE_FILTERS.filter(function (filter) {
      return state.filters[filter.name].indexOf(0) !== -1;
    });
    let visibleNodes = 0;
    for (let i = 0; i < state.n; i++) {
      let visible = (nodes.years[i] & yearBit) !== 0;
      if (visible && hideCoordinators && (nodes.flags[i] & app.FLAG.coordinator) !== 0) visible = false;
      for (let f = 0; visible && f < active.length; f++) visible = passesFilter(state, active[f], i);
      state.nodeVisible[i] = visible ? 1 : 0;
      if (visible) visibleNodes++;
    }
    let visibleEdges = 0;
    for (let j = 0; j < state.m; j++) {
      const visible =
        (edges.years[j] & yearBit) !== 0 &&
        (edges.kinds[j] === 0 || (edges.kinds[j] & state.kindMask) !== 0) &&
        !(hideFunded && edges.funding[j] === 1) &&
        state.nodeVisible[edges.source[j]] === 1 &&
        state.nodeVisible[edges.target[j]] === 1;
      state.edgeVisible[j] = visible ? 1 : 0;
      if (visible) visibleEdges++;
    }
    state.visibleNodes = visibleNodes;
    state.visibleEdges = visibleEdges;
  }

  /** Nodes within `steps` visible ties of `origin` (breadth-first), as a 0/1 array. */
  app.egoNodes = function (state, origin, steps) {
    const inside = new Uint8Array(state.n);
    const edges = state.payload.edges;
    let frontier = [origin];
    inside[origin] = 1;
    for (let step = 0; step < steps; step++) {
      const next = [];
      frontier.forEach(function (i) {
        for (let k = state.adjacency.start[i]; k < state.adjacency.start[i + 1]; k++) {
          const j = state.adjacency.list[k];
          if (!state.edgeVisible[j]) continue;
          const other = edges.source[j] === i ? edges.target[j] : edges.source[j];
          if (!inside[other]) {
            inside[other] = 1;
            next.push(other);
          }
        }
      });
      frontier = next;
    }
    return inside;
  };

  function computeEmphasis(state) {
    const edges = state.payload.edges;
    state.nodeMarked.fill(0);
    app.questionNodes(state.payload, state.question).forEach(function (i) {
      if (state.nodeVisible[i]) state.nodeMarked[i] = 1;
    });
    const ego = state.selected >= 0 && state.ego > 0 ? app.egoNodes(state, state.selected, state.ego) : null;
    const questionActive = state.question !== null;
    for (let i = 0; i < state.n; i++) {
      if (ego) state.nodeFaded[i] = ego[i] ? 0 : 1;
      else state.nodeFaded[i] = questionActive && !state.nodeMarked[i] ? 1 : 0;
    }
    for (let j = 0; j < state.m; j++) {
      const s = edges.source[j];
      const t = edges.target[j];
      if (ego) state.edgeFaded[j] = ego[s] && ego[t] ? 0 : 1;
      else state.edgeFaded[j] = questionActive && !state.nodeMarked[s] && !state.nodeMarked[t] ? 1 : 0;
    }
  }

  /** Recompute visibility, fading and marks after any change of the state. */
  app.computeView = function (state) {
    computeVisibility(state);
    computeEmphasis(state);
  };

  /** Indices i with array[i] set, as a plain array. */
  app.indices = function (array) {
    const result = [];
    for (let i = 0; i < array.length; i++) if (array[i]) result.push(i);
    return result;
  };

  /** Suggestions for a search text: labels containing it (folded), prefix matches first. */
  app.search = function (state, query, limit) {
    const folded = app.fold(query.trim());
    if (!folded) return [];
    const prefix = [];
    const inside = [];
    const order = state.labelOrder;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      const position = state.folded[i].indexOf(folded);
      if (position === 0) prefix.push(i);
      else if (position > 0) inside.push(i);
      if (prefix.length >= limit) break;
    }
    return prefix.concat(inside).slice(0, limit);
  };

  /** The ties of node i in the slider's year: [{edge, other}], sorted by the other's label. */
  app.tiesOf = function (state, i) {
    const edges = state.payload.edges;
    const labels = state.payload.nodes.label;
    const yearBit = 1 << state.year;
    const ties = [];
    for (let k = state.adjacency.start[i]; k < state.adjacency.start[i + 1]; k++) {
      const j = state.adjacency.list[k];
      if ((edges.years[j] & yearBit) === 0) continue;
      ties.push({ edge: j, other: edges.source[j] === i ? edges.target[j] : edges.source[j] });
    }
    ties.sort(function (a, b) {
      return labels[a.other].localeCompare(labels[b.other], state.payload.lang);
    });
    return ties;
  };

  /** The labels of the kinds set in a tie's bitmask. */
  app.kindLabels = function (payload, mask) {
    return payload.groups.kind
      .filter(function (_, k) {
        return (mask & (1 << k)) !== 0;
      })
      .map(function (kind) {
        return kind.label;
      });
  };

  return app;
})();
