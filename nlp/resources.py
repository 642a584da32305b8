"""Load and validate the packaged word lists and Matcher patterns (loaded once)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .errors import ResourceError

PATTERN_LABELS = frozenset(
    {"DEADLINE", "CADENCE", "NOT_DEADLINE", "METRIC", "NOT_METRIC"}
)
PATTERN_FILES = ("time_patterns.jsonl", "metric_patterns.jsonl")


@dataclass(frozen=True)
class PatternRule:
    """One Matcher rule: a stable id, what it marks, and the token pattern."""

    id: str
    label: str
    pattern: list[dict[str, Any]]


def _read_text(name: str) -> str:
    try:
        return resources.files("nlp.data").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as e:
        raise ResourceError(f"missing analyzer data file nlp/data/{name}") from e


@cache
def load_json(name: str) -> dict[str, Any]:
    """A JSON object from nlp/data; keys starting with '_' are comments."""
    try:
        data = json.loads(_read_text(name))
    except json.JSONDecodeError as e:
        raise ResourceError(f"nlp/data/{name} is not valid JSON: {e}") from e
    if not isinstance(data, dict):
        raise ResourceError(f"nlp/data/{name} must hold a JSON object")
    return {k: v for k, v in data.items() if not k.startswith("_")}


@cache
def lexicon() -> dict[str, Any]:
    """Word lists by id, lower-cased lists turned into frozensets."""
    out: dict[str, Any] = {}
    for key, value in load_json("lexicon.json").items():
        if isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                raise ResourceError(f"lexicon list {key!r} must hold strings")
            out[key] = frozenset(v.lower() for v in value)
        elif isinstance(value, dict):
            out[key] = dict(value)
        else:
            raise ResourceError(f"lexicon entry {key!r} must be a list or an object")
    return out


def words(list_id: str) -> frozenset[str]:
    """One word list from the lexicon."""
    try:
        value = lexicon()[list_id]
    except KeyError as e:
        raise ResourceError(f"unknown word list {list_id!r}") from e
    if not isinstance(value, frozenset):
        raise ResourceError(f"lexicon entry {list_id!r} is not a word list")
    return value


class _WordLists:
    """The lexicon's word lists as attributes (``WORDS.roles``), each looked up on first use
    and kept: a cheap read for loops over tokens."""

    def __getattr__(self, list_id: str) -> frozenset[str]:
        if list_id.startswith("_"):  # no word list id does; keeps copy, pickle and hasattr sane
            raise AttributeError(list_id)
        value = words(list_id)
        setattr(self, list_id, value)
        return value


WORDS = _WordLists()


def table(table_id: str) -> dict[str, Any]:
    """One mapping from the lexicon (e.g. number words)."""
    value = lexicon().get(table_id)
    if not isinstance(value, dict):
        raise ResourceError(f"unknown lexicon table {table_id!r}")
    return value


def _resolve_refs(node: Any, sets: dict[str, list[str]], rule_id: str) -> Any:
    if isinstance(node, dict):
        return {k: _resolve_refs(v, sets, rule_id) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve_refs(v, sets, rule_id) for v in node]
    if isinstance(node, str) and node.startswith("@"):
        try:
            return sets[node[1:]]
        except KeyError as e:
            raise ResourceError(f"rule {rule_id}: unknown token set {node}") from e
    return node


@cache
def pattern_rules() -> tuple[PatternRule, ...]:
    """All Matcher rules from the JSONL pattern files, validated."""
    sets = load_json("token_sets.json")
    rules: list[PatternRule] = []
    seen: set[str] = set()
    for name in PATTERN_FILES:
        for number, line in enumerate(_read_text(name).splitlines(), start=1):
            if not line.strip():
                continue
            where = f"nlp/data/{name}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as e:
                raise ResourceError(f"{where}: invalid JSON: {e}") from e
            rule_id, label, pattern = raw.get("id"), raw.get("label"), raw.get("pattern")
            if not isinstance(rule_id, str) or not rule_id:
                raise ResourceError(f"{where}: every rule needs a string id")
            if rule_id in seen:
                raise ResourceError(f"{where}: duplicate rule id {rule_id!r}")
            if label not in PATTERN_LABELS:
                raise ResourceError(f"{where}: unknown label {label!r}")
            if not isinstance(pattern, list) or not pattern:
                raise ResourceError(f"{where}: pattern must be a non-empty list")
            seen.add(rule_id)
            rules.append(PatternRule(rule_id, label, _resolve_refs(pattern, sets, rule_id)))
    return tuple(rules)


@cache
def messages() -> dict[str, dict[str, str]]:
    """Finding messages and suggestion templates by code or rule id."""
    data = load_json("messages.json")
    for key, entry in data.items():
        if not isinstance(entry, dict) or "message" not in entry:
            raise ResourceError(f"messages.json entry {key!r} needs a message")
    return data


def message_for(rule: str, code: str) -> dict[str, str]:
    """The message entry of a rule id, falling back to its finding code."""
    table_ = messages()
    return table_.get(rule) or table_[code]


RUBRIC_TERM_IDS = (
    "trait_person_nouns", "trait_kind_words", "non_trait_modifiers", "outcome_adjectives",
    "ongoing_verbs", "ongoing_not_habit_objects", "manner_adverbs_not_habit",
    "feeling_only_verbs", "apex_titles", "senior_titles", "entry_markers", "prestige_venues",
    "heavy_units", "launch_frames", "performance_absolutes", "absolute_subjects",
    "domain_neutral_terms", "ongoing_state_objects", "business_scale_units", "trait_qualities",
    "programme_nouns", "beginner_markers", "advanced_levels", "business_nouns",
    "managed_units", "top_marks", "fame_absolutes",
)
FIELD_GROUPS = ("hobbies", "professions")


@cache
def _rubric_terms() -> dict[str, frozenset[str]]:
    data = load_json("rubric_terms.json")
    out: dict[str, frozenset[str]] = {}
    for key in RUBRIC_TERM_IDS:
        value = data.get(key)
        if not isinstance(value, list) or not value or \
                not all(isinstance(v, str) and v.strip() for v in value):
            raise ResourceError(f"rubric_terms.json: {key!r} must be a non-empty list of strings")
        out[key] = frozenset(v.lower().strip() for v in value)
    unknown = set(data) - set(RUBRIC_TERM_IDS)
    if unknown:
        raise ResourceError(f"rubric_terms.json: unknown list ids {sorted(unknown)}")
    return out


def rubric_terms(list_id: str) -> frozenset[str]:
    """One list from rubric_terms.json (trait nouns, senior titles, entry markers...)."""
    try:
        return _rubric_terms()[list_id]
    except KeyError as e:
        raise ResourceError(f"unknown rubric term list {list_id!r}") from e


@cache
def fields() -> dict[str, tuple[str, frozenset[str]]]:
    """Domains by name -> (group, terms): hobbies and professions from fields.json, plus the
    domains.json families as professions."""
    data = load_json("fields.json")
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for group in FIELD_GROUPS:
        domains = data.get(group)
        if not isinstance(domains, dict) or not domains:
            raise ResourceError(f"fields.json: {group!r} must map domain names to term lists")
        for name, terms in domains.items():
            if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
                raise ResourceError(f"fields.json: {group}.{name} must be a list of strings")
            if name in out:
                raise ResourceError(f"fields.json: duplicate domain {name!r}")
            out[name] = (group, frozenset(t.lower().strip() for t in terms if t.strip()))
    families = {n: frozenset(t.lower() for t in terms)
                for n, terms in load_json("domains.json")["families"].items()}
    counts: dict[str, int] = {}
    for terms in families.values():
        for term in terms:
            counts[term] = counts.get(term, 0) + 1
    for name, terms in families.items():  # words shared by several families name none
        out[f"family:{name}"] = ("professions", frozenset(t for t in terms if counts[t] == 1))
    neutral = rubric_terms("domain_neutral_terms")
    return {name: (group, terms - neutral) for name, (group, terms) in out.items()}


@cache
def domain_canon() -> dict[str, str]:
    """Domain name -> the broad field it belongs to ('family:nursing' -> 'health'); domains not
    grouped stand for themselves. 'generic' groups are career-wide and place no goal."""
    groups = load_json("fields.json").get("canonical", {})
    known = fields()
    out: dict[str, str] = {}
    if not isinstance(groups, dict):
        raise ResourceError("fields.json: 'canonical' must map field names to domain lists")
    for canon, members in groups.items():
        if not isinstance(members, list):
            raise ResourceError(f"fields.json: canonical.{canon} must be a list")
        for member in members:
            if member not in known:
                raise ResourceError(f"fields.json: canonical.{canon} names unknown {member!r}")
            if member in out:
                raise ResourceError(f"fields.json: {member!r} is in two canonical fields")
            out[member] = canon
    return {name: out.get(name, name) for name in known}
