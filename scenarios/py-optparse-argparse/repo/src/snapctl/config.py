"""The INI config and how retention settings are resolved per target."""
import configparser
import os
from pathlib import Path

from .retention import Policy

DEFAULT_CONFIG = "/etc/snapctl.ini"
DEFAULT_CATALOG = "snapshots.json"
_POLICY_KEYS = ("keep_daily", "keep_weekly", "keep_monthly")


class ConfigError(Exception):
    pass


def config_path(explicit: str | None) -> tuple[str, bool]:
    """The config file to read, and whether it must exist (only when named explicitly)."""
    if explicit:
        return explicit, True
    env = os.environ.get("SNAPCTL_CONFIG")
    if env:
        return env, True
    return DEFAULT_CONFIG, False


def load(path: str, required: bool) -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    if not Path(path).exists():
        if required:
            raise ConfigError(f"config file not found: {path}")
        return parser
    try:
        parser.read(path)
    except configparser.Error as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return parser


def catalog_path(config: configparser.ConfigParser, explicit: str | None) -> str:
    if explicit:
        return explicit
    return config.get("snapctl", "catalog", fallback=DEFAULT_CATALOG)


def policy_for(config: configparser.ConfigParser, target: str, overrides: dict[str, int | None]) -> Policy:
    """Command line beats [target:NAME] beats [retention] beats the built-in defaults."""
    values = {}
    for key in _POLICY_KEYS:
        if overrides.get(key) is not None:
            values[key] = overrides[key]
            continue
        for section in (f"target:{target}", "retention"):
            if config.has_option(section, key):
                try:
                    values[key] = config.getint(section, key)
                except ValueError:
                    raise ConfigError(f"[{section}] {key} must be an integer") from None
                break
    try:
        return Policy(**values)
    except ValueError as exc:
        raise ConfigError(f"retention for {target}: {exc}") from None
