# Makefile fragment: a local Neo4j Community server for development and CI.
# Include from the main Makefile with:  include tools/neo4j/neo4j.mk
# Settings come from the environment (NEO4J_PASSWORD, NEO4J_BOLT_PORT, ...):
# see tools/neo4j/README.md.

NEO4J_MK_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
NEO4J_SH ?= bash $(NEO4J_MK_DIR)/neo4j.sh

.PHONY: neo4j-fetch neo4j-start neo4j-stop neo4j-status neo4j-kill neo4j-import

neo4j-fetch:
	$(NEO4J_SH) fetch

neo4j-start:
	$(NEO4J_SH) start

neo4j-stop:
	$(NEO4J_SH) stop

neo4j-status:
	$(NEO4J_SH) status

neo4j-kill:
	$(NEO4J_SH) kill

# first load into an empty database: make neo4j-import FILES="netz.xlsx"
neo4j-import:
	@test -n "$(FILES)" || { echo 'usage: make neo4j-import FILES="workbook.xlsx ..."' >&2; exit 2; }
	$(NEO4J_SH) import $(FILES)
