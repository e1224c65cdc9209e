"""Hidden checks: snapctl's command line moved to argparse and kept its contract (options, aliases, exit codes)."""
import argparse
import io
import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from snapctl import cli, config

SRC = Path(__file__).resolve().parents[1] / "src" / "snapctl"
CHECKSUM = "sha256:" + "cd" * 32


@pytest.fixture(autouse=True)
def no_host_config(monkeypatch, tmp_path):
    monkeypatch.delenv("SNAPCTL_CONFIG", raising=False)
    monkeypatch.setattr(config, "DEFAULT_CONFIG", str(tmp_path / "absent.ini"))


def entries(target, start, days, tags=("nightly",)):
    first = datetime.strptime(start, "%Y-%m-%d").replace(hour=2)
    out = []
    for i in range(days):
        taken = first + timedelta(days=i)
        out.append({"id": f"{target}-{taken:%m%d}", "target": target, "taken_at": f"{taken:%Y-%m-%dT%H:%M:%SZ}",
                    "size_bytes": 10, "checksum": CHECKSUM, "tags": list(tags), "location": f"s3://b/{target}/{i}"})
    return out


@pytest.fixture
def catalog_file(tmp_path):
    docs = entries("orders-db", "2024-03-01", 20) + entries("users-db", "2024-03-01", 20, tags=("nightly", "eu"))
    docs[5]["tags"] = ["weekly-full"]
    path = tmp_path / "snapshots.json"
    path.write_text(json.dumps({"version": 1, "snapshots": docs}))
    return str(path)


def run(argv):
    out = io.StringIO()
    code = cli.main(argv, out=out)
    return code, out.getvalue()


def usage_error(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(argv, out=io.StringIO())
    assert exc.value.code == 2, argv
    return capsys.readouterr().err


def test_cli_module_uses_argparse_not_optparse():
    source = (SRC / "cli.py").read_text()
    assert not re.search(r"^\s*(import optparse|from optparse)", source, re.M)
    assert isinstance(cli.build_parser(), argparse.ArgumentParser)


def test_help_lists_every_option(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    for opt in ("--config", "--catalog", "--verbose", "--quiet", "--format", "--dry-run", "--all", "--keep-daily",
                "--keep-weekly", "--keep-monthly", "--keep", "--tag", "--since", "--as-of", "--version"):
        assert opt in text, opt
    for cmd in ("list", "prune", "verify"):
        assert cmd in text


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--version"])
    assert exc.value.code == 0
    assert "snapctl 2.3.0" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    ([], "COMMAND"),
    (["frobnicate"], "frobnicate"),
    (["-q", "-v", "list"], "mutually exclusive"),
    (["--keep-daily", "-1", "prune", "orders-db"], "negative"),
    (["--keep-daily", "many", "prune", "orders-db"], "many"),
    (["prune"], "TARGET"),
    (["--all", "prune", "orders-db"], "--all"),
    (["--as-of", "2024-13-01", "list"], "2024-13-01"),
    (["--since", "fortnight", "list"], "fortnight"),
    (["--format", "yaml", "list"], "yaml"),
    (["--frobnicate", "list"], "--frobnicate"),
])
def test_usage_errors_exit_2_with_a_message(argv, message, capsys, catalog_file):
    err = usage_error(["--catalog", catalog_file] + argv, capsys)
    assert message in err
    assert "usage:" in err.lower()


@pytest.mark.parametrize("argv", [
    ["prune", "orders-db", "--dry-run"],
    ["prune", "--dry-run", "orders-db"],
    ["-n", "prune", "orders-db"],
    ["prune", "-n", "orders-db", "users-db"],
])
def test_options_and_targets_mix_in_any_order(argv, catalog_file):
    code, out = run(["--catalog", catalog_file, "--as-of", "2024-03-20"] + argv)
    assert code == 0
    assert "orders-db: kept" in out and "would prune" in out
    assert len(json.loads(Path(catalog_file).read_text())["snapshots"]) == 40  # dry run deleted nothing


def test_repeated_tags_require_all_and_do_not_leak_between_runs(catalog_file):
    _, out = run(["--catalog", catalog_file, "-f", "json", "list", "-t", "nightly", "--tag=eu"])
    assert {s["target"] for s in json.loads(out)["snapshots"]} == {"users-db"}
    _, out = run(["--catalog", catalog_file, "-f", "json", "-tnightly", "list"])
    assert len(json.loads(out)["snapshots"]) == 39
    _, out = run(["--catalog", catalog_file, "-f", "json", "list"])
    assert len(json.loads(out)["snapshots"]) == 40


def test_since_is_relative_to_as_of_whatever_the_order(catalog_file):
    for argv in (["--since", "1w", "--as-of", "2024-03-15"], ["--as-of", "2024-03-15", "--since", "1w"]):
        _, out = run(["--catalog", catalog_file, "-f", "json"] + argv + ["list", "orders-db"])
        assert [s["taken_at"][:10] for s in json.loads(out)["snapshots"]][0] == "2024-03-08"
    _, out = run(["--catalog", catalog_file, "-f", "json", "--since", "2024-03-19", "list", "orders-db"])
    assert len(json.loads(out)["snapshots"]) == 2


def prune_policy(catalog_file, *argv, ini=None, tmp_path=None):
    extra = []
    if ini is not None:
        path = tmp_path / "snapctl.ini"
        path.write_text(ini)
        extra = ["-c", str(path)]
    code, out = run(["--catalog", catalog_file, "-n", "-f", "json", "--as-of", "2024-03-20", *extra, *argv])
    assert code == 0
    return {t: v["policy"] for t, v in json.loads(out)["targets"].items()}


def test_unset_options_fall_back_to_config_then_builtin_defaults(catalog_file, tmp_path):
    ini = "[retention]\nkeep_daily = 2\nkeep_monthly = 9\n[target:orders-db]\nkeep_daily = 3\nkeep_weekly = 1\n"
    policies = prune_policy(catalog_file, "prune", "--all", ini=ini, tmp_path=tmp_path)
    assert policies["orders-db"] == {"keep_daily": 3, "keep_weekly": 1, "keep_monthly": 9}
    assert policies["users-db"] == {"keep_daily": 2, "keep_weekly": 4, "keep_monthly": 9}
    policies = prune_policy(catalog_file, "--keep-daily", "1", "prune", "--all", ini=ini, tmp_path=tmp_path)
    assert policies["orders-db"]["keep_daily"] == 1 and policies["users-db"]["keep_daily"] == 1
    assert prune_policy(catalog_file, "prune", "users-db")["users-db"] == {"keep_daily": 7, "keep_weekly": 4,
                                                                          "keep_monthly": 6}


def test_config_from_environment(catalog_file, tmp_path, monkeypatch):
    ini = tmp_path / "env.ini"
    ini.write_text(f"[snapctl]\ncatalog = {catalog_file}\n[retention]\nkeep_weekly = 2\n")
    monkeypatch.setenv("SNAPCTL_CONFIG", str(ini))
    code, out = run(["-n", "-f", "json", "--as-of", "2024-03-20", "prune", "orders-db"])
    assert code == 0
    assert json.loads(out)["targets"]["orders-db"]["policy"]["keep_weekly"] == 2


def test_deprecated_keep_alias_still_works(catalog_file, capsys):
    policies = prune_policy(catalog_file, "--keep", "3", "prune", "orders-db")
    assert policies["orders-db"]["keep_daily"] == 3
    assert "--keep is deprecated" in capsys.readouterr().err
    assert prune_policy(catalog_file, "--keep", "3", "--keep-daily", "5", "prune", "orders-db")["orders-db"]["keep_daily"] == 5
    assert prune_policy(catalog_file, "--keep-daily=5", "--keep", "2", "prune", "orders-db")["orders-db"]["keep_daily"] == 2
    err = usage_error(["--catalog", catalog_file, "--keep", "x", "prune", "orders-db"], capsys)
    assert "x" in err


def test_verbosity_counts(catalog_file):
    _, out = run(["--catalog", catalog_file, "-vv", "-n", "--as-of", "2024-03-20", "prune", "orders-db"])
    assert "orders-db: policy daily=7 weekly=4 monthly=6" in out
    _, out = run(["--catalog", catalog_file, "-v", "-n", "--as-of", "2024-03-20", "prune", "orders-db"])
    assert "policy daily" not in out
    _, out = run(["--catalog", catalog_file, "--verbose", "list", "orders-db"])
    assert "LOCATION" in out


def test_quiet_prune_prints_nothing(catalog_file):
    code, out = run(["--catalog", catalog_file, "-q", "--as-of", "2024-03-20", "prune", "--all"])
    assert code == 0 and out == ""


def test_default_as_of_is_today(catalog_file, tmp_path):
    today = date.today()
    path = tmp_path / "today.json"
    path.write_text(json.dumps({"version": 1, "snapshots": entries("db", f"{today - timedelta(days=30):%Y-%m-%d}", 31)}))
    _, out = run(["--catalog", str(path), "-f", "json", "--since", "2d", "list"])
    assert [s["taken_at"][:10] for s in json.loads(out)["snapshots"]] == [
        f"{today - timedelta(days=n):%Y-%m-%d}" for n in (2, 1, 0)]


def test_exit_codes_for_runtime_outcomes(catalog_file, tmp_path):
    assert run(["--catalog", catalog_file, "verify"])[0] == 0
    code, _ = run(["--catalog", str(tmp_path / "missing.json"), "list"])
    assert code == 2
    code, _ = run(["-c", str(tmp_path / "missing.ini"), "--catalog", catalog_file, "list"])
    assert code == 2
