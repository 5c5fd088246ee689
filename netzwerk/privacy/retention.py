"""Retention: actors and ties that ended long ago are deleted.

An actor or tie whose ``until`` (end date) lies more than the retention period before
today is expired. The period is, in this order: an explicit ``years`` argument (the CLI's
``--years``), the environment variable ``NETZWERK_RETENTION_YEARS``, else 3 years.
Removing an actor removes its ties too, even ties that have not ended themselves; the plan
lists them separately. Topics, projects, events and places are not personal data and stay.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

from netzwerk.errors import ConfigError
from netzwerk.model import graph_key
from netzwerk.privacy.texts import counted, privacy_text
from netzwerk.store.base import Store
from netzwerk.store.capabilities import personal_data

RETENTION_ENV = "NETZWERK_RETENTION_YEARS"
DEFAULT_RETENTION_YEARS = 3


@dataclass(frozen=True)
class RetentionSetting:
    """The retention period in years and where it came from ('option', 'env', 'default')."""

    years: int
    source: str

    def description(self, lang: str = "de") -> str:
        """The period and where it came from, e.g. '3 Jahre, per --years angegeben'."""
        setting = privacy_text(f"retention.setting.{self.source}", lang)
        return privacy_text(
            "retention.period", lang, years=counted(self.years, "year", lang), setting=setting
        )


def retention_setting(years: int | None = None) -> RetentionSetting:
    """The retention period in force (see module docstring).

    >>> retention_setting(5)
    RetentionSetting(years=5, source='option')
    """
    if years is not None:
        return RetentionSetting(_checked(years, "--years"), "option")
    text = os.environ.get(RETENTION_ENV, "").strip()
    if text:
        try:
            value = int(text)
        except ValueError:
            value = -1
        return RetentionSetting(_checked(value, f"{RETENTION_ENV}={text!r}"), "env")
    return RetentionSetting(DEFAULT_RETENTION_YEARS, "default")


def _checked(years: int, where: str) -> int:
    if not 1 <= years <= 100:
        raise ConfigError(privacy_text("retention.bad_years", "de", where=where))
    return years


def retention_cutoff(years: int, today: date) -> date:
    """The day ``years`` years before ``today``; records that ended before it are expired.

    >>> retention_cutoff(3, date(2025, 6, 30)), retention_cutoff(1, date(2024, 2, 29))
    (datetime.date(2022, 6, 30), datetime.date(2023, 2, 28))
    """
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


@dataclass
class RetentionPlan:
    """What retention would delete on ``today``: expired actors, expired ties, and the
    ties of expired actors that have not ended themselves."""

    setting: RetentionSetting
    today: date
    cutoff: date
    actors: list[str] = field(default_factory=list)
    ties: list[str] = field(default_factory=list)
    ties_of_actors: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.actors or self.ties or self.ties_of_actors)

    def expected(self) -> dict[str, int]:
        return {"actors": len(self.actors), "ties": len(self.ties) + len(self.ties_of_actors)}

    def rows(self, lang: str = "de") -> list[dict]:
        """One row per record to delete (for a table), column titles and cells in ``lang``."""
        kind, ident, reason = (
            privacy_text(f"retention.col.{column}", lang) for column in ("kind", "id", "reason")
        )
        groups = (
            ("actor", "expired", self.actors),
            ("tie", "expired", self.ties),
            ("tie", "actor", self.ties_of_actors),
        )
        return [
            {
                kind: privacy_text(f"retention.{what}", lang),
                ident: key,
                reason: privacy_text(f"retention.reason.{why}", lang),
            }
            for what, why, keys in groups
            for key in keys
        ]

    def as_dict(self) -> dict:
        return {
            "years": self.setting.years,
            "setting": self.setting.source,
            "today": self.today.isoformat(),
            "cutoff": self.cutoff.isoformat(),
            "actors": self.actors,
            "ties": self.ties,
            "ties_of_actors": self.ties_of_actors,
        }

    def rule(self, lang: str = "de") -> str:
        """The retention rule in force, in ``lang`` (dates dd.mm.yyyy in German, ISO in
        English)."""
        return privacy_text(
            "retention.rule",
            lang,
            period=self.setting.description(lang),
            years=counted(self.setting.years, "year", lang),
            cutoff=self.cutoff.isoformat() if lang == "en" else f"{self.cutoff:%d.%m.%Y}",
        )

    def summary(self, lang: str = "de") -> str:
        """The rule and how many actors and ties it affects, in ``lang``."""
        return privacy_text(
            "retention.summary",
            lang,
            rule=self.rule(lang),
            actors=counted(len(self.actors), "actor", lang),
            ties=counted(len(self.ties), "expired_tie", lang),
            other_ties=counted(len(self.ties_of_actors), "other_tie", lang),
        )


def retention_plan(
    store: Store, years: int | None = None, today: date | None = None
) -> RetentionPlan:
    """What `apply_retention` would delete; changes nothing."""
    setting = retention_setting(years)
    today = today or date.today()
    cutoff = retention_cutoff(setting.years, today)
    expired = personal_data(store).expired(cutoff)
    plan = RetentionPlan(setting, today, cutoff, list(expired["actors"]), list(expired["ties"]))
    if plan.actors:
        keys = {graph_key("actor", actor) for actor in plan.actors}
        expired_ties = set(plan.ties)
        graph = store.graph()
        plan.ties_of_actors = sorted(
            key
            for source, target, key in graph.edges(keys=True)
            if (source in keys or target in keys) and key not in expired_ties
        )
    return plan


def apply_retention(store: Store, plan: RetentionPlan) -> dict[str, int]:
    """Delete what ``plan`` lists (by its cutoff); returns counts of what was removed.

    If the store changed since the plan was made, the counts differ from
    ``plan.expected()``; the CLI reports that.
    """
    if plan.empty:
        return {"actors": 0, "ties": 0}
    return personal_data(store).remove_expired(plan.cutoff)
