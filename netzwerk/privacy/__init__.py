"""The rights of the people in the data, as one-line library calls (GDPR).

    forget(store, "erika-muster", outputs=["berichte/"])  # Art. 17: erase everywhere
    export_person(store, "erika-muster")                  # Art. 15/20: their data as JSON
    retention_plan(store, years=3)                        # what ended > 3 years ago
    apply_retention(store, retention_plan(store))         # … and delete it
    privacy_record(store)                                 # Art. 30 record, starting point

The CLI commands ``forget``, ``export-person``, ``retention`` and ``privacy-record`` are
thin layers over these. netzwerk keeps no cache of analysis results and no pseudonym
mapping table (pseudonyms are keyed HMACs, `privacy.pseudonyms`); the ingest log holds file
names and counts only.
"""

from netzwerk.privacy.access import export_person, person_json, write_person_export
from netzwerk.privacy.erasure import ErasurePlan, ErasureReport, erasure_plan, forget
from netzwerk.privacy.record import privacy_record
from netzwerk.privacy.retention import (
    DEFAULT_RETENTION_YEARS,
    RETENTION_ENV,
    RetentionPlan,
    RetentionSetting,
    apply_retention,
    retention_cutoff,
    retention_plan,
    retention_setting,
)
from netzwerk.privacy.traces import OutputScan, Traces, scan_outputs, traces_of

__all__ = [
    "DEFAULT_RETENTION_YEARS",
    "RETENTION_ENV",
    "ErasurePlan",
    "ErasureReport",
    "OutputScan",
    "RetentionPlan",
    "RetentionSetting",
    "Traces",
    "apply_retention",
    "erasure_plan",
    "export_person",
    "forget",
    "person_json",
    "privacy_record",
    "retention_cutoff",
    "retention_plan",
    "retention_setting",
    "scan_outputs",
    "traces_of",
    "write_person_export",
]
