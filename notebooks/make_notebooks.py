"""Write the example notebooks (without outputs) from the cells below.

    .venv/bin/python notebooks/make_notebooks.py

The notebooks use only netzwerk's public API. The test suite runs them top to bottom
(tests/notebooks); edit the cells here, not in Jupyter, so the committed files stay
output-free and reviewable. The cells are formatted with ruff afterwards, if it is
installed (it is in the test extra).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = """\
%matplotlib inline
import tempfile
from datetime import date
from pathlib import Path

from netzwerk.store import open_store
from netzwerk.workflows import load_sample_data

# Die Beispieldaten in einen frischen eingebetteten Speicher (SQLite) in einem Temp-Ordner laden
ordner = Path(tempfile.mkdtemp(prefix="netzwerk-"))
speicher_pfad, geladen, _ = load_sample_data(ordner)
print("Speicher:", speicher_pfad)
print("Geladen:", geladen.created)"""

EXPLORE = [
    new_markdown_cell("""\
# Das Netzwerk erkunden – Beispieldaten Hagen-Wehringhausen

Dieses Notebook zeigt, wie man mit `netzwerk` in Python das Akteursnetzwerk eines Quartiers
ansieht: laden, zählen, filtern (nach Sektor und Datum), einzelne Akteure und ihr Umfeld
betrachten und Karten zeichnen. Es braucht nur ein wenig Python.

Die Beispieldaten sind erfunden (siehe `examples/wehringhausen/README.md`); **natürliche
Personen erscheinen in allen Ausgaben als Pseudonym** (z. B. `Person-7F3A-2C9K-XQ4M`)."""),
    new_markdown_cell("""\
## 1. Daten laden

`load_sample_data` legt einen eingebetteten Speicher (eine SQLite-Datei) an und liest die
Beispiel-Arbeitsmappe ein. Mit eigenen Daten: `netzwerk ingest meine-daten.xlsx` auf der
Kommandozeile, oder `netzwerk.ingest.read_files([...])` und `store.apply(...)`."""),
    new_code_cell(SETUP),
    new_markdown_cell("""\
`open_store` öffnet einen Speicher: eine Datei (wie hier) oder die gemeinsame
Neo4j-Datenbank des Teams. Für Neo4j:

```python
# Benutzer und Passwort kommen aus NEO4J_USERNAME / NEO4J_PASSWORD
with open_store("bolt://localhost:7687") as store:
    graph = store.graph()
```

`store.graph()` liefert das ganze Netzwerk als networkx-Graph: Akteure, Themen, Projekte,
Veranstaltungen und Orte mit ihren Beziehungen."""),
    new_code_cell("""\
with open_store(str(speicher_pfad)) as store:
    graph = store.graph()
    importe = store.ingest_log(limit=3)
    print(store.description)

print(graph.number_of_nodes(), "Knoten,", graph.number_of_edges(), "Beziehungen")
print("Importe:", [(eintrag["started"][:10], eintrag["files"]) for eintrag in importe])"""),
    new_markdown_cell("## 2. Was steckt drin?"),
    new_code_cell("""\
from netzwerk.present.tables import to_table
from netzwerk.report.overview import summarise

uebersicht = summarise(graph, lang="de")
print(to_table([{"Sektor": sektor, "Akteure": anzahl}
                for sektor, anzahl in uebersicht["sectors"].items()]))
print()
print("Zeitraum:", uebersicht["first_date"], "bis", uebersicht["last_date"])
print("Personen:", uebersicht["persons"], "davon mit Einwilligung:",
      uebersicht["persons_with_consent"])"""),
    new_markdown_cell("""\
## 3. Die Netzwerksicht zu einem Stichtag

Die Auswertungen arbeiten auf einer einfachen Sicht, der `NetworkView` (*Netzwerksicht*):
Akteure sind verbunden, wenn sie kooperieren, Mitglied sind, Träger sind – oder gemeinsam
an Projekten und Veranstaltungen teilnehmen. `as_of` nimmt nur, was an diesem Tag galt;
ohne Angabe ist das **heute** (wie bei jedem Befehl und im Bericht), `as_of=None` nimmt
alle Zeiträume. `view_line` sagt die Sicht in einer Zeile."""),
    new_code_cell("""\
from netzwerk.analysis import NetworkView
from netzwerk.present.view_line import view_line

sicht_2022 = NetworkView(as_of=date(2022, 6, 30)).actor_graph(graph)
netzwerksicht = NetworkView(as_of=date(2024, 6, 30))
sicht_2024 = netzwerksicht.actor_graph(graph)
for tag, sicht in (("30.06.2022", sicht_2022), ("30.06.2024", sicht_2024)):
    print(tag, ":", sicht.number_of_nodes(), "Akteure,", sicht.number_of_edges(), "Verbindungen")
print("Koordination (QM):", netzwerksicht.coordinator_ids(sicht_2024))
print(view_line(netzwerksicht))"""),
    new_markdown_cell("""\
Namen zeigen wir immer über den `Pseudonymiser`: Einrichtungen mit Namen, Personen als
Pseudonym (mit `show_names=True` nur Personen, die eingewilligt haben)."""),
    new_code_cell("""\
from netzwerk.privacy.pseudonyms import Pseudonymiser

namen = Pseudonymiser().names_for(sicht_2024.nodes)
print(namen["wiw"], "|", namen["kerstin-vogt"])"""),
    new_markdown_cell("## 4. Filtern: nach Sektor und nach Datum"),
    new_code_cell("""\
from netzwerk.model import SECTORS

bildung = [n for n, daten in sicht_2024.nodes(data=True) if daten["sector"] == "education"]
print(SECTORS.label("education"), ":", len(bildung), "Akteure")
for akteur in sorted(bildung, key=lambda n: -sicht_2024.degree(n))[:5]:
    print(f"  {namen[akteur]:45} {sicht_2024.degree(akteur):3} Verbindungen")

# Nur Bildung und Lokale Wirtschaft: wie viele Verbindungen gibt es zwischen beiden?
teil = sicht_2024.subgraph(n for n, d in sicht_2024.nodes(data=True)
                           if d["sector"] in ("education", "economy"))
zwischen = [(u, v) for u, v in teil.edges()
            if teil.nodes[u]["sector"] != teil.nodes[v]["sector"]]
print("Verbindungen Bildung – Lokale Wirtschaft:", len(zwischen))"""),
    new_code_cell("""\
neu = sorted(set(sicht_2024) - set(sicht_2022))
weg = sorted(set(sicht_2022) - set(sicht_2024))
print("Neu seit 2022:", [namen.get(a, a) for a in neu])
print("Nicht mehr aktiv:", [Pseudonymiser().display_name(a, graph.nodes[a]) for a in weg])"""),
    new_markdown_cell("""\
## 5. Ein Akteur und sein Umfeld (Ego-Netzwerk)

Wer sind die direkten Kontakte von *Wir in Wehringhausen e.V.*? Die Kontakte stehen im
Kreis, nach Sektor geordnet."""),
    new_code_cell("""\
import networkx as nx

from netzwerk.report import figures

ego = nx.ego_graph(sicht_2024, "wiw")
print(len(ego) - 1, "direkte Kontakte")
figures.ego_network(sicht_2024, "wiw", names=namen)"""),
    new_markdown_cell("""\
## 6. Die Netzwerkkarte

Farbe = Sektor, Stern = QM, Raute = wichtigste Vermittler, Ring = Nadelöhr (ohne diesen
Akteur wären andere abgeschnitten). Die Anordnung ist bei jedem Lauf gleich."""),
    new_code_cell("""\
from netzwerk.analysis.brokers import broker_table

zeilen = broker_table(sicht_2024)
vermittler = [z["id"] for z in zeilen[:6]]
nadeloehre = [z["id"] for z in zeilen if z["cut_point"]]
karte = figures.network_map(sicht_2024, names=namen, brokers=vermittler, cut_points=nadeloehre,
                          title="Wehringhausen am 30.06.2024")
karte"""),
    new_code_cell("""\
# Als Datei speichern: .png für Präsentationen, .svg (gleicher Aufruf) zum Weiterbearbeiten
print(figures.save_figure(karte, ordner / "karte.png"))"""),
    new_markdown_cell("""\
Weiter geht es in `02-broker-und-luecken.ipynb`: Wer vermittelt, wo sind Lücken, und wen
sollte das QM als Nächstes miteinander bekannt machen?"""),
]

BROKERS = [
    new_markdown_cell("""\
# Vermittler und Lücken – bis zur Kontaktliste

Dieses Notebook geht mit den Beispieldaten Schritt für Schritt durch die Auswertung für
das Quartiersmanagement: **Wer hält das Netz zusammen? Was passiert, wenn das QM sich
zurückzieht? Welche Sektoren arbeiten nicht zusammen? Wen erreichen wir nicht?** – und
endet mit einer Liste von Kontakten, die das QM anstoßen kann.

Personen erscheinen nur als Pseudonym."""),
    new_code_cell(SETUP),
    new_code_cell(
        """\
from netzwerk.analysis import NetworkView
from netzwerk.present.tables import to_table
from netzwerk.present.view_line import view_line
from netzwerk.privacy.pseudonyms import Pseudonymiser

with open_store(str(speicher_pfad)) as store:
    graph = store.graph()

stichtag = date(2024, 6, 30)
netzwerksicht = NetworkView(as_of=stichtag)  # ohne as_of: heute, wie jeder Befehl
sicht = netzwerksicht.actor_graph(graph)
print(view_line(netzwerksicht))
namen = Pseudonymiser().names_for(sicht.nodes)
print(sicht.number_of_nodes(), "Akteure am", stichtag)"""
    ),
    new_markdown_cell("""\
## 1. Vermittler

`broker_table` berechnet für jeden Akteur, wie viele kürzeste Wege über ihn laufen
(Betweenness), wie sehr seine Kontakte untereinander schon verbunden sind (Constraint) und
in welcher Rolle er zwischen Sektoren vermittelt (Gould & Fernandez). `role_words` sagt die
Rolle in Worten."""),
    new_code_cell("""\
from netzwerk.analysis.brokers import broker_table
from netzwerk.report.sections import role_words

zeilen = broker_table(sicht, by="sector", top=10)
print(to_table([{"Akteur": namen[z["id"]], "Betweenness": z["betweenness"],
                 "Constraint": z["constraint"], "Rolle": role_words(z),
                 "Nadelöhr": z["cut_point"]} for z in zeilen], max_width=45))"""),
    new_markdown_cell("""\
## 2. Was, wenn das QM sich zurückzieht?

`coordinator_dependency` nimmt die als Koordination markierten Akteure heraus und zählt,
wie viele Paare dann noch einen Weg zueinander haben – und wer einspringen könnte."""),
    new_code_cell("""\
from netzwerk.analysis.brokers import coordinator_dependency
from netzwerk.report import figures

abhaengigkeit = coordinator_dependency(sicht)
print("Verbundene Paare mit QM:", abhaengigkeit["connected_pairs_before"])
print("Verbundene Paare ohne QM:", abhaengigkeit["connected_pairs_after"])
print(f"Anteil des QM an allen Vermittlungswegen: {abhaengigkeit['betweenness_share']:.0%}")
print("Könnten einspringen:", [namen[s["id"]] for s in abhaengigkeit["successors"][:3]])
figures.dependency_figure(sicht, netzwerksicht.coordinator_ids(sicht), names=namen)"""),
    new_markdown_cell("""\
## 3. Lücken zwischen Sektoren

`gaps_report` vergleicht für jedes Paar von Sektoren die beobachteten mit den bei Zufall
erwarteten Verbindungen. Schraffierte Felder: keine einzige Verbindung."""),
    new_code_cell("""\
from netzwerk.analysis.gaps import gaps_report
from netzwerk.model import SECTORS

luecken = gaps_report(sicht, permutations=200, seed=1)
print(f"E-I-Index: {luecken['ei_index']:.2f} (p = {luecken['ei_p_value']:.3f})")
for paar in luecken["missing_pairs"][:5]:
    a, b = (SECTORS.label(g) for g in paar["groups"])
    print(f"  keine Verbindung: {a} – {b} (erwartet {paar['expected']:.1f})")
figures.mixing_heatmap(luecken)"""),
    new_markdown_cell("## 4. Wen erreichen wir (noch) nicht?"),
    new_code_cell("""\
print("Ohne jede Verbindung:", [namen[a] for a in luecken["isolates"]])
print("Nur mit dem QM verbunden:", [namen[e["actor"]] for e in luecken["coordinator_only"]])
einzeln = [e for e in luecken["peripheral"] if e["degree"] == 1]
print("Mit genau einer Verbindung:", len(einzeln))"""),
    new_markdown_cell("""\
## 5. Die Kontaktliste

`suggest_introductions` schlägt Paare vor, die sich noch nicht kennen, aber viel gemeinsam
haben – die größten Lücken zuerst – mit dem, was sie verbindet, und einem Akteur, der
vorstellen kann; `reason_text` sagt es in einem Satz.
Die Vorschläge nutzen dieselbe Sicht wie die Lücken oben: wer am Stichtag gemeinsam an einem
Projekt oder einer Veranstaltung teilnimmt, ist schon verbunden; was früher gemeinsam war,
ist ein Grund."""),
    new_code_cell("""\
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.present.introductions import reason_text
from netzwerk.present.tables import to_csv
from netzwerk.private_files import atomic_write_text

vorschlaege = suggest_introductions(sicht, graph, top=8, as_of=stichtag)
kontaktliste = [
    {"Wer": namen[v["a"]], "mit wem": namen[v["b"]],
     "Wer stellt vor": namen.get(v["introducer"], "–") if v["introducer"] else "–",
     "Warum": reason_text("de", v["reason"])}
    for v in vorschlaege
]
print(to_table(kontaktliste, max_width=60))
datei = atomic_write_text(ordner / "kontaktliste.csv", to_csv(kontaktliste))
print("\\nGespeichert:", datei)"""),
    new_markdown_cell("""\
## 6. Alles in einem Bericht

Der vollständige Bericht (HTML zum Drucken, Markdown, Abbildungen, CSV-Tabellen) entsteht
mit einer Zeile – oder auf der Kommandozeile mit
`netzwerk report --as-of 2024-06-30 --compare 2022-06-30`:

```python
from netzwerk.workflows import write_store_report
with open_store(str(speicher_pfad)) as store:
    write_store_report(store, ordner / "bericht", view=netzwerksicht,
                       compare=date(2022, 6, 30))
```"""),
    new_markdown_cell("""\
## 7. Die interaktive Karte

Eine HTML-Datei, die ohne Internet im Browser öffnet: Akteure suchen und anklicken (Rolle,
Kennzahlen, Beziehungen, vorgeschlagene Kontakte), nach Sektor filtern, mit der Zeitleiste
zurück ins Jahr 2021 gehen, "Ohne QM" drücken. Die Zahlen sind dieselben wie im Bericht.
Auf der Kommandozeile: `netzwerk karte --out karte.html`."""),
    new_code_cell("""\
from netzwerk.workflows import write_store_map

with open_store(str(speicher_pfad)) as store:
    karte = write_store_map(store, ordner / "karte.html", view=netzwerksicht)
print("Karte:", karte, f"({karte.stat().st_size / 1e6:.1f} MB)")"""),
]


def write(name: str, cells: list) -> Path:
    notebook = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{Path(name).stem[:2]}-{index:02d}"  # stable ids: no churn in diffs
    nbformat.validate(notebook)
    path = HERE / name
    path.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")
    return path


def ruff_format(paths: list[Path]) -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff:
        subprocess.run([ruff, "format", "--quiet", *map(str, paths)], check=True)


if __name__ == "__main__":
    written = [
        write("01-netzwerk-erkunden.ipynb", EXPLORE),
        write("02-broker-und-luecken.ipynb", BROKERS),
    ]
    ruff_format(written)
    print(*written, sep="\n")
