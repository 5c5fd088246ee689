// netzwerk interactive map, part 2 of 4: drawing.
//
// sigma (WebGL) draws actors at the payload's x/y and their ties; the browser computes no
// layout. sigma's own labels are off: after every render this file draws the labels on
// sigma's label canvas, in order of importance (selected, hovered, marked, then payload
// size and degree), each only where its box overlaps no label drawn before, so no text ever
// overlaps, at any zoom. Marked actors get a ring on the same canvas.
"use strict";

(function (app) {
  // The map's own colours (the groups' Okabe–Ito colours come from the payload).
  const COLOUR = {
    unknown: "#9a9a9a",
    faded: "#e3e3e3",
    edge: "#b3b9c1",
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
  const LARGE = { actors: 5000, ties: 20000 }; // above either: ties and labels rest while moving
  const MAX_LABELS = 400; // more names than this on one screen cannot be read anyway

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
  function buildGraph(state, sizes) {
    const payload = state.payload;
    const graph = new window.graphology.Graph({ type: "undirected", multi: true });
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

  /** Collision grid of drawn label boxes: each box is kept in every cell it touches. */
  function Boxes(width) {
    this.columns = Math.ceil(width / GRID) + 1;
    this.cells = new Map();
    this.list = [];
  }
  Boxes.prototype.free = function (box) {
    const c1 = Math.floor(box.x1 / GRID);
    const r1 = Math.floor(box.y1 / GRID);
    for (let r = Math.max(0, Math.floor(box.y0 / GRID)); r <= r1; r++) {
      for (let c = Math.max(0, Math.floor(box.x0 / GRID)); c <= c1; c++) {
        const inCell = this.cells.get(r * this.columns + c);
        if (!inCell) continue;
        for (let k = 0; k < inCell.length; k++) {
          const o = inCell[k];
          if (box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1) return false;
        }
      }
    }
    return true;
  };
  Boxes.prototype.add = function (box) {
    const c1 = Math.floor(box.x1 / GRID);
    const r1 = Math.floor(box.y1 / GRID);
    for (let r = Math.max(0, Math.floor(box.y0 / GRID)); r <= r1; r++) {
      for (let c = Math.max(0, Math.floor(box.x0 / GRID)); c <= c1; c++) {
        const key = r * this.columns + c;
        if (!this.cells.has(key)) this.cells.set(key, []);
        this.cells.get(key).push(box);
      }
    }
    this.list.push(box);
  };

  /** The box a label of `textWidth` pixels takes when its text starts at (left, y). */
  function labelBox(i, left, y, textWidth) {
    return {
      i: i,
      x0: left - LABEL_GAP,
      y0: y - LABEL_SIZE / 2 - LABEL_GAP,
      x1: left + textWidth + LABEL_GAP,
      y1: y + LABEL_SIZE / 2 + LABEL_GAP,
    };
  }

  /** Whether the camera is moving (sigma's own test for hideEdgesOnMove). */
  function moving(sigma) {
    const mouse = sigma.getMouseCaptor();
    return sigma.getCamera().isAnimated() || mouse.isMoving || mouse.draggedEvents > 0 || mouse.currentWheelDirection !== 0;
  }

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
    const sizes = view.sizes;
    const scale = sigma.scaleSize(1); // rendered radius = size × scale (linear in size)
    const boxes = new Boxes(width);
    const named = view.named; // one name per actor: the selected one may also be hovered, marked
    named.fill(0);
    context.font = LABEL_FONT;
    context.textBaseline = "middle";
    context.lineJoin = "round";

    function place(i, force) {
      if (!state.nodeVisible[i] || named[i]) return;
      const x = map.ox + nodes.x[i] * map.xx + nodes.y[i] * map.yx;
      const y = map.oy + nodes.x[i] * map.xy + nodes.y[i] * map.yy;
      const radius = sizes[i] * scale;
      if (x + radius < 0 || y + radius < 0 || x - radius > width || y - radius > height) return;
      if (!force && state.nodeFaded[i]) return;
      let textWidth = view.textWidths[i];
      if (textWidth < 0) {
        textWidth = context.measureText(nodes.label[i]).width;
        view.textWidths[i] = textWidth;
      }
      // Right of the actor; left of it when there is no room on the right; the selected
      // and hovered actor's name is moved inside the map when it fits on neither side.
      const right = labelBox(i, x + radius + 3, y, textWidth);
      let box = fits(right) ? right : labelBox(i, x - radius - 3 - textWidth, y, textWidth);
      if (force && !fits(box)) {
        const inside = Math.min(Math.max(LABEL_GAP, x + radius + 3), width - textWidth - LABEL_GAP);
        box = labelBox(i, inside, y, textWidth);
      }
      if (!fits(box)) return;
      boxes.add(box);
      named[i] = 1;
      const left = box.x0 + LABEL_GAP;
      context.lineWidth = 3;
      context.strokeStyle = COLOUR.labelHalo;
      context.strokeText(nodes.label[i], left, y);
      context.fillStyle = COLOUR.label;
      context.fillText(nodes.label[i], left, y);
    }

    function fits(box) {
      return box.x0 >= 0 && box.y0 >= 0 && box.x1 <= width && box.y1 <= height && boxes.free(box);
    }

    function ring(i, colour, lineWidth) {
      if (!state.nodeVisible[i]) return;
      const x = map.ox + nodes.x[i] * map.xx + nodes.y[i] * map.yx;
      const y = map.oy + nodes.x[i] * map.xy + nodes.y[i] * map.yy;
      const radius = sizes[i] * scale;
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
    if (view.large && moving(sigma)) return boxes.list;
    const order = state.labelOrder;
    for (let k = 0; k < order.length && boxes.list.length < MAX_LABELS; k++) place(order[k], false);
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
    // One-pixel lines and point sprites: in software WebGL (SwiftShader) a tenth of the
    // default programs' cost (measured per frame: 1,135 ties 11 ms instead of 37 ms as
    // rectangles; 10,000 actors 22 ms instead of 298 ms as instanced circles).
    settings.edgeProgramClasses = { line: programs.EdgeLineProgram };
    settings.nodeProgramClasses = { circle: programs.NodePointProgram };
    // Large networks: ties and the names of unmarked actors are hidden while the camera
    // moves (sigma's hideEdgesOnMove) and drawn again when it rests; at 10,000 actors and
    // 50,000 ties they cost ~110 ms and ~12 ms per frame in software WebGL.
    const large = state.n > LARGE.actors || state.m > LARGE.ties;
    settings.hideEdgesOnMove = large;
    const view = {
      state: state,
      sigma: null,
      context: null,
      boxes: [],
      renders: 0,
      textWidths: new Float32Array(state.n).fill(-1),
      named: new Uint8Array(state.n),
      sizes: app.nodeSizes(state.payload, state.sizeBy),
      large: large,
    };
    const graph = buildGraph(state, view.sizes);
    performance.mark("karte-graph-gebaut");
    // sigma's constructor processes the graph and renders the first frame (synchronously).
    const sigma = new window.Sigma(graph, container, settings);
    performance.mark("karte-sigma-erzeugt");
    view.sigma = sigma;
    // The labels go on sigma's own label canvas (sigma clears it every frame and, with
    // renderLabels off, draws nothing on it). Layers the map never uses are taken out of
    // the page: every visible canvas costs compositing time in each frame (measured: +25 %
    // frames per second in software WebGL without these three).
    const canvases = sigma.getCanvases();
    ["edgeLabels", "hovers", "hoverNodes"].forEach(function (layer) {
      canvases[layer].style.display = "none";
    });
    view.context = canvases.labels.getContext("2d");
    view.redrawOverlay = function () {
      view.boxes = drawOverlay(view);
    };
    sigma.on("afterRender", function () {
      view.renders++;
      view.redrawOverlay();
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
    // The first frame: sigma's constructor drew the map, the labels go on top of it now.
    view.renders = 1;
    view.redrawOverlay();
    if (hooks.onFirstFrame) hooks.onFirstFrame(performance.now());
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
    view.sizes = sizes;
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
      const shown = canvas.style.display !== "none" && canvas.width > 0 && canvas.height > 0;
      if (shown) context.drawImage(canvas, 0, 0, out.width, out.height);
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
