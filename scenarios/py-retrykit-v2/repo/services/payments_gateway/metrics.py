"""A minimal counter registry (the service exports it to the metrics agent)."""
from collections import Counter


class Metrics:
    def __init__(self):
        self.counters: Counter = Counter()

    def incr(self, name: str, value: int = 1, **tags: str) -> None:
        key = (name, tuple(sorted(tags.items())))
        self.counters[key] += value

    def get(self, name: str, **tags: str) -> int:
        return self.counters[(name, tuple(sorted(tags.items())))]
