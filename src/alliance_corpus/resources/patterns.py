"""Regular expressions read from rule files: what every match needs, and what makes a pattern unsafe.

Patterns are read with the standard library's own parser, so the checks see
exactly what ``re`` will run:

- :func:`required_characters`: non-ASCII letters every match contains (a rule
  whose letters a text lacks is skipped);
- :func:`required_literal`: the longest literal run every match contains (a
  rule whose run a text lacks is skipped too);
- :func:`check_replacement`: a replacement may refer only to groups the
  pattern has;
- :func:`nested_repeat`: a repeat inside a repeat, both unbounded, such as
  ``(a+)+``, backtracks exponentially on near-matches and is refused at load;
- :func:`time_limit`: the run-time guard for researchers' rules, in case a
  pattern backtracks badly in a way the static check does not see.

>>> nested_repeat(r"(a+)+$")
'a repeat inside a repeat'
>>> nested_repeat(r"\\b(?:[Pp]eople|[Gg]lobe)(?= War)") is None
True
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

try:  # the standard library's regular-expression parser, used to check and skip rules
    from re import _parser as _re_parser  # type: ignore[attr-defined]  # private module, not in typeshed
    from re._constants import BRANCH as _BRANCH  # type: ignore[import-not-found]  # typeshed has no stub for re._constants
    from re._constants import LITERAL as _LITERAL
    from re._constants import MAX_REPEAT as _MAX_REPEAT
    from re._constants import MIN_REPEAT as _MIN_REPEAT
    from re._constants import SUBPATTERN as _SUBPATTERN
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _re_parser
    from sre_constants import BRANCH as _BRANCH
    from sre_constants import LITERAL as _LITERAL
    from sre_constants import MAX_REPEAT as _MAX_REPEAT
    from sre_constants import MIN_REPEAT as _MIN_REPEAT
    from sre_constants import SUBPATTERN as _SUBPATTERN


UNBOUNDED = 65535  # what the parser records as the maximum of *, + and {n,}
LARGE_REPEAT = 100  # a bounded repeat this large backtracks like an unbounded one


def required_characters(pattern: str) -> frozenset[str]:
    """The non-ASCII characters every match of the regular expression ``pattern`` contains.

    Read from the parsed pattern: literals in sequence count, a branch counts
    what all its alternatives share, a repeat counts only if it must occur.
    Anything case-insensitive or unusual counts for nothing, so the answer
    errs towards the empty set (no skipping).
    """
    try:
        parsed = _re_parser.parse(pattern)
    except Exception:  # pragma: no cover - private parser changed; skip nothing
        return frozenset()
    if parsed.state.flags & re.IGNORECASE:
        return frozenset()
    return frozenset(_required(parsed))


def required_in_any_case(pattern: str) -> frozenset[str]:
    """The non-ASCII characters, in lower case, that every match of ``pattern`` contains in one case or the other.

    Unlike :func:`required_characters`, case-insensitive parts count too: a
    text whose lower-case form lacks one of these has no match.  A letter
    that a case-insensitive match may meet in another form than its plain
    upper or lower case ("µ" and the Greek "μ") counts for nothing.

    >>> sorted(required_in_any_case(r"(?i:căn cứ) không")), sorted(required_in_any_case(r"(?i)ĐIỀU"))
    (['ô', 'ă', 'ứ'], ['đ', 'ề'])
    """
    try:
        parsed = _re_parser.parse(pattern)
    except Exception:  # pragma: no cover - private parser changed; skip nothing
        return frozenset()
    return frozenset(c.lower() for c in _required(parsed, any_case=True) if _plain_case(c))


def _plain_case(char: str) -> bool:
    """Whether ``char``'s only other case is its plain upper or lower case form, one character each way."""
    lower, upper = char.lower(), char.upper()
    return len(lower) == len(upper) == 1 and upper.lower() == lower and lower.upper() == upper


def required_literal(pattern: str) -> str:
    """The longest run of literal characters that every match of ``pattern`` contains, case and all.

    Only the pattern's top level is read, and anything but a literal ends a
    run, so the answer errs towards the empty string (no skipping).  A text
    that lacks the run has no match, which ``str.__contains__`` tells far
    faster than a scan with the pattern.

    >>> required_literal("(?<![.])[pP]eople +War")
    'eople'
    >>> required_literal(r"(?i)people war")
    ''
    """
    try:
        parsed = _re_parser.parse(pattern)
    except Exception:  # pragma: no cover - private parser changed; skip nothing
        return ""
    if parsed.state.flags & re.IGNORECASE:
        return ""
    longest, run = "", ""
    for op, arg in parsed:
        run = run + chr(arg) if op is _LITERAL else ""
        longest = max(longest, run, key=len)
    return longest


def _required(items: Iterable[tuple[object, Any]], *, any_case: bool = False) -> set[str]:
    """The non-ASCII literals every match of the parsed ``items`` holds; case-insensitive parts only if ``any_case``."""
    needed: set[str] = set()
    for op, arg in items:
        if op is _LITERAL and arg > 127:
            needed.add(chr(arg))
        elif op is _SUBPATTERN and (any_case or not arg[1] & re.IGNORECASE):
            needed |= _required(arg[3], any_case=any_case)
        elif op is _BRANCH:
            needed |= set.intersection(*(_required(branch, any_case=any_case) for branch in arg[1]))
        elif op in (_MAX_REPEAT, _MIN_REPEAT) and arg[0] >= 1:
            needed |= _required(arg[2], any_case=any_case)
    return needed


def check_replacement(compiled: re.Pattern[str], replacement: str) -> None:
    """Raise ``ValueError`` if ``replacement`` refers to a group ``compiled`` lacks ("\\2" with one group)."""
    if "\\" not in replacement:
        return
    try:
        _re_parser.parse_template(replacement, compiled)
    except re.error as exc:
        raise ValueError(f"replacement {replacement!r}: {exc}") from None


def nested_repeat(pattern: str) -> str | None:
    """Why ``pattern`` may backtrack exponentially, or ``None`` when it has no repeat inside a repeat."""
    try:
        parsed = _re_parser.parse(pattern)
    except re.error:
        return None  # compiling reports it
    return "a repeat inside a repeat" if _repeat_depth(parsed) > 1 else None


def _repeat_depth(items: Any) -> int:
    deepest = 0
    for op, arg in items:
        if op in (_MAX_REPEAT, _MIN_REPEAT):
            low, high, inner = arg
            own = 1 if high >= LARGE_REPEAT else 0
            deepest = max(deepest, own + _repeat_depth(inner))
        elif op is _SUBPATTERN:
            deepest = max(deepest, _repeat_depth(arg[3]))
        elif op is _BRANCH:
            deepest = max([deepest, *(_repeat_depth(branch) for branch in arg[1])])
    return deepest


@contextmanager
def time_limit(seconds: float, on_expire: Callable[[], BaseException]) -> Iterator[None]:
    """Raise ``on_expire()`` if the block runs longer than ``seconds``.

    Uses a real-time timer signal, which only the main thread can receive;
    elsewhere (a thread of a Dask worker) the block runs without a limit, and
    the static :func:`nested_repeat` check is what protects it.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise on_expire()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
