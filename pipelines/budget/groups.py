"""Group headings → the open groups: a sub-group under its group, by order and indent."""

from __future__ import annotations


GROUP_INDENT = 2.0  # points: a heading indented less than this under another is at the same level


def nest_group(
    open_groups: tuple[tuple[float, str], ...], heading: tuple[float, str], *, right_after: bool
) -> tuple[tuple[float, str], ...]:
    """The open group headings once `heading` (indent, label) is read: right after another heading it is
    that one's sub-group; after lines it closes the open ones indented as far as it or further."""
    if right_after:
        return (*open_groups, heading)
    return (*(g for g in open_groups if g[0] < heading[0] - GROUP_INDENT), heading)
