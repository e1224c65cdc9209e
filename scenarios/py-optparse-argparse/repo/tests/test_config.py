import pytest

from snapctl import config


def write_ini(tmp_path, text):
    p = tmp_path / "snapctl.ini"
    p.write_text(text)
    return str(p)


def test_config_path_resolution(monkeypatch):
    assert config.config_path("/x.ini") == ("/x.ini", True)
    monkeypatch.setenv("SNAPCTL_CONFIG", "/env.ini")
    assert config.config_path(None) == ("/env.ini", True)
    monkeypatch.delenv("SNAPCTL_CONFIG")
    assert config.config_path(None) == (config.DEFAULT_CONFIG, False)


def test_missing_config(tmp_path):
    assert config.load(str(tmp_path / "absent.ini"), required=False).sections() == []
    with pytest.raises(config.ConfigError):
        config.load(str(tmp_path / "absent.ini"), required=True)


def test_catalog_path(tmp_path):
    cfg = config.load(write_ini(tmp_path, "[snapctl]\ncatalog = /var/lib/snapctl/snapshots.json\n"), True)
    assert config.catalog_path(cfg, None) == "/var/lib/snapctl/snapshots.json"
    assert config.catalog_path(cfg, "other.json") == "other.json"
    assert config.catalog_path(config.load(str(tmp_path / "no.ini"), False), None) == "snapshots.json"


def test_policy_precedence(tmp_path):
    cfg = config.load(write_ini(tmp_path, "[retention]\nkeep_daily = 3\nkeep_monthly = 12\n"
                                          "[target:orders-db]\nkeep_daily = 14\n"), True)
    none = {"keep_daily": None, "keep_weekly": None, "keep_monthly": None}
    assert config.policy_for(cfg, "users-db", none) == config.Policy(3, 4, 12)
    assert config.policy_for(cfg, "orders-db", none) == config.Policy(14, 4, 12)
    assert config.policy_for(cfg, "orders-db", {**none, "keep_daily": 1}) == config.Policy(1, 4, 12)


def test_policy_errors(tmp_path):
    cfg = config.load(write_ini(tmp_path, "[retention]\nkeep_daily = lots\n"), True)
    with pytest.raises(config.ConfigError, match="integer"):
        config.policy_for(cfg, "db", {})
    cfg = config.load(write_ini(tmp_path, "[retention]\nkeep_daily = 0\nkeep_weekly = 0\nkeep_monthly = 0\n"), True)
    with pytest.raises(config.ConfigError, match="keeps nothing"):
        config.policy_for(cfg, "db", {})
