"""The CLI's document reading (src/cli/input.cc, src/cli/json.cc), in Python, for alam.dask and
`python -m alam`: the same documents, ids and read errors as `alam extract`. The records
themselves come from the library's formatter (Extractor.write_records). Text travels as str
decoded with errors="surrogateescape", so every original byte (valid UTF-8 or not) survives.
"""

import bz2
import gzip
import json
import lzma
import os
import re

__all__ = ["Document", "compression_of", "decompression_error", "field", "input_names",
           "is_jsonl_path", "open_decompressed", "parse_jsonl_line", "read_text_document",
           "unsupported_input"]


def input_names(paths):
    """{path: the name its documents go by}: the base name, or the path as given when two
    inputs share a base name (as the CLI names them)."""
    counts = {}
    for p in paths:
        b = os.path.basename(p)
        counts[b] = counts.get(b, 0) + 1
    return {p: (p if counts[os.path.basename(p)] > 1 else os.path.basename(p)) for p in paths}


def is_jsonl_path(path):
    """Whether the CLI reads `path` as JSON Lines by its name (.jsonl or .ndjson, or either
    followed by .gz, .xz, .bz2 or .zst)."""
    return path.endswith(tuple(e + z for e in (".jsonl", ".ndjson")
                               for z in ("", ".gz", ".xz", ".bz2", ".zst")))


# The compressed formats the CLI reads, by their first bytes (src/cli/byte_stream.cc), with
# fsspec's name for each.
_MAGIC = ((b"\x1f\x8b", "gzip"), (b"\xfd7zXZ\x00", "xz"), (b"BZh", "bz2"),
          (b"\x28\xb5\x2f\xfd", "zstd"), (b"PK\x03\x04", "zip"))
_FORMAT_NAMES = {"gzip": "gzip", "xz": "xz", "bz2": "bzip2", "zstd": "zstd", "zip": "zip"}


def compression_of(path):
    """The compression of `path` by its first bytes: "gzip", "xz", "bz2", "zstd", "zip" or
    None (plain, or a file that cannot be read)."""
    try:
        with open(path, "rb") as f:
            head = f.read(6)
    except OSError:
        return None
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def open_decompressed(path):
    """A binary file object of `path`'s bytes, decompressed as the CLI decompresses them (gzip,
    xz, bzip2; unsupported_input names the rest)."""
    kind = compression_of(path)
    if kind == "gzip":
        return gzip.open(path, "rb")
    if kind == "xz":
        return lzma.open(path, "rb")
    if kind == "bz2":
        return bz2.open(path, "rb")
    return open(path, "rb")


def unsupported_input(path):
    """Why this Python reader cannot read `path` as `alam extract` does, or None: a zstd file
    (Python's zstandard module reads a truncated one as shorter data, without an error), a zip
    archive, or a .json file (a JSON array of records). It reads plain, gzip, xz and bzip2
    text and JSON Lines, in UTF-8."""
    if path.endswith((".json", ".json.gz")):
        return "%s is a .json file (a JSON array of records), which only alam extract reads" % path
    kind = compression_of(path)
    if kind == "zip":
        return "%s is a zip archive: extract it first" % path
    if kind == "zstd":
        return "%s is zstd-compressed, which only alam extract reads; or decompress it" % path
    return None


def decompression_error(path, e):
    """The message of a compressed input that could not be read to its end."""
    kind = _FORMAT_NAMES.get(compression_of(path), "compressed")
    return "%s: truncated or corrupt %s data (%s)" % (path, kind, e)


class Document:
    """One input document: id, text (surrogateescape str; None on error), error ("" if none)."""

    __slots__ = ("id", "text", "error")

    def __init__(self, id, text, error=""):
        self.id = id
        self.text = text
        self.error = error


class _Number(str):
    """A JSON number kept as its literal text (the CLI prints ids that way)."""


def _no_constant(name):
    raise ValueError("unexpected character")


def _first_wins(pairs):
    d = {}
    for k, v in pairs:
        d.setdefault(k, v)
    return d


# Python's json messages in the CLI's words (src/cli/json.cc).
_JSON_MESSAGES = {
    "Expecting value": "unexpected character",
    "Extra data": "trailing characters after the JSON value",
    "Expecting property name enclosed in double quotes": "expected a member name",
    "Expecting ':' delimiter": "expected :",
    "Expecting ',' delimiter": "expected , or }",
    "Unterminated string starting at": "unterminated string",
    "Invalid control character at": "control character in string",
    "Invalid \\escape": "bad escape",
    "Invalid \\uXXXX escape": "bad \\u escape",
}
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPE_TOKEN = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.S)


def _lone_surrogate_offset(line):
    """Byte offset where the CLI reports a lone surrogate \\u escape, or None."""
    if not _SURROGATE_ESCAPE.search(line):
        return None
    tokens = list(_ESCAPE_TOKEN.finditer(line))
    k = 0
    while k < len(tokens):
        m = tokens[k]
        k += 1
        if m.group(1) is None:
            continue
        cp = int(m.group(1), 16)
        if 0xD800 <= cp <= 0xDBFF:
            nxt = tokens[k] if k < len(tokens) else None
            if (nxt is not None and nxt.start() == m.end() and nxt.group(1) is not None
                    and 0xDC00 <= int(nxt.group(1), 16) <= 0xDFFF):
                k += 1
                continue
        elif not 0xDC00 <= cp <= 0xDFFF:
            continue
        return len(line[:m.end()].encode("utf-8", "surrogateescape"))
    return None


def field(record, path):
    """The member of `record` at a field name of the CLI: the member so named, else the dotted
    path to a nested one (meta.date); None when absent."""
    if path in record or "." not in path:
        return record.get(path)
    v = record
    for step in path.split("."):
        if not isinstance(v, dict) or step not in v:
            return None
        v = v[step]
    return v


def _first_escaped_byte(s):
    """The CLI's words for the first byte of `s` that was not UTF-8 (a surrogateescape
    character), or None."""
    for k, c in enumerate(s):
        if 0xDC80 <= ord(c) <= 0xDCFF:
            at = len(s[:k].encode("utf-8", "surrogateescape"))
            return "invalid UTF-8 at byte %d (byte 0x%02x)" % (at, ord(c) - 0xDC00)
    return None


def parse_jsonl_line(line, name, line_no, id_field="id", text_fields=("text",),
                     joiner="\n\n"):
    """The Document of one JSON Lines line (without its newline), or None for a blank line.
    The default id is "<file base name>:<line number>", as in the CLI."""
    if line.endswith("\r"):
        line = line[:-1]
    if not line.strip(" \t"):
        return None
    doc_id = "%s:%d" % (name, line_no)
    try:
        v = json.loads(line, object_pairs_hook=_first_wins, parse_int=_Number,
                       parse_float=_Number, parse_constant=_no_constant)
    except ValueError as e:
        pos = getattr(e, "pos", None)
        msg = getattr(e, "msg", None)
        if pos is None or msg is None:
            return Document(doc_id, None, "JSON: %s" % (msg or "unexpected character"))
        if msg == "Expecting value" and not line[pos:].strip(" \t\r\n"):
            msg = "unexpected end of input"
        msg = _JSON_MESSAGES.get(msg, msg[:1].lower() + msg[1:])
        return Document(doc_id, None, "JSON: %s at offset %d" % (
            msg, len(line[:pos].encode("utf-8", "surrogateescape"))))
    bad = _lone_surrogate_offset(line)
    if bad is not None:
        return Document(doc_id, None, "JSON: lone surrogate in \\u escape at offset %d" % bad)
    if not isinstance(v, dict):
        return Document(doc_id, None, "JSON Lines record is not an object")
    i = field(v, id_field)
    if i is not None:
        if not isinstance(i, str):
            return Document(doc_id, None,
                            'field "%s" is not a string or number' % id_field)
        bad = _first_escaped_byte(i)
        if bad is not None:
            return Document(doc_id, None, 'field "%s" is not valid UTF-8 (%s)' % (id_field, bad))
        doc_id = str(i)
    parts = []
    for f in text_fields:
        t = field(v, f)
        if t is None:
            continue
        if not isinstance(t, str) or isinstance(t, _Number):
            return Document(doc_id, None, 'field "%s" is not a string' % f)
        parts.append(t)
    if not parts:
        return Document(doc_id, None, "no text field (looked for: %s)" % ", ".join(text_fields))
    return Document(doc_id, joiner.join(parts))


def read_text_document(path, name=None):
    """A plain-text file as one Document named `name` (default: its base name; gzip, xz,
    bzip2 and zstd read as the CLI reads them)."""
    name = name or os.path.basename(path)
    why = unsupported_input(path)
    if why is not None:
        return Document(name, None, why)
    try:
        with open_decompressed(path) as f:
            data = f.read()
    except OSError as e:
        if e.strerror is None and os.path.isfile(path):  # gzip.BadGzipFile and the like
            return Document(name, None, decompression_error(path, e))
        return Document(name, None, "cannot open %s: %s" % (path, e.strerror or e))
    except (EOFError, lzma.LZMAError, ValueError) as e:
        return Document(name, None, decompression_error(path, e))
    return Document(name, data.decode("utf-8", "surrogateescape"))
