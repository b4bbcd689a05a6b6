"""Schemathesis hooks for `npm run fuzz`: how to log in, and the rules of the API that a JSON Schema
cannot state, so that the data the fuzzer calls valid is valid. Loaded through SCHEMATHESIS_HOOKS;
the JIANJIAN_* variables come from scripts/fuzz.ts."""
import json
import os
import unicodedata
from datetime import datetime, timedelta, timezone

import requests
import schemathesis
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import ComponentInfo
from schemathesis.transport.serialization import Binary

BASE = os.environ["JIANJIAN_URL"]
ATTACHMENT_TYPES = json.loads(os.environ["JIANJIAN_ATTACHMENT_TYPES"])
LISTED_DECISIONS = set(json.loads(os.environ["JIANJIAN_LISTED_DECISIONS"]))


def login() -> str:
    res = requests.post(f"{BASE}/api/auth/login", json={"username": "desk", "password": os.environ["JIANJIAN_PASSWORD"]}, timeout=30)
    res.raise_for_status()
    return res.json()["token"]


@schemathesis.auth()
class DeskLogin:
    """A desk user's bearer token, fetched again whenever a call answers 401."""

    def get(self, case, ctx):
        return login()

    def set(self, case, data, ctx):
        # Logout revokes the token it is called with: give it one of its own, not the shared one.
        token = login() if case.operation.path == "/api/auth/logout" else data
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}


def positive(case) -> bool:
    """Whether every part of the request was generated valid: only such cases are adjusted."""
    meta = case.meta
    return bool(meta and meta.generation.mode.is_positive and all(c.mode.is_positive for c in meta.components.values()))


def parse(value):
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    # A bare date is a whole day in China Standard Time, as the API reads it.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone(timedelta(hours=8)))


@schemathesis.hook("map_case").apply_to(method="POST", path="/api/cases")
def received_in_the_past(ctx, case):
    """A petition cannot have been received in the future."""
    if positive(case) and isinstance(case.body, dict):
        received, now = parse(case.body.get("receivedAt")), datetime.now(timezone.utc)
        if received and received > now:
            case.body = {**case.body, "receivedAt": (now - timedelta(hours=1)).isoformat()}
        # A village code is master data the generator cannot know: a generated one names no village.
        case.body.pop("villageCode", None)
    return case


@schemathesis.hook("map_case").apply_to(method="GET", path_regex="^/api/(exports/)?statistics$")
def range_in_order(ctx, case):
    """A date range ends after it starts."""
    query = case.query or {}
    start, end = parse(query.get("from")), parse(query.get("to"))
    if positive(case) and start and end and start > end:
        case.query = {**query, "from": query["to"], "to": query["from"]}
    return case


@schemathesis.hook("map_case").apply_to(method="GET", path="/api/calendar/deadline")
def clock_or_limit(ctx, case):
    """A deadline is asked for a clock, or for an amount and a unit, never both."""
    query = case.query or {}
    if positive(case):
        if "clock" in query:
            case.query = {k: v for k, v in query.items() if k not in ("amount", "unit")}
        else:
            case.query = {"amount": 1, "unit": "days", **query}
    return case


@schemathesis.hook("map_case").apply_to(method="POST", path="/api/cases/{id}/attachments")
def file_matches_its_type(ctx, case):
    """An upload's name ends as its type says, and its bytes are not empty and start as that type's files do."""
    kind = ATTACHMENT_TYPES.get((case.media_type or "").split(";")[0].strip().lower())
    if not (positive(case) and kind):
        return case
    case.query = {**(case.query or {}), "name": f"fuzz{kind['extensions'][0]}"}
    data = case.body.data if isinstance(case.body, Binary) else b""
    magic = bytes(kind.get("magic") or [])
    if not data or not data.startswith(magic):
        data = magic + (data or b"fuzz")
    # The text/plain serializer sends a Binary as the empty string it also is: text goes as text.
    case.body = data.decode("latin-1") if case.media_type.startswith("text/") else Binary(data)
    # Schemathesis checks a rewritten body again and cannot judge raw bytes against `format: binary`
    # (it would call this valid file a violation): the body written here is valid, by construction.
    meta = case.meta
    meta.components[ParameterLocation.BODY] = ComponentInfo(mode=GenerationMode.POSITIVE)
    if all(c.mode.is_positive for c in meta.components.values()):
        meta.generation.mode = GenerationMode.POSITIVE
    return case


@schemathesis.hook("map_case").apply_to(method="POST")
def amount_goes_with_listing(ctx, case):
    """An assistance decision (a reply's `assistance`, a review's `revised`) has an amount exactly when it lists
    the household, in yuan to the fen."""
    body = case.body
    if positive(case) and isinstance(body, dict):
        for key in ("assistance", "revised"):
            decision = body.get(key)
            if isinstance(decision, dict) and "decision" in decision:
                if decision["decision"] in LISTED_DECISIONS:
                    amount = decision.get("amount")
                    fen = round(amount * 100) if isinstance(amount, (int, float)) and not isinstance(amount, bool) else 0
                    decision["amount"] = fen / 100 if fen > 0 else 100
                else:
                    decision.pop("amount", None)
    return case


# What the API's text rule (domain/text.ts) calls invisible: blanks, controls, format characters,
# combining marks, and the fillers that render as nothing.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp"}
FILLERS = set("\u034f\u115f\u1160\u3164\uffa0\u2800")


def visible(text: str) -> bool:
    return any(not (c.isspace() or c in FILLERS or unicodedata.category(c) in INVISIBLE_CATEGORIES) for c in text)


def well_formed_text(value):
    """A string with lone surrogates mended, and one of only invisible characters given a visible one."""
    if isinstance(value, dict):
        return {k: well_formed_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [well_formed_text(v) for v in value]
    if not isinstance(value, str):
        return value
    value = "".join("x" if unicodedata.category(c) == "Cs" else c for c in value)
    return value if value.strip() == "" or visible(value) else "x" + value[1:]


@schemathesis.hook("map_case")
def text_is_visible_unicode(ctx, case):
    """Text is well-formed Unicode and shows something: rules a JSON Schema pattern cannot state."""
    if positive(case):
        if isinstance(case.body, (dict, list)):
            case.body = well_formed_text(case.body)
        if case.query:
            case.query = well_formed_text(case.query)
    return case


@schemathesis.hook("map_case").apply_to(method="POST", path_regex="^/open311/v2/requests")
def coordinates_in_pairs(ctx, case):
    """A location's latitude and longitude come together (GeoReport v2), or not at all."""
    body = case.body
    if positive(case) and isinstance(body, dict) and ("lat" in body) != ("long" in body):
        case.body = {k: v for k, v in body.items() if k not in ("lat", "long")}
    return case
