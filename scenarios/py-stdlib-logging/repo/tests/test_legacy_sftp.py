from ingest.legacy_sftp import poll


def test_moves_only_complete_uploads(tmp_path):
    mirror, spool = tmp_path / "mirror", tmp_path / "spool"
    (mirror / "acme").mkdir(parents=True)
    (mirror / "acme" / "a.csv").write_text("x")
    (mirror / "acme" / "a.csv.done").write_text("")
    (mirror / "acme" / "b.csv").write_text("still uploading")
    assert poll(mirror, spool) == ["acme__a.csv"]
    assert (spool / "incoming" / "acme__a.csv").read_text() == "x"
    assert (mirror / "acme" / "b.csv").exists()
    assert not (mirror / "acme" / "a.csv.done").exists()
