// netzwerk interactive map, part 3 of 4: the side panel of one actor and the search box.
//
// All texts come from the payload (payload.texts and the formatted facts); elements are
// built with textContent only, never from HTML strings.
"use strict";

(function (app) {
  /** A new element with optional class, text and attributes. */
  app.element = function (tag, options) {
    const element = document.createElement(tag);
    const o = options || {};
    if (o.className) element.className = o.className;
    if (o.text !== undefined) element.textContent = o.text;
    if (o.attributes) {
      Object.keys(o.attributes).forEach(function (name) {
        element.setAttribute(name, o.attributes[name]);
      });
    }
    return element;
  };
  const el = app.element;

  function groupLabel(payload, group, index) {
    const list = payload.groups[group];
    return index >= 0 && index < list.length ? list[index].label : app.text(payload, "unknown");
  }

  function listLabels(payload, group, indices) {
    if (!indices.length) return app.text(payload, "none");
    return indices
      .map(function (k) {
        return groupLabel(payload, group, k);
      })
      .join(", ");
  }

  /** A button that selects another actor from inside the panel. */
  function actorButton(context, i) {
    const button = el("button", {
      className: "verweis",
      text: context.state.payload.nodes.label[i],
      attributes: { type: "button", "data-node": String(i) },
    });
    button.addEventListener("click", function () {
      context.select(i);
    });
    return button;
  }

  function section(title) {
    const part = el("section", { className: "panel-teil" });
    part.appendChild(el("h3", { text: title }));
    return part;
  }

  function overview(payload, i) {
    const nodes = payload.nodes;
    const list = el("dl", { className: "eckdaten" });
    const rows = [
      ["type", groupLabel(payload, "type", nodes.type[i])],
      ["sector", groupLabel(payload, "sector", nodes.sector[i])],
      ["topics", listLabels(payload, "topic", nodes.topics[i])],
      ["role", nodes.role[i] || app.text(payload, "none")],
    ];
    if (payload.texts.projects) rows.splice(3, 0, ["projects", listLabels(payload, "project", nodes.projects[i])]);
    rows.forEach(function (row) {
      list.appendChild(el("dt", { text: app.text(payload, row[0]) }));
      list.appendChild(el("dd", { text: row[1] }));
    });
    return list;
  }

  function figures(payload, i) {
    const part = section(app.text(payload, "figures_day", { day: payload.meta.figures_day }));
    const list = el("dl", { className: "kennzahlen", attributes: { id: "kennzahlen" } });
    payload.nodes.facts[i].forEach(function (fact) {
      list.appendChild(el("dt", { text: fact[0] }));
      list.appendChild(el("dd", { text: fact[1] }));
    });
    part.appendChild(list);
    return part;
  }

  function ties(context, i) {
    const state = context.state;
    const payload = state.payload;
    const found = app.tiesOf(state, i);
    const title = app.text(payload, "ties") + " (" + app.number(payload, found.length) + ")";
    const part = section(title + " · " + payload.meta.years[state.year].label);
    const list = el("ul", { className: "beziehungen", attributes: { id: "panel-beziehungen" } });
    found.forEach(function (tie) {
      const item = el("li", { attributes: { "data-edge": String(tie.edge) } });
      item.appendChild(actorButton(context, tie.other));
      // `dates` names the kinds with their periods; undated ties show their kinds only.
      const dates = payload.edges.dates[tie.edge];
      const words = dates || app.kindLabels(payload, payload.edges.kinds[tie.edge]).join(", ");
      item.appendChild(el("span", { className: "klein", text: words }));
      list.appendChild(item);
    });
    if (!found.length) list.appendChild(el("li", { text: app.text(payload, "none") }));
    part.appendChild(list);
    return part;
  }

  function introductions(context, i) {
    const payload = context.state.payload;
    const part = section(app.text(payload, "introductions"));
    const list = el("ul", { className: "vorstellungen", attributes: { id: "panel-vorstellungen" } });
    payload.nodes.introductions[i].forEach(function (suggestion) {
      const item = el("li");
      item.appendChild(actorButton(context, suggestion[0]));
      const via = suggestion[1] >= 0 ? app.text(payload, "introducer", { name: payload.nodes.label[suggestion[1]] }) + " · " : "";
      item.appendChild(el("span", { className: "klein", text: via + suggestion[2] }));
      list.appendChild(item);
    });
    if (!payload.nodes.introductions[i].length) {
      list.appendChild(el("li", { text: app.text(payload, "none") }));
    }
    part.appendChild(list);
    return part;
  }

  function egoButtons(context) {
    const payload = context.state.payload;
    const bar = el("div", { className: "ego", attributes: { role: "group", "aria-label": app.text(payload, "ego") } });
    [
      [1, "ego_1"],
      [2, "ego_2"],
      [0, "ego_off"],
    ].forEach(function (choice) {
      const button = el("button", {
        text: app.text(payload, choice[1]),
        attributes: {
          type: "button",
          id: "ego-" + choice[0],
          "aria-pressed": String(context.state.ego === choice[0]),
        },
      });
      button.addEventListener("click", function () {
        context.setEgo(choice[0]);
      });
      bar.appendChild(button);
    });
    return bar;
  }

  /** Fill the panel element with actor i's details (context: {state, select, setEgo, close}). */
  app.renderPanel = function (panel, context, i) {
    const state = context.state;
    const payload = state.payload;
    panel.textContent = "";
    const head = el("div", { className: "panel-kopf" });
    const title = el("h2", { text: payload.nodes.label[i], attributes: { id: "panel-titel", tabindex: "-1" } });
    head.appendChild(title);
    const close = el("button", {
      className: "schliessen",
      text: "×",
      attributes: { type: "button", "aria-label": app.text(payload, "panel_close"), title: app.text(payload, "panel_close") },
    });
    close.addEventListener("click", context.close);
    head.appendChild(close);
    panel.appendChild(head);
    const hidden = app.optionalText(payload, "hidden_note");
    if (!state.nodeVisible[i] && hidden) panel.appendChild(el("p", { className: "hinweis", text: hidden }));
    panel.appendChild(egoButtons(context));
    panel.appendChild(overview(payload, i));
    panel.appendChild(figures(payload, i));
    panel.appendChild(ties(context, i));
    panel.appendChild(introductions(context, i));
    panel.hidden = false;
    return title;
  };

  /**
   * Wire the search box: suggestions as you type (up to 12, anywhere in the label, case-
   * and umlaut-insensitive), arrow keys to move, Enter to open the actor (onPick(i)).
   */
  app.wireSearch = function (input, list, state, onPick) {
    let found = [];
    let active = -1;

    function show(picked) {
      list.textContent = "";
      found.forEach(function (i, k) {
        const item = el("li", {
          text: state.payload.nodes.label[i],
          attributes: { role: "option", id: "vorschlag-" + k, "aria-selected": String(k === active) },
        });
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          pick(i);
        });
        list.appendChild(item);
      });
      const noMatch = app.optionalText(state.payload, "no_match");
      if (!picked && input.value.trim() && !found.length && noMatch) {
        list.appendChild(el("li", { className: "leer", text: noMatch }));
      }
      list.hidden = list.childElementCount === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
      if (active >= 0) input.setAttribute("aria-activedescendant", "vorschlag-" + active);
      else input.removeAttribute("aria-activedescendant");
    }

    function pick(i) {
      input.value = state.payload.nodes.label[i];
      found = [];
      active = -1;
      show(true); // the box now holds the actor's name: no "no match" under it
      onPick(i);
    }

    input.addEventListener("input", function () {
      found = app.search(state, input.value, 12);
      active = -1;
      show();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!found.length) return;
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        active = (active + step + found.length) % found.length;
        show();
      } else if (event.key === "Enter") {
        event.preventDefault();
        const hits = found.length ? found : app.search(state, input.value, 1);
        if (hits.length) pick(hits[active >= 0 ? active : 0]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.stopPropagation();
        found = [];
        show();
      }
    });
    input.addEventListener("blur", function () {
      found = [];
      active = -1;
      show(true); // leaving the box closes the list, "no match" included
    });
  };
})(window.KarteApp);
