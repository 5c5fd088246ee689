"""One place for what a person reads: display names, labels, number and date formats per
language, the texts (German next to English) and the shapes of text tables.

Below `netzwerk.report` and `netzwerk.cli`, above `netzwerk.analysis`, `netzwerk.ingest`
and `netzwerk.privacy`: nothing here computes, reads files or opens a store.
"""
