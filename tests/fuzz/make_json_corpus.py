#!/usr/bin/env python3
"""Writes the seed corpus of json_reader_fuzzer: tests/fuzz/corpus/json_reader/seed_* (what
the reader must get right) and, when some are named, tests/fuzz/corpus/json_reader_known_bugs/
seed_* (inputs on which it disagrees with Python; none today).

  /usr/bin/python3 tests/fuzz/make_json_corpus.py $(ls tests/fuzz/corpus/json_reader_known_bugs | sed 's/^seed_//')
(the arguments name the seeds that go to json_reader_known_bugs/; with none, all go to
json_reader/, which is what to run once src/cli/json.cc is fixed).

Each seed is the JSON text followed by Python's result for the same bytes, in the canonical
form json_reader_fuzzer.cc's Canonical() writes, and a hash (see the fuzzer's header). It
rewrites only the seed_* files (inputs libFuzzer adds keep their hash names).

Python's json module is the reference, read strictly: the bytes are decoded as UTF-8 (invalid
UTF-8 is an error; json.loads would guess UTF-16/32 from bytes), NaN and Infinity are rejected,
numbers are kept as written, objects keep every member in order. Two documented strictnesses
of the reader are applied to Python's result: a string holding a lone surrogate, which Python
accepts, is an error (json.h), and so is nesting deeper than the reader's limit (200 levels
below the top value).
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARKER = b"\n\0\0python-expects\0"
MAX_DEPTH = 200


class Rejected(Exception):
    pass


def reject_constant(name):
    raise Rejected(name)


def fnv1a64(b):
    h = 0xcbf29ce484222325
    for c in b:
        h = ((h ^ c) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return b"%016x" % h


def canonical(v, depth=0):
    if depth > MAX_DEPTH:
        raise Rejected("nesting too deep")
    if v is None:
        return "n"
    if v is True:
        return "t"
    if v is False:
        return "f"
    if isinstance(v, tuple) and v[0] == "num":
        return "#" + v[1]
    if isinstance(v, str):
        return '"' + v.encode("utf-8").hex() + '"'  # a lone surrogate raises: an error
    if isinstance(v, Obj):
        return "{" + ",".join(canonical(k) + ":" + canonical(x, depth + 1) for k, x in v.pairs) + "}"
    return "[" + ",".join(canonical(x, depth + 1) for x in v) + "]"


class Obj:
    """An object with all its members in input order (duplicates kept)."""
    def __init__(self, pairs):
        self.pairs = list(pairs)


def python_result(text):
    try:
        s = text.decode("utf-8")
        v = json.loads(s, parse_constant=reject_constant, parse_int=lambda x: ("num", x),
                       parse_float=lambda x: ("num", x), object_pairs_hook=Obj)
        return canonical(v)
    except (ValueError, Rejected, RecursionError, UnicodeEncodeError):
        return "error"


def seeds():
    rec = {"id": "a1", "title": "الرقة", "text": "قصفت الطائرات مدينة الرقة وريف دمشق"}
    deep_ok = "[" * 200 + "1" + "]" * 200
    yield "record", json.dumps(rec, ensure_ascii=False).encode()
    yield "record_ascii_escapes", json.dumps(rec).encode()
    yield "record_numeric_id", b'{"id": 7, "text": "\\u062f\\u0645\\u0634\\u0642", "extra": [1, 2.5, -3e10, true, false, null, {}]}'
    yield "record_nested_skip", b'{"meta": {"a": [{"b": "\\"x\\"", "c": {"d": []}}]}, "text": "t", "id": null}'
    yield "escapes_all", b'"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000 \\u001f \\u007f \\u00e9 \\u0645 \\uFFFF"'
    yield "escape_bad", b'"\\q"'
    yield "escape_truncated_u", b'"\\u06"'
    yield "escape_bad_hex", b'"\\u06g5"'
    yield "surrogate_pair", b'"\\ud83d\\ude00 \\uD83D\\uDE00"'
    yield "surrogate_lone_high", b'"\\ud83d"'
    yield "surrogate_lone_high_then_char", b'"\\ud83dx"'
    yield "surrogate_high_high", b'"\\ud83d\\ud83d"'
    yield "surrogate_lone_low", b'"\\ude00"'
    yield "surrogate_pair_in_key", b'{"\\ud83d\\ude00": 1}'
    yield "deep_ok", deep_ok.encode()
    yield "deep_too_deep", ("[" * 201 + "1" + "]" * 201).encode()
    yield "deep_objects", ('{"a":' * 150 + "null" + "}" * 150).encode()
    yield "deep_unclosed", b"[" * 5000
    yield "numbers", b"[0, -0, 1, -1, 0.5, -0.5e-3, 1E+2, 123456789012345678901234567890, 1e400]"
    yield "number_bad_dot", b"[1.]"
    yield "number_bad_exp", b"[1e]"
    yield "number_minus", b"-"
    yield "constants_nan", b"[NaN]"
    yield "constants_infinity", b"-Infinity"
    yield "literals", b' \t\r\n[true,false,null] \n'
    yield "literal_prefix", b"tru"
    yield "empty", b""
    yield "whitespace_only", b"  \n"
    yield "trailing_garbage", b'{"a": 1} x'
    yield "two_values", b"1 2"
    yield "trailing_comma", b"[1,]"
    yield "missing_colon", b'{"a" 1}'
    yield "key_not_string", b"{1: 2}"
    yield "duplicate_keys", b'{"text": "a", "text": "b"}'
    yield "control_char_in_string", b'"a\x01b"'
    yield "raw_newline_in_string", b'"a\nb"'
    yield "del_in_string", b'"a\x7fb"'
    yield "bom", b'\xef\xbb\xbf{"a": 1}'
    yield "nul_outside", b"[1,\x002]"
    yield "truncated_record", json.dumps(rec, ensure_ascii=False).encode()[:41]
    yield "truncated_mid_char", json.dumps(rec, ensure_ascii=False).encode()[:40]
    yield "truncated_string", b'{"text": "abc'
    yield "truncated_escape", b'"abc\\'
    yield "unterminated_object", b'{"a": 1'
    yield "invalid_utf8_outside", b"[1, \xff]"
    yield "four_byte_chars", '["😀", "𝔸", "\u200f\u200e"]'.encode()
    # Invalid UTF-8 inside strings (errors, as JSON text is UTF-8) and numbers with leading zeros.
    yield "invalid_utf8_in_string", b'{"text": "a\xffb"}'
    yield "invalid_utf8_truncated_char", b'{"text": "\xd8"}'
    yield "invalid_utf8_overlong", b'"\xc0\xaf"'
    yield "invalid_utf8_surrogate_bytes", b'"\xed\xa0\x80"'
    yield "invalid_utf8_in_key", b'{"\xff": 1}'
    yield "number_leading_zero", b"[01]"
    yield "number_negative_leading_zero", b"-012"


def main():
    good = os.path.join(HERE, "corpus", "json_reader")
    bugs = os.path.join(HERE, "corpus", "json_reader_known_bugs")
    for d in (good, bugs):
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            if f.startswith("seed_"):
                os.unlink(os.path.join(d, f))
    known = set(sys.argv[1:])  # names of seeds on which the reader is known to be wrong
    for name, text in seeds():
        expected = python_result(text).encode()
        body = text + MARKER + expected
        d = bugs if name in known else good
        with open(os.path.join(d, "seed_" + name), "wb") as f:
            f.write(body + b"\n" + fnv1a64(body))
    print(f"wrote the seeds into {good} and {bugs}")


if __name__ == "__main__":
    main()
