"""Text from a PDF, or a file's name, as it may be shown or written: no control character passes raw."""

from __future__ import annotations

import re

# C0 (ESC, BEL, newline, tab, …), DEL and C1: what a terminal obeys instead of showing, and what breaks a line.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with each control character written as its escape (ESC → `\\x1b`, newline → `\\x0a`), so that it
    can neither drive a terminal nor start a line of its own. Every other character is kept."""
    return CONTROL_CHARACTERS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def html_text(text: str) -> str:
    """`text` for an HTML page: control characters escaped as by `printable`, then &, <, > and quotes."""
    import html

    return html.escape(printable(text))
