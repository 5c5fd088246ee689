"""Texts of the one line that says which network view an output shows
(`netzwerk.present.view_line`)."""

TEXTS: dict[str, tuple[str, str]] = {
    "view_line.line": ("Sicht: {parts}", "View: {parts}"),
    "view_line.as_of": ("Stand {day}", "as of {day}"),
    "view_line.all_periods": ("alle Zeiträume", "all periods"),
    "view_line.ties": ("Beziehungen: {kinds}", "ties: {kinds}"),
    "view_line.no_ties": ("keine direkten Beziehungen", "no direct ties"),
    "view_line.shared": ("gemeinsame {kinds}", "shared {kinds}"),
    "view_line.and": ("und", "and"),
    "view_line.project": ("Projekte", "projects"),
    "view_line.event": ("Veranstaltungen", "events"),
    "view_line.weighted": ("gewichtet", "weighted"),
    "view_line.unweighted": ("ungewichtet", "unweighted"),
    "view_line.by": ("Gruppen nach {attribute}", "groups by {attribute}"),
    "view_line.by.sector": ("Sektor", "sector"),
    "view_line.by.topics": ("Thema", "topic"),
    "view_line.by.type": ("Akteurstyp", "actor type"),
    "view_line.coordinators": ("Koordination: {names}", "coordinators: {names}"),
    "overview.view_all_periods": (
        "Über alle Zeiträume (Stand der Daten {day}): {actors} Akteure mit {ties} "
        "Verbindungen untereinander.",
        "Over all periods (data as of {day}): {actors} actors with {ties} ties among them.",
    ),
    "view_line.file": (
        "Alle Tabellen in diesem Ordner zeigen diese Netzwerksicht.",
        "Every table in this folder shows this network view.",
    ),
    # ------------------------------------------------------------------ how it was computed
    # (`netzwerk.present.method_line`): method.<key> labels an option, method.value.<v> a code
    "method.intro": ("Berechnung", "Computed"),
    "method.constraint_model": ("Constraint-Modell", "constraint model"),
    "method.value.whole": ("Gesamtnetz", "whole network"),
    "method.value.ego": ("Ego-Netz", "ego network"),
    "method.betweenness": ("Betweenness", "betweenness"),
    "method.value.exact": ("exakt", "exact"),
    "method.value.sampled": ("geschätzt", "sampled"),
    "method.betweenness_weighted": ("Betweenness gewichtet", "betweenness weighted"),
    "method.betweenness_sources": ("Quellen", "sources"),
    "method.betweenness_seed": ("Startwert", "seed"),
    "method.betweenness_precision": ("verlangte Genauigkeit ±", "precision asked ±"),
    "method.betweenness_max_error_95": ("größter Fehler (95 %) ±", "largest error (95 %) ±"),
    "method.measure": ("Kennzahl", "measure"),
    "method.value.F": ("Fragmentierung (F)", "fragmentation (F)"),
    "method.value.DF": ("Abstandsfragmentierung (DF)", "distance fragmentation (DF)"),
    "method.k": ("k", "k"),
    "method.seed": ("Startwert", "seed"),
    "method.restarts": ("Neustarts", "restarts"),
    "method.coordinators": ("Koordinatoren", "coordinators"),
}
