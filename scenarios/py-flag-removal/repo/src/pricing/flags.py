"""Feature flags for the pricing service.

Resolution order: the code default below, then ``config/flags.<env>.json``, then ``PRICING_FLAG_<NAME>=on|off``.
Unknown flag names are errors, in config and in code, so a typo cannot silently switch a feature off.
Flags removed from the code are listed in ``RETIRED`` (name -> date removed) so that configs still mentioning
them keep loading; they are ignored with a :class:`RetiredFlagWarning` until ops drop them from the configs.
"""
import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

CONFIG_DIR = Path(__file__).resolve().parents[2] / "config"
ENV_PREFIX = "PRICING_FLAG_"
_TRUE, _FALSE = {"1", "on", "true", "yes"}, {"0", "off", "false", "no"}


@dataclass(frozen=True)
class Flag:
    default: bool
    owner: str
    description: str


FLAGS: dict[str, Flag] = {
    "tiered_discounts_v2": Flag(False, "pricing", "Marginal volume-discount tiers; excludes non-discountable items."),
    "legacy_coupon_stacking": Flag(True, "growth", "Coupons apply before the volume discount (pre-2023 rule)."),
    "new_shipping_matrix": Flag(False, "logistics", "Zone/weight shipping matrix instead of the flat rate."),
    "round_half_even_tax": Flag(False, "finance", "Banker's rounding for VAT (required by the Dutch entity)."),
}

RETIRED: dict[str, str] = {
    "checkout_v3": "2023-09-12",
    "free_shipping_threshold_v2": "2024-01-30",
}


class FlagError(Exception):
    pass


class UnknownFlagError(FlagError):
    pass


class RetiredFlagWarning(UserWarning):
    pass


class Flags:
    def __init__(self, values: Mapping[str, bool]):
        self._values = dict(values)

    def enabled(self, name: str) -> bool:
        try:
            return self._values[name]
        except KeyError:
            raise UnknownFlagError(f"unknown feature flag {name!r}") from None

    def active(self) -> list[str]:
        return sorted(name for name, on in self._values.items() if on)

    def with_overrides(self, **overrides: bool) -> "Flags":
        """A copy with some flags changed (tests, and the ?flags= debug parameter in staging)."""
        for name in overrides:
            self.enabled(name)
        return Flags({**self._values, **overrides})

    def __repr__(self) -> str:
        return f"Flags({self._values!r})"


def _set(values: dict[str, bool], name: str, value: object, origin: str) -> None:
    if name in RETIRED:
        warnings.warn(f"{origin}: feature flag {name!r} was retired on {RETIRED[name]}; remove it",
                      RetiredFlagWarning, stacklevel=3)
        return
    if name not in FLAGS:
        raise UnknownFlagError(f"{origin}: unknown feature flag {name!r}")
    if not isinstance(value, bool):
        raise FlagError(f"{origin}: flag {name!r} must be true or false, not {value!r}")
    values[name] = value


def load(source: Mapping[str, object] | str | os.PathLike | None = None,
         env: Mapping[str, str] | None = None) -> Flags:
    """Resolve every flag. ``source`` is a mapping, a JSON file path, or an environment name (``prod``)."""
    values = {name: flag.default for name, flag in FLAGS.items()}
    if source is not None:
        if isinstance(source, Mapping):
            raw, origin = source, "flags"
        else:
            path = Path(source)
            if not path.suffix:
                path = CONFIG_DIR / f"flags.{source}.json"
            raw, origin = json.loads(path.read_text()), path.name
        for name, value in raw.items():
            _set(values, name, value, origin)
    for key, text in (os.environ if env is None else env).items():
        if not key.startswith(ENV_PREFIX):
            continue
        name, word = key[len(ENV_PREFIX):].lower(), text.strip().lower()
        if word not in _TRUE | _FALSE:
            raise FlagError(f"{key}: expected on/off, got {text!r}")
        _set(values, name, word in _TRUE, key)
    return Flags(values)
