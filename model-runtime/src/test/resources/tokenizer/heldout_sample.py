"""A small held-out Python module for tokenizer tests: indentation, tabs, strings and non-ASCII text.

Written for this project; not used to train any tokenizer.
"""
from __future__ import annotations

import dataclasses
import itertools
from typing import Iterable, Iterator


@dataclasses.dataclass(frozen=True)
class Interval:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"empty interval [{self.start}, {self.end})")

    def overlaps(self, other: "Interval") -> bool:
        return self.start < other.end and other.start < self.end

    def merge(self, other: "Interval") -> "Interval":
        return Interval(min(self.start, other.start), max(self.end, other.end))


def merge_all(intervals: Iterable[Interval]) -> list[Interval]:
    """Merges overlapping intervals; the result is sorted by start."""
    result: list[Interval] = []
    for interval in sorted(intervals, key=lambda i: (i.start, i.end)):
        if result and result[-1].overlaps(interval):
            result[-1] = result[-1].merge(interval)
        else:
            result.append(interval)
    return result


def pairwise_gaps(intervals: list[Interval]) -> Iterator[int]:
    for left, right in itertools.pairwise(intervals):
        yield right.start - left.end


class Table:
    def __init__(self, rows):
        self.rows = rows

    def render(self, width=12):
        lines = []
        for row in self.rows:
            cells = [str(c).ljust(width) for c in row]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)


def legacy_tabs(values):
	# indented with tabs, as some old code is
	total = 0
	for v in values:
		if v:
			total += v
	return total


GREETINGS = {
    "en": "Hello, world!",
    "fr": "Bonjour, le monde ! Ça va ?",
    "de": "Grüß Gott, schöne Welt",
    "ja": "こんにちは世界",
    "emoji": "🙂👍🏽",
}

MATRIX = [
    [1,    2,    3],
    [10,   20,   30],
    [100,  200,  300],
]


if __name__ == "__main__":
    merged = merge_all([Interval(1, 3), Interval(2, 5), Interval(8, 9)])
    print(merged, list(pairwise_gaps(merged)))
    print(Table([["a", 1], ["bb", 22]]).render())
    print(legacy_tabs([1, 2, None, 4]))        # trailing comment after spaces
