"""Extractor, Entity and normalize: the Python face of the C ABI."""

import codecs
import ctypes
import dataclasses
import math
import os
import threading
from typing import Optional

from . import _lib
from ._errors import AlamError, FailedPreconditionError, error_for_status

__all__ = ["Entity", "Extractor", "normalize"]


@dataclasses.dataclass(frozen=True)
class Entity:
    """One entity found in a document.

    ``start``/``end`` are code point offsets (Python ``str`` indices) and ``byte_start``/
    ``byte_end`` UTF-8 byte offsets into the document as given, both half-open: for ``str``
    input ``text[start:end] == entity.text``. ``id`` is the gazetteer id ("" for rule-made
    entities, but for those linked to a listed person: a later bare surname, a longer name
    ending in the person's family name), ``source`` is ``"alias"`` or ``"rule:<id>"``, ``alias`` the normalized alias
    or rule trigger that fired, ``alternatives`` the number of other entries bearing the
    same name.
    """

    start: int
    end: int
    byte_start: int
    byte_end: int
    text: str
    type: str
    subtype: str
    id: str
    name_ar: str
    name_en: str
    score: float
    source: str
    alias: str
    alternatives: int = 0
    # Where the entry is, as the JSON Lines records carry it (src/format/record_writer.cc):
    # "" / None / False when unknown, and always for rule-made entities without an entry.
    country: str = ""        # ISO 3166 code
    parent: str = ""         # the parent entry's id
    governorate: str = ""    # the nearest ancestor that is a governorate
    lat: Optional[float] = None
    lon: Optional[float] = None
    approximate: bool = False  # lat/lon are the parent's
    pcode: str = ""          # OCHA p-code
    wikidata: str = ""       # Wikidata id (Q...)

    def to_dict(self):
        """The entity as the entity of a `alam extract` JSON Lines record: the same keys in
        the same order, the unknown whereabouts ("", None, False) and alternatives=0 left out,
        the score with two decimals."""
        d = dataclasses.asdict(self)
        d["score"] = math.floor(self.score * 100 + 0.5) / 100  # as lround, half away from 0
        for k in ("alternatives",) + _OPTIONAL_FIELDS:
            if d[k] is None or (k not in ("lat", "lon") and not d[k]):
                del d[k]
        return d

    def __json__(self):
        """For JSON encoders that look for it; json.dumps(e, default=alam.Entity.to_json)
        works with the standard library's."""
        return self.to_dict()

    @staticmethod
    def to_json(obj):
        """A `default=` for json.dumps: Entity objects as their to_dict(); TypeError else."""
        if isinstance(obj, Entity):
            return obj.to_dict()
        raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


_OPTIONAL_FIELDS = ("country", "parent", "governorate", "lat", "lon", "approximate", "pcode",
                    "wikidata")
_NO_WHEREABOUTS = dict.fromkeys(_OPTIONAL_FIELDS[:3], "") | {
    "lat": None, "lon": None, "approximate": False, "pcode": "", "wikidata": ""}


def _one_byte_per_surrogate(exc):
    """Encodes each lone surrogate of a str as ONE invalid UTF-8 byte (U+DC80–U+DCFF as the
    byte surrogateescape decoded it from, others as 0xFF), so that libalam, which counts an
    invalid byte as one code point, keeps the offsets of the str: the text is then rejected
    as invalid UTF-8, or with repair=True each surrogate reads as U+FFFD."""
    bad = exc.object[exc.start:exc.end]
    return bytes(ord(c) - 0xDC00 if 0xDC80 <= ord(c) <= 0xDCFF else 0xFF for c in bad), exc.end


codecs.register_error("alam.surrogates", _one_byte_per_surrogate)


def _as_bytes(text, what="text"):
    """(utf8 bytes, the str or None) of a str or bytes-like argument."""
    if isinstance(text, str):
        return text.encode("utf-8", "alam.surrogates"), text
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text), None
    raise TypeError("%s must be str or bytes, not %s" % (what, type(text).__name__))


def _path_bytes(path):
    return os.fsencode(os.fspath(path))


class Extractor:
    """A compiled gazetteer and rule set.

    Immutable once built; one Extractor may be used from any number of Python threads at
    once (each thread gets its own scratch memory, and the C call releases the GIL).

    Arguments (defaults as in the C ABI):
      gazetteer     extra gazetteer files (data/README.md format), a list of paths
      rules         extra rule files, a list of paths
      use_embedded  load the gazetteer and rules compiled into the library (default True)
      enable_rules  run the context rules (default True)
      keep_ungated  also emit ambiguous names lacking supporting context (default False)
      min_score     drop entities scoring below this, 0..1 (default 0.0)
      repair        replace invalid UTF-8 bytes with U+FFFD instead of raising (default False)
      max_document_bytes  documents larger than this raise OutOfRangeError (default 1 GiB)
      explain       the records of write_records give each name the context model scored an
                    "explain" field with this many features of largest weight (-1: all;
                    default 0: none)
    Raises NotFoundError for a missing file, InvalidArgumentError for a malformed one (the
    message names the file and line).
    """

    def __init__(self, gazetteer=None, rules=None, use_embedded=True, enable_rules=True,
                 keep_ungated=False, min_score=0.0, repair=False, max_document_bytes=None,
                 explain=0):
        self._ptr = None
        self._lib = lib = _lib.lib()
        if isinstance(gazetteer, (str, bytes, os.PathLike)):
            gazetteer = [gazetteer]
        if isinstance(rules, (str, bytes, os.PathLike)):
            rules = [rules]
        opts = ctypes.c_void_p()
        lib.alam_options_new(ctypes.byref(opts))
        try:
            lib.alam_options_set_int(opts, _lib.OPTION_USE_EMBEDDED_DATA, int(bool(use_embedded)))
            lib.alam_options_set_int(opts, _lib.OPTION_ENABLE_RULES, int(bool(enable_rules)))
            lib.alam_options_set_int(opts, _lib.OPTION_KEEP_UNGATED, int(bool(keep_ungated)))
            lib.alam_options_set_int(opts, _lib.OPTION_REPAIR_INVALID_UTF8, int(bool(repair)))
            if max_document_bytes is not None:
                lib.alam_options_set_int(opts, _lib.OPTION_MAX_DOCUMENT_BYTES,
                                         int(max_document_bytes))
            lib.alam_options_set_double(opts, _lib.OPTION_MIN_SCORE, float(min_score))
            lib.alam_options_set_int(opts, _lib.OPTION_EXPLAIN_FEATURES, int(explain))
            for p in gazetteer or ():
                lib.alam_options_add_gazetteer_file(opts, _path_bytes(p))
            for p in rules or ():
                lib.alam_options_add_rule_file(opts, _path_bytes(p))
            ptr = ctypes.c_void_p()
            lib.alam_extractor_new(opts, ctypes.byref(ptr))
        finally:
            lib.alam_options_free(opts)
        self._ptr = ptr
        self._options = dict(gazetteer=list(gazetteer or ()), rules=list(rules or ()),
                             use_embedded=use_embedded, enable_rules=enable_rules,
                             keep_ungated=keep_ungated, min_score=min_score, repair=repair,
                             max_document_bytes=max_document_bytes, explain=explain)
        self._strings = {0: ""}  # C string address -> str; they live as long as the extractor
        self._entries = {}
        self._where = {}  # entry id -> its Entity fields country ... wikidata
        self._local = threading.local()
        self._scratches = []
        self._scratch_lock = threading.Lock()

    @classmethod
    def load(cls, path, **kwargs):
        """The embedded gazetteer plus the entries of the gazetteer file `path`."""
        extra = list(kwargs.pop("gazetteer", None) or ())
        kwargs.setdefault("use_embedded", True)
        return cls(gazetteer=[path] + extra, **kwargs)

    @property
    def options(self):
        """The keyword arguments this extractor was built with (a copy)."""
        return dict(self._options)

    # -- lifetime -------------------------------------------------------------------------
    def close(self):
        """Frees the compiled data and every thread's scratch. Idempotent. Do not call it
        while another thread is still extracting with this extractor."""
        ptr, self._ptr = self._ptr, None
        if ptr is None:
            return
        with self._scratch_lock:
            scratches, self._scratches = self._scratches, []
        for s in scratches:
            self._lib.alam_scratch_free(s)
        self._lib.alam_extractor_free(ptr)
        self._local = threading.local()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    def __repr__(self):
        return "<alam.Extractor %s>" % ("closed" if self._ptr is None else "open")

    def _handle(self):
        if self._ptr is None:
            raise FailedPreconditionError("alam: the extractor is closed")
        return self._ptr

    def _scratch(self):
        """This thread's (scratch, out_entities, out_count, byref(out), byref(count))."""
        t = getattr(self._local, "scratch", None)
        if t is None:
            sc = ctypes.c_void_p()
            self._lib.alam_scratch_new(self._handle(), ctypes.byref(sc))
            with self._scratch_lock:
                self._scratches.append(sc)
            out, n = ctypes.c_void_p(), ctypes.c_size_t()
            t = (sc, out, n, ctypes.byref(out), ctypes.byref(n))
            self._local.scratch = t
        return t

    # -- extraction -----------------------------------------------------------------------
    def _str(self, addr):
        s = self._strings.get(addr)
        if s is None:
            s = ctypes.string_at(addr).decode("utf-8", "replace")
            self._strings[addr] = s
        return s

    def _entities(self, addr, count, data, text):
        """Entity objects of an alam_entity_t array at `addr`, stepping by the element size
        the library wrote into struct_size (alam.h, "Growing the ABI")."""
        if count == 0:
            return []
        stride = ctypes.c_size_t.from_address(addr).value
        fmt = _lib.entity_format(stride)
        raw = (ctypes.c_char * (count * stride)).from_address(addr)
        strs = self._strings
        string = self._str
        new = object.__new__
        out = []
        for (_size, start, end, bs, be, _type, tn, st, eid, nar, nen, src, al, score,
             alts, tp, tl) in fmt.iter_unpack(raw):
            e = new(Entity)
            # A frozen dataclass: fill its __dict__ directly (5x faster than __init__).
            if text is not None:
                surface = text[start:end]
            elif data is not None:
                surface = data[bs:be].decode("utf-8", "replace")
            else:  # a stream's entity: its text from the stream's buffer
                surface = ctypes.string_at(tp, tl).decode("utf-8", "replace")
            e.__dict__.update(
                start=start, end=end, byte_start=bs, byte_end=be, text=surface,
                type=strs[tn] if tn in strs else string(tn),
                subtype=strs[st] if st in strs else string(st),
                id=strs[eid] if eid in strs else string(eid),
                name_ar=strs[nar] if nar in strs else string(nar),
                name_en=strs[nen] if nen in strs else string(nen),
                score=score,
                source=strs[src] if src in strs else string(src),
                alias=strs[al] if al in strs else string(al),
                alternatives=alts)
            e.__dict__.update(self._whereabouts(e.__dict__["id"]))
            out.append(e)
        return out

    def _whereabouts(self, eid):
        """The Entity fields country … wikidata of entry `eid`, from the entry lookup of the C
        ABI (the governorate: the nearest ancestor whose subtype is governorate, as the
        record writer finds it)."""
        got = self._where.get(eid)
        if got is not None:
            return got
        if not eid:
            return _NO_WHEREABOUTS
        e = self.entry(eid)
        governorate, parent = "", e["parent"]
        for _ in range(8):
            if not parent:
                break
            p = self.entry(parent)
            if p["subtype"] == "governorate":
                governorate = p["id"]
                break
            parent = p["parent"]
        got = {"country": e["country"], "parent": e["parent"], "governorate": governorate,
               # Rounded as the records write them (%.5f: about a metre).
               "lat": None if e["lat"] is None else round(e["lat"], 5),
               "lon": None if e["lon"] is None else round(e["lon"], 5),
               "approximate": bool(e["has_coordinates"] and e["coordinates_approximate"]),
               "pcode": e["pcode"], "wikidata": e["wikidata"]}
        self._where[eid] = got
        return got

    def extract(self, text):
        """The entities of one document (str, or UTF-8 bytes), in text order."""
        data, s = _as_bytes(text)
        ptr = self._handle()
        sc, out, n, pout, pn = self._local.__dict__.get("scratch") or self._scratch()
        self._lib.alam_extract(ptr, sc, data, len(data), pout, pn)
        return self._entities(out.value, n.value, data, s)

    def extract_many(self, texts, threads=0, errors="raise"):
        """Entities of many documents, computed in C with `threads` threads (0 = all cores),
        in input order. A document that fails raises its error when errors="raise" (after
        the whole batch ran); with errors="return" its place in the result holds the
        exception object instead of a list."""
        if errors not in ("raise", "return"):
            raise ValueError('errors must be "raise" or "return"')
        if not 0 <= threads <= 1024:
            raise ValueError("threads must be from 0 to 1024")
        docs = [_as_bytes(t, "texts[%d]" % i) for i, t in enumerate(texts)]
        n = len(docs)
        ptr = self._handle()
        if n == 0:
            return []
        arr = (ctypes.c_char_p * n)(*[d for d, _ in docs])
        lens = (ctypes.c_size_t * n)(*[len(d) for d, _ in docs])
        batch = ctypes.c_void_p()
        lib = self._lib
        lib.alam_extract_batch(ptr, arr, lens, n, int(threads), ctypes.byref(batch))
        try:
            results = []
            out = ctypes.c_void_p()
            cnt = ctypes.c_size_t()
            pout, pcnt = ctypes.byref(out), ctypes.byref(cnt)
            get = lib.alam_batch_get
            for i, (data, s) in enumerate(docs):
                st = get(batch, i, pout, pcnt)
                if st != 0:
                    msg = lib.alam_batch_error(batch, i)
                    err = error_for_status(st, msg.decode("utf-8", "replace") if msg else "")
                    err.index = i
                    results.append(err)
                else:
                    results.append(self._entities(out.value, cnt.value, data, s))
        finally:
            lib.alam_batch_free(batch)
        if errors == "raise":
            for r in results:
                if isinstance(r, AlamError):
                    raise r
        return results

    def write_records(self, texts, ids, read_errors=None, format="jsonl", threads=0,
                      dates=None, kept_names=(), kept_values=None):
        """The records the `alam` command writes for these documents (bytes: the format's header,
        one record per document in input order, its footer, from the library's formatter) and
        the number that failed. format: jsonl, bio, csv, tsv, geojson, html or counts.
        texts: str or UTF-8 bytes; ids: their names; read_errors: None, or per document None
        or the message of a document that could not be read (its record carries it);
        dates: None, or per document None or "YYYY-MM-DD"; kept_names: the kept fields' names,
        kept_values: per document a list of their values as compact JSON text (None = null),
        written as `alam extract --keep-field` writes them (ValueError when a name is reserved,
        a date is not YYYY-MM-DD or a value is not JSON)."""
        if format not in _lib.RECORD_FORMATS:
            raise ValueError("format must be one of " + ", ".join(_lib.RECORD_FORMATS))
        if not 0 <= threads <= 1024:
            raise ValueError("threads must be from 0 to 1024")
        n = len(texts)
        if len(ids) != n or (read_errors is not None and len(read_errors) != n):
            raise ValueError("texts, ids and read_errors must have the same length")
        datas = [_as_bytes(t, "texts[%d]" % i)[0] for i, t in enumerate(texts)]
        names = [_as_bytes(d, "ids[%d]" % i)[0] for i, d in enumerate(ids)]
        errs = None
        if read_errors is not None:
            errs = (ctypes.c_char_p * n)(*[None if e is None else _as_bytes(e)[0]
                                           for e in read_errors])
        kept_names = [_as_bytes(k)[0] for k in kept_names]
        if (dates is not None and len(dates) != n) or (
                kept_names and (kept_values is None or len(kept_values) != n
                                or any(len(v) != len(kept_names) for v in kept_values))):
            raise ValueError("dates and kept_values must have one entry per document, "
                             "kept_values one value per kept name")
        day = None if dates is None else (ctypes.c_char_p * n)(
            *[None if d is None else _as_bytes(d)[0] for d in dates])
        flat = [None if v is None else _as_bytes(v)[0]
                for vs in (kept_values or []) for v in vs] if kept_names else []
        records = ctypes.c_void_p()
        lib = self._lib
        # A reserved name, a bad date or a value that is not JSON: InvalidArgumentError, a
        # ValueError.
        lib.alam_write_records_meta(
            self._handle(), _lib.RECORD_FORMATS[format], (ctypes.c_char_p * n)(*names),
            (ctypes.c_size_t * n)(*[len(d) for d in names]), (ctypes.c_char_p * n)(*datas),
            (ctypes.c_size_t * n)(*[len(d) for d in datas]), errs, day,
            (ctypes.c_char_p * len(kept_names))(*kept_names), len(kept_names),
            (ctypes.c_char_p * len(flat))(*flat), n, int(threads), ctypes.byref(records))
        try:
            size = ctypes.c_size_t()
            addr = lib.alam_records_data(records, ctypes.byref(size))
            return ctypes.string_at(addr, size.value), lib.alam_records_failed(records)
        finally:
            lib.alam_records_free(records)

    def stream(self):
        """A Stream for one document that arrives in pieces (alam/stream.h): its write()
        and finish() return the entities completed so far, with document offsets."""
        return Stream(self)

    # -- gazetteer ------------------------------------------------------------------------
    def entry(self, id):
        """Everything the gazetteer knows of the entry `id`, as a dict; NotFoundError when
        there is none. lat/lon are None when the entry has no coordinates."""
        cached = self._entries.get(id)
        if cached is not None:
            return dict(cached)
        e = _lib.EntryStruct(struct_size=ctypes.sizeof(_lib.EntryStruct))
        self._lib.alam_extractor_entry(self._handle(), id.encode("utf-8"), ctypes.byref(e))
        d = {}
        for name, ctype in _lib.EntryStruct._fields_[1:]:  # all but struct_size
            v = getattr(e, name)
            if ctype is ctypes.c_char_p:
                v = v.decode("utf-8", "replace") if v else ""
            d[name] = v
        d["type"] = _lib.TYPE_NAMES[d["type"]] if 0 <= d["type"] < 5 else str(d["type"])
        d["has_coordinates"] = bool(d["has_coordinates"])
        d["coordinates_approximate"] = bool(d["coordinates_approximate"])
        if not d["has_coordinates"]:
            d["lat"] = d["lon"] = None
        self._entries[id] = d
        return dict(d)

    def stats(self):
        """Counts of the compiled data: entries, aliases, ambiguous_aliases, rules, triggers."""
        s = _lib.StatsStruct(struct_size=ctypes.sizeof(_lib.StatsStruct))
        self._lib.alam_extractor_stats(self._handle(), ctypes.byref(s))
        return {name: getattr(s, name) for name, _ in _lib.StatsStruct._fields_[1:]}


def normalize(text, repair=False):
    """Normalizes `text` as alam does before matching (see alam/normalizer.h).

    Returns (normalized, offsets): offsets[k] is the code point index in `text` of the
    character that produced normalized code point k, and offsets[len(normalized)] is the
    length of `text` in code points, so normalized[a:b] comes from text[offsets[a]:offsets[b]]
    (for a character-preserving span). `text` may be str or UTF-8 bytes (then offsets count
    the code points of the decoded bytes, each invalid byte counting as one when repair=True).
    """
    lib = _lib.lib()
    data, _ = _as_bytes(text)
    norm = ctypes.c_void_p()
    opts = ctypes.c_void_p()
    lib.alam_options_new(ctypes.byref(opts))
    try:
        lib.alam_options_set_int(opts, _lib.OPTION_REPAIR_INVALID_UTF8, int(bool(repair)))
        lib.alam_normalize(opts, data, len(data), ctypes.byref(norm))
    finally:
        lib.alam_options_free(opts)
    try:
        n = ctypes.c_size_t()
        addr = lib.alam_normalized_text(norm, ctypes.byref(n))
        out = ctypes.string_at(addr, n.value).decode("utf-8", "replace") if n.value else ""
        count = ctypes.c_size_t()
        lib.alam_normalized_codepoint_map(norm, None, 0, ctypes.byref(count))
        arr = (ctypes.c_size_t * (count.value + 1))()
        lib.alam_normalized_codepoint_map(norm, arr, count.value + 1, ctypes.byref(count))
        return out, list(arr)
    finally:
        lib.alam_normalized_free(norm)


class Stream:
    """One document extracted as it arrives: ``write(piece)`` (str or bytes; bytes may be
    cut inside a character) returns the entities of the segments the piece completed,
    ``finish()`` the rest; offsets count from the document's start. Holds a scratch of its
    own; use it from one thread. A context manager; ``close()`` frees it."""

    def __init__(self, extractor):
        self._ex = extractor
        lib = extractor._lib
        self._scratch = ctypes.c_void_p()
        lib.alam_scratch_new(extractor._handle(), ctypes.byref(self._scratch))
        self._stream = ctypes.c_void_p()
        try:
            lib.alam_stream_new(extractor._handle(), self._scratch, ctypes.byref(self._stream))
        except Exception:
            lib.alam_scratch_free(self._scratch)
            raise
        self._out = ctypes.c_void_p()
        self._n = ctypes.c_size_t()

    def write(self, piece):
        data = piece.encode("utf-8") if isinstance(piece, str) else bytes(piece)
        self._ex._lib.alam_stream_write(self._live(), data, len(data), ctypes.byref(self._out),
                                        ctypes.byref(self._n))
        return self._ex._entities(self._out.value, self._n.value, None, None)

    def finish(self):
        self._ex._lib.alam_stream_finish(self._live(), ctypes.byref(self._out),
                                         ctypes.byref(self._n))
        return self._ex._entities(self._out.value, self._n.value, None, None)

    def _live(self):
        if not self._stream:
            raise ValueError("the stream is closed")
        return self._stream

    def close(self):
        if self._stream:
            self._ex._lib.alam_stream_free(self._stream)
            self._ex._lib.alam_scratch_free(self._scratch)
            self._stream = ctypes.c_void_p()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass
