// netzwerk interactive map, part 2 of 4: drawing.
//
// sigma (WebGL) draws actors at the payload's x/y and their ties; the browser computes no
// layout. sigma's own labels are off: after every render this file draws the labels on an
// overlay canvas, in order of importance (selected, hovered, marked, then payload size and
// degree), each only where its box overlaps no label drawn before, so no text ever overlaps,
// at any zoom. Marked actors get a ring on the same overlay.
"use strict";

(function (app) {
  // The map's own colours (the groups' Okabe–Ito colours come from the payload).
  const COLOUR = {
    unknown: "#9a9a9a",
    faded: "#e3e3e3",
    edge: "#c3c8cf",
    edgeHeavy: "#959ca6", // ties of weight above 1 (lines are one pixel wide)
    edgeStrong: "#5f6670",
    edgeFaded: "#f1f1f1",
    label: "#1a1a1a",
    labelHalo: "rgba(255, 255, 255, 0.92)",
    ring: "#D55E00", // Okabe–Ito vermillion: the actors a question button marks
    selected: "#0b5cad",
  };
  const LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  const LABEL_SIZE = 12;
  const LABEL_GAP = 2; // pixels kept free around each label box
  const GRID = 64; // cell size of the collision grid, pixels

  /** Node sizes in screen pixels for the chosen measure (square root: area ~ value). */
  app.nodeSizes = function (payload, sizeBy) {
    const values = sizeBy === "degree" ? payload.nodes.degree : payload.nodes.betweenness;
    const n = values.length;
    let largest = 0;
    for (let i = 0; i < n; i++) if (values[i] > largest) largest = values[i];
    const scale = Math.min(1, Math.sqrt(400 / Math.max(n, 1)));
    const smallest = 2 + 2 * scale;
    const range = 14 * scale;
    return values.map(function (value) {
      return smallest + (largest > 0 ? range * Math.sqrt(Math.max(value, 0) / largest) : 0);
    });
  };

  /** Node colours for the chosen grouping ("sector" or "community"). */
  app.nodeColours = function (payload, colourBy) {
    const groups = payload.groups[colourBy];
    return payload.nodes[colourBy].map(function (g) {
      return g >= 0 && g < groups.length ? groups[g].color : COLOUR.unknown;
    });
  };

  /** The graphology graph: node key = index as text, edge key = index as text. */
  function buildGraph(state) {
    const payload = state.payload;
    const graph = new window.graphology.Graph({ type: "undirected", multi: true });
    const sizes = app.nodeSizes(payload, state.sizeBy);
    const colours = app.nodeColours(payload, state.colourBy);
    const nodes = payload.nodes;
    for (let i = 0; i < state.n; i++) {
      graph.addNode(String(i), { x: nodes.x[i], y: nodes.y[i], size: sizes[i], color: colours[i], i: i });
    }
    const edges = payload.edges;
    for (let j = 0; j < state.m; j++) {
      graph.addEdgeWithKey(String(j), String(edges.source[j]), String(edges.target[j]), { size: 1, j: j, heavy: edges.weight[j] > 1 });
    }
    return graph;
  }

  function reducers(state) {
    return {
      nodeReducer: function (key, data) {
        const i = data.i;
        if (!state.nodeVisible[i]) return Object.assign({}, data, { hidden: true });
        if (state.nodeFaded[i]) return Object.assign({}, data, { color: COLOUR.faded, zIndex: 0 });
        const on = state.nodeMarked[i] || i === state.selected;
        return Object.assign({}, data, { zIndex: on ? 2 : 1 });
      },
      edgeReducer: function (key, data) {
        const j = data.j;
        if (!state.edgeVisible[j]) return Object.assign({}, data, { hidden: true });
        if (state.edgeFaded[j]) return Object.assign({}, data, { color: COLOUR.edgeFaded, zIndex: 0 });
        const strong = state.question !== null || (state.selected >= 0 && state.ego > 0);
        const colour = strong ? COLOUR.edgeStrong : data.heavy ? COLOUR.edgeHeavy : COLOUR.edge;
        return Object.assign({}, data, { color: colour, zIndex: 1 });
      },
    };
  }

  /** The affine map from payload x/y to viewport pixels, read from sigma once per frame. */
  function viewportMap(sigma) {
    const o = sigma.graphToViewport({ x: 0, y: 0 });
    const ex = sigma.graphToViewport({ x: 1, y: 0 });
    const ey = sigma.graphToViewport({ x: 0, y: 1 });
    return { ox: o.x, oy: o.y, xx: ex.x - o.x, xy: ex.y - o.y, yx: ey.x - o.x, yy: ey.y - o.y };
  }

  /** Collision grid of drawn label boxes. */
  function Boxes(width, height) {
    this.columns = Math.ceil(width / GRID) + 1;
    this.cells = new Map();
    this.list = [];
  }
  Boxes.prototype.keys = function (box, visit) {
    const c0 = Math.max(0, Math.floor(box.x0 / GRID));
    const c1 = Math.max(0, Math.floor(box.x1 / GRID));
    const r0 = Math.max(0, Math.floor(box.y0 / GRID));
    const r1 = Math.max(0, Math.floor(box.y1 / GRID));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * this.columns + c);
  };
  Boxes.prototype.free = function (box) {
    const cells = this.cells;
    let free = true;
    this.keys(box, function (key) {
      const inCell = cells.get(key);
      if (!free || !inCell) return;
      for (let k = 0; k < inCell.length; k++) {
        const other = inCell[k];
        if (box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1) {
          free = false;
          return;
        }
      }
    });
    return free;
  };
  Boxes.prototype.add = function (box) {
    const cells = this.cells;
    this.keys(box, function (key) {
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(box);
    });
    this.list.push(box);
  };

  /** Draw one frame of labels and rings; returns the drawn label boxes. */
  function drawOverlay(view) {
    const state = view.state;
    const sigma = view.sigma;
    const context = view.context;
    const width = sigma.width;
    const height = sigma.height;
    context.clearRect(0, 0, width, height);
    const map = viewportMap(sigma);
    const nodes = state.payload.nodes;
    const graph = sigma.getGraph();
    const boxes = new Boxes(width, height);
    context.font = LABEL_FONT;
    context.textBaseline = "middle";
    context.lineJoin = "round";

    function place(i, force) {
      if (!state.nodeVisible[i]) return;
      const x = map.ox + nodes.x[i] * map.xx + nodes.y[i] * map.yx;
      const y = map.oy + nodes.x[i] * map.xy + nodes.y[i] * map.yy;
      const radius = sigma.scaleSize(graph.getNodeAttribute(String(i), "size"));
      if (x + radius < 0 || y + radius < 0 || x - radius > width || y - radius > height) return;
      if (!force && state.nodeFaded[i]) return;
      let textWidth = view.textWidths[i];
      if (textWidth < 0) {
        textWidth = context.measureText(nodes.label[i]).width;
        view.textWidths[i] = textWidth;
      }
      const left = x + radius + 3;
      const box = {
        i: i,
        x0: left - LABEL_GAP,
        y0: y - LABEL_SIZE / 2 - LABEL_GAP,
        x1: left + textWidth + LABEL_GAP,
        y1: y + LABEL_SIZE / 2 + LABEL_GAP,
      };
      if (box.x1 > width || box.x0 < 0 || box.y0 < 0 || box.y1 > height || !boxes.free(box)) return;
      boxes.add(box);
      context.lineWidth = 3;
      context.strokeStyle = COLOUR.labelHalo;
      context.strokeText(nodes.label[i], left, y);
      context.fillStyle = COLOUR.label;
      context.fillText(nodes.label[i], left, y);
    }

    function ring(i, colour, lineWidth) {
      if (!state.nodeVisible[i]) return;
      const x = map.ox + nodes.x[i] * map.xx + nodes.y[i] * map.yx;
      const y = map.oy + nodes.x[i] * map.xy + nodes.y[i] * map.yy;
      const radius = sigma.scaleSize(graph.getNodeAttribute(String(i), "size"));
      context.beginPath();
      context.arc(x, y, radius + 2 + lineWidth / 2, 0, 2 * Math.PI);
      context.lineWidth = lineWidth + 2;
      context.strokeStyle = "#ffffff";
      context.stroke();
      context.lineWidth = lineWidth;
      context.strokeStyle = colour;
      context.stroke();
    }

    const marked = app.questionNodes(state.payload, state.question);
    marked.forEach(function (i) {
      ring(i, COLOUR.ring, 3);
    });
    if (state.selected >= 0) ring(state.selected, COLOUR.selected, 3);
    if (state.selected >= 0) place(state.selected, true);
    if (state.hovered >= 0) place(state.hovered, true);
    marked.forEach(function (i) {
      place(i, true);
    });
    const order = state.labelOrder;
    for (let k = 0; k < order.length; k++) place(order[k], false);
    return boxes.list;
  }

  /**
   * Create the sigma view in `container`: the graph, reducers, the label overlay, and the
   * hooks `onFirstFrame(ms)`, `onClickNode(i)`.
   */
  app.createView = function (state, container, hooks) {
    const programs = window.SigmaPrograms;
    const settings = Object.assign(reducers(state), {
      renderLabels: false,
      renderEdgeLabels: false,
      defaultDrawNodeHover: function () {},
      enableCameraRotation: false,
      zIndex: true,
      minCameraRatio: 0.01,
      maxCameraRatio: 4,
      stagePadding: 40,
      defaultEdgeColor: COLOUR.edge,
    });
    // One-pixel lines: a third of the rectangles' cost in software WebGL (measured: 11 ms
    // instead of 37 ms per frame for the sample's 1,135 ties under SwiftShader).
    settings.edgeProgramClasses = { line: programs.EdgeLineProgram };
    const view = {
      state: state,
      sigma: null,
      context: null,
      boxes: [],
      renders: 0,
      textWidths: new Float32Array(state.n).fill(-1),
    };
    const graph = buildGraph(state);
    performance.mark("karte-graph-gebaut");
    const sigma = new window.Sigma(graph, container, settings);
    performance.mark("karte-sigma-erzeugt");
    view.sigma = sigma;
    sigma.createCanvasContext("karteLabels", { afterLayer: "labels" });
    sigma.resize(true);
    view.context = sigma.getCanvases().karteLabels.getContext("2d");
    view.redrawOverlay = function () {
      view.boxes = drawOverlay(view);
    };
    sigma.on("afterRender", function () {
      view.renders++;
      view.redrawOverlay();
      if (view.renders === 1 && hooks.onFirstFrame) hooks.onFirstFrame(performance.now());
    });
    sigma.on("enterNode", function (event) {
      state.hovered = Number(event.node);
      container.style.cursor = "pointer";
      view.redrawOverlay();
    });
    sigma.on("leaveNode", function () {
      state.hovered = -1;
      container.style.cursor = "";
      view.redrawOverlay();
    });
    sigma.on("clickNode", function (event) {
      if (hooks.onClickNode) hooks.onClickNode(Number(event.node));
    });
    sigma.refresh();
    return view;
  };

  /** Re-apply reducers after a state change (sizes and colours stay). */
  app.refreshView = function (view) {
    view.sigma.refresh();
  };

  /** Set node sizes and colours after "size by" / "colour by" changed. */
  app.restyleView = function (view) {
    const state = view.state;
    const sizes = app.nodeSizes(state.payload, state.sizeBy);
    const colours = app.nodeColours(state.payload, state.colourBy);
    view.sigma.getGraph().updateEachNodeAttributes(function (key, attributes) {
      attributes.size = sizes[attributes.i];
      attributes.color = colours[attributes.i];
      return attributes;
    });
  };

  /** Fit sigma to its container after the container changed size (the panel opened or closed). */
  app.resizeView = function (view) {
    view.sigma.resize();
    view.sigma.refresh();
  };

  /** Animate the camera back to the whole map. */
  app.showWhole = function (view) {
    view.sigma.getCamera().animatedReset({ duration: 400 });
  };

  /** Animate the camera to actor i. */
  app.focusNode = function (view, i, duration) {
    const data = view.sigma.getNodeDisplayData(String(i));
    if (!data) return;
    const camera = view.sigma.getCamera();
    const ratio = Math.min(camera.getState().ratio, 0.35);
    camera.animate({ x: data.x, y: data.y, ratio: ratio }, { duration: duration === undefined ? 500 : duration });
  };

  /** One PNG of all map layers (white background), taken right after a synchronous render. */
  app.snapshot = function (view) {
    const sigma = view.sigma;
    sigma.refresh(); // renders now, so the WebGL buffers are still readable in this task
    const ratio = sigma.pixelRatio || 1;
    const out = document.createElement("canvas");
    out.width = sigma.width * ratio;
    out.height = sigma.height * ratio;
    const context = out.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, out.width, out.height);
    Array.prototype.forEach.call(sigma.getContainer().querySelectorAll("canvas"), function (canvas) {
      if (canvas.width > 0 && canvas.height > 0) context.drawImage(canvas, 0, 0, out.width, out.height);
    });
    return out.toDataURL("image/png");
  };

  /**
   * Frames per second while the camera pans and zooms for about `ms` milliseconds, as a
   * person's wheel zoom and drag do it: four chained camera animations (zoom in towards a
   * point, pan across, zoom partly out, back to the start). Frames are counted with
   * requestAnimationFrame, renders by sigma's afterRender; both are reported per second.
   */
  app.framesPerSecond = function (view, ms) {
    const camera = view.sigma.getCamera();
    const start = camera.getState();
    const steps = [
      { x: start.x + 0.15, y: start.y + 0.1, ratio: start.ratio * 0.3 },
      { x: start.x - 0.15, y: start.y - 0.1, ratio: start.ratio * 0.3 },
      { x: start.x, y: start.y + 0.15, ratio: start.ratio * 0.7 },
      { x: start.x, y: start.y, ratio: start.ratio },
    ];
    return new Promise(function (resolve) {
      let frames = 0;
      let running = true;
      const rendersBefore = view.renders;
      const t0 = performance.now();
      function count() {
        if (!running) return;
        frames++;
        requestAnimationFrame(count);
      }
      function next(k) {
        if (k === steps.length) {
          running = false;
          const seconds = (performance.now() - t0) / 1000;
          resolve({ fps: frames / seconds, renders: (view.renders - rendersBefore) / seconds, ms: seconds * 1000 });
          return;
        }
        // The promise form: sigma drops a callback that starts the next animation from
        // inside the previous one's callback; a promise continues after it returned.
        camera.animate(Object.assign({ angle: start.angle }, steps[k]), { duration: ms / steps.length, easing: "linear" }).then(function () {
          next(k + 1);
        });
      }
      requestAnimationFrame(count);
      next(0);
    });
  };
})(window.KarteApp);
