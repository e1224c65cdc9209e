"""CSV decoding: encodings partners use, dialect sniffing, header normalisation."""
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from . import applog
from .schema import canonical_name

ENCODINGS = ("utf-8-sig", "cp1252")


class ParseError(Exception):
    pass


@dataclass
class ParsedFile:
    columns: list[str]
    rows: list[dict[str, str]]
    encoding: str
    delimiter: str
    ignored_columns: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ParseError("file is neither UTF-8 nor Windows-1252")


def parse(path: Path) -> ParsedFile:
    text, encoding = decode(path.read_bytes())
    if not text.strip():
        raise ParseError("empty file")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader)
    mapping: dict[int, str] = {}
    ignored = []
    for i, raw in enumerate(header):
        name = canonical_name(raw)
        if name is None:
            ignored.append(raw.strip())
        elif name in mapping.values():
            raise ParseError(f"column {name!r} appears twice")
        else:
            mapping[i] = name
    if ignored:
        print(f"WARNING: {path.name}: ignoring unknown columns {', '.join(ignored)}")
    rows = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        rows.append({name: (values[i] if i < len(values) else "") for i, name in mapping.items()})
    applog.log("debug", "file.parsed", file=path.name, encoding=encoding, delimiter=delimiter, rows=len(rows))
    return ParsedFile(list(mapping.values()), rows, encoding, delimiter, ignored)
