// netzwerk interactive map, part 4 of 4: the controls and the page's small API.
//
// Builds the left column (search, colour/size, year slider, filters, question buttons,
// legend, print) into #steuerung, keeps the counter #sichtbar, opens the panel #panel, and
// exposes window.karte for tests and benchmarks:
//   visibleCount(), visibleEdgeCount(), visibleNodes(), visibleEdges(), marked(), faded(),
//   select(i), close(), selected(), setEgo(steps), setYear(index), year(),
//   setFilter(name, categories|null), setQuestion(name|null), setColourBy(g), setSizeBy(m),
//   reset(), labelBoxes(), snapshot(), framesPerSecond(ms), firstFrameMs, ready, error
// (PAYLOAD.md describes them).
"use strict";

(function (app) {
  const el = app.element;
  const payload = app.readPayload();
  performance.mark("karte-daten-gelesen");
  const state = app.createState(payload);
  const t = function (key, values) {
    return app.text(payload, key, values);
  };
  let view = null;
  let lastFocus = null;
  const resetters = []; // each puts one control back to the page's starting view
  const api = { ready: false, firstFrameMs: null };
  window.karte = api;

  const controls = document.getElementById("steuerung");
  const panel = document.getElementById("panel");
  const counter = document.getElementById("sichtbar");
  const tiesCounter = document.getElementById("sichtbar-beziehungen");

  function update() {
    app.computeView(state);
    if (view) app.refreshView(view);
    counter.textContent = t("visible", { n: app.number(payload, state.visibleNodes) });
    tiesCounter.textContent = app.optionalText(payload, "visible_ties", { m: app.number(payload, state.visibleEdges) });
    if (state.selected >= 0 && !panel.hidden) app.renderPanel(panel, panelContext, state.selected);
  }

  // ---- selection and panel ------------------------------------------------------------
  function select(i) {
    if (panel.hidden) lastFocus = document.activeElement;
    state.selected = i;
    update();
    const wasHidden = panel.hidden;
    const title = app.renderPanel(panel, panelContext, i);
    if (view && wasHidden) app.resizeView(view);
    if (view) app.focusNode(view, i);
    title.focus();
  }

  function close() {
    state.selected = -1;
    state.ego = 0;
    panel.hidden = true;
    panel.textContent = "";
    update();
    if (view) app.resizeView(view);
    const back = lastFocus && document.body.contains(lastFocus) ? lastFocus : document.getElementById("suche");
    back.focus();
  }

  function setEgo(steps) {
    state.ego = steps;
    update();
    const button = document.getElementById("ego-" + steps);
    if (button) button.focus();
  }

  const panelContext = { state: state, select: select, setEgo: setEgo, close: close };

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      close();
    }
  });

  // ---- controls -------------------------------------------------------------------------
  function labelled(labelText, control, id) {
    const wrap = el("div", { className: "feld" });
    control.id = id;
    wrap.appendChild(el("label", { text: labelText, attributes: { for: id } }));
    wrap.appendChild(control);
    return wrap;
  }

  function searchBox() {
    const wrap = el("div", { className: "feld suche" });
    const input = el("input", {
      attributes: {
        type: "search",
        id: "suche",
        autocomplete: "off",
        role: "combobox",
        "aria-autocomplete": "list",
        "aria-controls": "vorschlaege",
        "aria-expanded": "false",
        placeholder: t("search_hint"),
      },
    });
    const list = el("ul", { attributes: { id: "vorschlaege", role: "listbox", "aria-label": t("search") } });
    list.hidden = true;
    wrap.appendChild(el("label", { text: t("search"), attributes: { for: "suche" } }));
    wrap.appendChild(input);
    wrap.appendChild(list);
    app.wireSearch(input, list, state, select);
    return wrap;
  }

  function selectBox(id, labelKey, options, value, onChange) {
    const box = el("select");
    options.forEach(function (option) {
      const item = el("option", { text: t(option[1]), attributes: { value: option[0] } });
      item.selected = option[0] === value;
      box.appendChild(item);
    });
    box.addEventListener("change", function () {
      onChange(box.value);
    });
    return labelled(t(labelKey), box, id);
  }

  function yearSlider() {
    const years = payload.meta.years;
    const slider = el("input", {
      attributes: { type: "range", min: "0", max: String(years.length - 1), step: "1", value: String(state.year) },
    });
    const shown = el("output", { attributes: { id: "jahr-anzeige", for: "jahr" } });
    function show() {
      const year = years[state.year];
      shown.textContent = !year.day || year.label === year.day ? year.label : year.label + " (" + year.day + ")";
      slider.setAttribute("aria-valuetext", year.label);
    }
    slider.addEventListener("input", function () {
      state.year = Number(slider.value);
      show();
      update();
    });
    show();
    resetters.push(function () {
      api.setYear(payload.meta.current);
    });
    const wrap = labelled(t("year"), slider, "jahr");
    wrap.appendChild(shown);
    api.setYear = function (index) {
      slider.value = String(index);
      slider.dispatchEvent(new Event("input"));
    };
    return wrap;
  }

  /** One filter as a checkbox list in a <details>; checked[k + 1] belongs to group entry k. */
  function checkboxFilter(name, textKey, entries, checked, onChange) {
    const box = el("details", { className: "filter", attributes: { id: "filter-" + name } });
    const summary = el("summary");
    box.appendChild(summary);
    const boxes = [];
    function count() {
      const on = boxes.filter(function (b) {
        return b.checked;
      }).length;
      summary.textContent = t(textKey) + " (" + on + "/" + boxes.length + ")";
    }
    function changed() {
      boxes.forEach(function (b) {
        checked[Number(b.value) + 1] = b.checked ? 1 : 0;
      });
      count();
      onChange();
    }
    const buttons = el("div", { className: "alle-keine" });
    [
      ["all", true],
      ["none", false],
    ].forEach(function (choice) {
      const button = el("button", { text: t(choice[0]), attributes: { type: "button" } });
      button.addEventListener("click", function () {
        boxes.forEach(function (b) {
          b.checked = choice[1];
        });
        changed();
      });
      buttons.appendChild(button);
    });
    box.appendChild(buttons);
    entries.forEach(function (entry) {
      const row = el("label", { className: "wahl" });
      const input = el("input", { attributes: { type: "checkbox", value: String(entry[0]) } });
      input.checked = checked[entry[0] + 1] === 1;
      input.addEventListener("change", changed);
      boxes.push(input);
      row.appendChild(input);
      if (entry[2]) row.appendChild(el("span", { className: "farbfeld", attributes: { "aria-hidden": "true" } })).style.background = entry[2];
      row.appendChild(el("span", { text: entry[1] }));
      box.appendChild(row);
    });
    count();
    resetters.push(function () {
      boxes.forEach(function (b) {
        b.checked = true;
      });
      changed();
    });
    return box;
  }

  /** Entries [index, label, colour] of a node filter, with "not given" when a node lacks it. */
  function filterEntries(filter) {
    const entries = payload.groups[filter.group].map(function (group, k) {
      return [k, group.label, group.color];
    });
    const values = payload.nodes[filter.column];
    const lacking = values.some(function (value) {
      return filter.many ? value.length === 0 : value < 0;
    });
    if (lacking) entries.push([-1, t("unknown"), null]);
    return entries;
  }

  function filters() {
    const wrap = el("fieldset", { className: "filterliste" });
    wrap.appendChild(el("legend", { text: t("filters") }));
    app.NODE_FILTERS.forEach(function (filter) {
      if (!payload.groups[filter.group].length) return;
      wrap.appendChild(checkboxFilter(filter.name, filter.text, filterEntries(filter), state.filters[filter.name], update));
    });
    if (payload.groups.kind.length) {
      const kinds = new Uint8Array(payload.groups.kind.length + 1).fill(1);
      const entries = payload.groups.kind.map(function (kind, k) {
        return [k, kind.label, null];
      });
      wrap.appendChild(
        checkboxFilter("kind", "filter_kind", entries, kinds, function () {
          let mask = 0;
          for (let k = 0; k < payload.groups.kind.length; k++) if (kinds[k + 1]) mask |= 1 << k;
          state.kindMask = mask;
          update();
        })
      );
    }
    return wrap;
  }

  /** The questions that take something out of the network: the text that says how many
   * actors are cut off, and the report's own words after it (payload.questions). */
  const SCENARIOS = { without_coordinator: "cut_off_marked", without_funding: "funding_cut_off_marked" };

  function questions() {
    const wrap = el("fieldset", { className: "fragen" });
    wrap.appendChild(el("legend", { text: t("questions") }));
    const note = el("div", { className: "fragen-hinweis", attributes: { id: "fragen-hinweis", "aria-live": "polite" } });
    const buttons = [];
    function show() {
      buttons.forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.dataset.frage === state.question));
      });
      note.textContent = "";
      if (state.question === null) return;
      const count = app.number(payload, api.marked().length);
      const words = app.optionalText(payload, "marked", { n: count });
      const scenario = SCENARIOS[state.question];
      if (!scenario && words) note.appendChild(el("p", { text: words }));
      if (scenario) {
        const marked = app.optionalText(payload, scenario, { n: count }) || t("cut_off_marked", { n: count });
        note.appendChild(el("p", { text: marked }));
        (payload.questions[state.question] || []).forEach(function (line) {
          note.appendChild(el("p", { text: line }));
        });
      }
    }
    api.setQuestion = function (name) {
      state.question = name === state.question ? null : name;
      update();
      if (view && state.question !== null) app.showWhole(view);
      show();
    };
    const asked = [
      ["brokers", "show_brokers"],
      ["cut_points", "show_cut_points"],
      ["unreached", "show_unreached"],
      ["without_coordinator", "without_coordinator"],
    ];
    // the funding scenario only where the data has funding that runs out
    if ((payload.questions.without_funding || []).length) asked.push(["without_funding", "without_funding"]);
    asked.forEach(function (question) {
      const button = el("button", {
        text: app.optionalText(payload, question[1], {}) || t(question[1]),
        attributes: { type: "button", id: "frage-" + question[0], "aria-pressed": "false" },
      });
      button.dataset.frage = question[0];
      button.addEventListener("click", function () {
        api.setQuestion(question[0]);
      });
      buttons.push(button);
      wrap.appendChild(button);
    });
    resetters.push(function () {
      if (state.question !== null) api.setQuestion(state.question);
    });
    const reset = el("button", { text: t("reset"), attributes: { type: "button", id: "alles-zeigen" } });
    reset.addEventListener("click", api.reset);
    wrap.appendChild(reset);
    wrap.appendChild(note);
    return wrap;
  }

  function legend() {
    const wrap = el("div", { className: "legende", attributes: { id: "legende", "aria-label": t("colour_by") } });
    function show() {
      wrap.textContent = "";
      const groups = payload.groups[state.colourBy];
      groups.slice(0, 12).forEach(function (group) {
        const row = el("div", { className: "legende-zeile" });
        row.appendChild(el("span", { className: "farbfeld", attributes: { "aria-hidden": "true" } })).style.background = group.color;
        row.appendChild(el("span", { text: group.label }));
        wrap.appendChild(row);
      });
      if (groups.length > 12) wrap.appendChild(el("div", { className: "klein", text: "+ " + app.number(payload, groups.length - 12) }));
    }
    show();
    return { element: wrap, show: show };
  }

  function printButton() {
    const button = el("button", { text: t("print"), attributes: { type: "button", id: "drucken" } });
    button.addEventListener("click", function () {
      document.getElementById("druckbild").src = app.snapshot(view);
      window.print();
    });
    return button;
  }

  function buildControls() {
    const shownLegend = legend();
    controls.appendChild(searchBox());
    const colourOptions = [["sector", "colour_sector"]];
    if (payload.groups.community.length) colourOptions.push(["community", "colour_community"]);
    controls.appendChild(
      selectBox("farbe", "colour_by", colourOptions, state.colourBy, function (value) {
        api.setColourBy(value);
        shownLegend.show();
      })
    );
    controls.appendChild(
      selectBox("groesse", "size_by", [["betweenness", "size_betweenness"], ["degree", "size_degree"]], state.sizeBy, function (value) {
        api.setSizeBy(value);
      })
    );
    controls.appendChild(yearSlider());
    controls.appendChild(questions());
    controls.appendChild(filters());
    controls.appendChild(shownLegend.element);
    document.getElementById("kopf-aktionen").appendChild(printButton());
  }

  // ---- API for tests and benchmarks --------------------------------------------------
  Object.assign(api, {
    visibleCount: function () {
      return state.visibleNodes;
    },
    visibleEdgeCount: function () {
      return state.visibleEdges;
    },
    visibleNodes: function () {
      return app.indices(state.nodeVisible);
    },
    visibleEdges: function () {
      return app.indices(state.edgeVisible);
    },
    marked: function () {
      return app.indices(state.nodeMarked);
    },
    faded: function () {
      return app.indices(state.nodeFaded).filter(function (i) {
        return state.nodeVisible[i] === 1;
      });
    },
    select: select,
    close: close,
    reset: function () {
      resetters.forEach(function (reset) {
        reset();
      });
      if (state.ego) setEgo(0);
    },
    selected: function () {
      return state.selected;
    },
    setEgo: setEgo,
    year: function () {
      return state.year;
    },
    setFilter: function (name, categories) {
      const checked = state.filters[name];
      checked.fill(categories === null ? 1 : 0);
      (categories || []).forEach(function (k) {
        checked[k + 1] = 1;
      });
      update();
    },
    setColourBy: function (grouping) {
      state.colourBy = grouping;
      if (view) app.restyleView(view);
    },
    setSizeBy: function (measure) {
      state.sizeBy = measure;
      if (view) app.restyleView(view);
    },
    labelBoxes: function () {
      return view ? view.boxes.map(function (b) {
        return { i: b.i, label: payload.nodes.label[b.i], x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 };
      }) : [];
    },
    snapshot: function () {
      return app.snapshot(view);
    },
    framesPerSecond: function (ms) {
      return app.framesPerSecond(view, ms || 2000);
    },
  });

  // Printing with the browser's own command (Ctrl+P) also prints the current map.
  window.addEventListener("beforeprint", function () {
    if (view) document.getElementById("druckbild").src = app.snapshot(view);
  });

  // ---- start ------------------------------------------------------------------------------
  buildControls();
  update();
  performance.mark("karte-steuerung-gebaut");
  try {
    view = app.createView(state, document.getElementById("karte"), {
      onFirstFrame: function (now) {
        api.firstFrameMs = now;
        performance.mark("karte-erstes-bild");
      },
      onClickNode: select,
    });
    api.view = view;
    performance.mark("karte-ansicht-gebaut");
  } catch (error) {
    const message = document.getElementById("karte");
    message.textContent = "";
    message.appendChild(el("p", { className: "fehler", text: (app.optionalText(payload, "webgl_missing") + " (" + error.message + ")").trim() }));
    api.error = String(error);
  }
  api.ready = true;
})(window.KarteApp);
