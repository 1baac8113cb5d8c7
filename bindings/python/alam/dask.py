"""Entity extraction over news dumps with Dask, beyond one machine.

    python -m alam.dask dump-*.jsonl.gz --out results/ [--scheduler tcp://host:8786]

Inputs follow the CLI's conventions: a file ending in .jsonl or .ndjson (or either with .gz,
.xz, .bz2) is JSON Lines (one document per line, read with dask.bag.read_text), any other file
is one plain-text document named by its base name. Each bag partition is written as
out_dir/part-NNNNN.jsonl, partitions numbered in input order; the records are exactly the
lines `alam extract` prints for the same input and options (same keys, order, escaping, score
rounding, "error" for a failed document), so `cat out_dir/part-*.jsonl` equals the CLI's
output. A part file is written under a temporary name and renamed when complete, so a retried
task never leaves a partial or duplicated part.

Each worker process builds one Extractor lazily, on its first task, and keeps it in a
module-level cache (keyed by the extractor options) for the rest of its life. Workers must be
able to import alam and load libalam (install the package, or set ALAM_LIBRARY); a
LocalCluster's workers inherit this process's sys.path and environment.

Partitioning: by default one partition per JSON Lines file (and plain-text files grouped
`files_per_partition` to a partition). With blocksize, large uncompressed JSON Lines files are
cut into blocks; the line numbers that name records lacking an id field then need a first
pass that counts the lines of every block (one extra read of the input).

Differences from the CLI: the message of a malformed JSON line comes from Python's json
module (same "JSON: … at offset N" shape, different wording); stdin ("-") is not an input.
Field names may be dotted paths (meta.id, article.body), as in the CLI; gzip, xz and bzip2
inputs are known by their first bytes, as in the CLI, and a truncated or corrupt one fails the
run (an exception; exit status 2 from python -m alam.dask) where the CLI reports one failed
document. What the CLI reads and this does not is an error before any work (ValueError; exit
status 2): zstd files (Python's zstandard reads a truncated file as shorter data, without an
error), zip archives, .json files (JSON arrays of records); there is no --encoding,
--keep-field or --date-field (input must be UTF-8: a Windows-1256 file fails record by record
as invalid UTF-8).
"""

import argparse
import os
import sys
import threading
import time

import dask
import dask.bag as db

from ._extractor import Extractor
from ._records import (compression_of, input_names, is_jsonl_path, parse_jsonl_line,
                       read_text_document, unsupported_input)

__all__ = ["documents", "records", "extract_to_jsonl", "get_extractor", "main"]

_EXTRACTORS = {}
_EXTRACTORS_LOCK = threading.Lock()


def get_extractor(options):
    """This process's Extractor for `options` (a dict of Extractor keyword arguments),
    built on first use and cached for the life of the process."""
    key = repr(sorted((k, tuple(v) if isinstance(v, list) else v)
                      for k, v in (options or {}).items()))
    ex = _EXTRACTORS.get(key)
    if ex is None:
        with _EXTRACTORS_LOCK:
            ex = _EXTRACTORS.get(key)
            if ex is None:
                ex = Extractor(**(options or {}))
                _EXTRACTORS[key] = ex
    return ex


def _is_jsonl(path, input_format):
    if input_format == "jsonl":
        return True
    if input_format == "text":
        return False
    return is_jsonl_path(path)


def _number_lines(lines, name, first):
    out = []
    for i, item in enumerate(lines):
        line = item[0] if isinstance(item, tuple) else item
        if line.endswith("\n"):
            line = line[:-1]
        out.append(("jsonl", name, first + i, line))
    return out


def _count(lines):
    return [sum(1 for _ in lines)]


def _text_items(paths, names):
    return [("text", p, names[p]) for p in paths]


def documents(inputs, blocksize=None, files_per_partition=16, input_format="auto"):
    """A dask.bag of raw input items, in input order: ("jsonl", name, line_no, line) for each
    line of a JSON Lines file and ("text", path, name) for a plain-text file."""
    bags = []
    pending_text = []
    inputs = [os.fspath(p) for p in inputs]
    names = input_names(inputs)
    for path in inputs:  # what alam extract reads and this does not: an error before any work
        why = unsupported_input(path)
        if why is not None:
            raise ValueError(why)

    def flush_text():
        for k in range(0, len(pending_text), files_per_partition):
            chunk = pending_text[k:k + files_per_partition]
            bags.append(db.from_sequence(_text_items(chunk, names), npartitions=1))
        pending_text.clear()

    for path in inputs:
        if not _is_jsonl(path, input_format):
            pending_text.append(path)
            continue
        flush_text()
        name = names[path]
        if not os.path.exists(path):
            # The CLI reports an input it cannot open as one failed document.
            bags.append(db.from_sequence([("text", path, name)], npartitions=1))
            continue
        kind = compression_of(path)  # by its bytes, as the CLI: gzip, xz, bz2 or None
        bs = blocksize if kind is None else None
        lines = db.read_text(path, blocksize=bs, linedelimiter="\n", compression=kind,
                             encoding="utf-8", errors="surrogateescape")
        if lines.npartitions == 1:
            bags.append(lines.map_partitions(_number_lines, name, 1))
            continue
        counts = lines.map_partitions(_count).compute()
        firsts = [1]
        for c in counts[:-1]:
            firsts.append(firsts[-1] + c)
        parts = lines.to_delayed()
        bags.append(db.from_delayed([
            dask.delayed(_number_lines)(p, name, f) for p, f in zip(parts, firsts)]))
    flush_text()
    if not bags:
        return db.from_sequence([], npartitions=1)
    return db.concat(bags) if len(bags) > 1 else bags[0]


def _to_document(item, id_field, text_fields):
    if item[0] == "jsonl":
        _, name, line_no, line = item
        return parse_jsonl_line(line, name, line_no, id_field, text_fields)
    return read_text_document(item[1], item[2])


def _records(items, options, id_field, text_fields, threads, batch_bytes=8 << 20):
    """Yields (record line, failed, text bytes) for the items of one partition."""
    ex = get_extractor(options)
    batch = []
    size = 0

    def run(batch):
        datas, errors = [], []
        for d in batch:
            data, error = b"", d.error or None
            if not error:
                try:
                    data = d.text.encode("utf-8", "surrogateescape")
                except UnicodeEncodeError:
                    error = "JSON: lone surrogate in \\u escape"
            datas.append(data)
            errors.append(error)
        # The records come from the library's formatter, as the CLI's do.
        out, _ = ex.write_records(datas, [d.id for d in batch], errors, threads=threads)
        for line, data in zip(out.split(b"\n"), datas):
            error_at = line.find(b'", "error": ')
            failed = error_at != -1 and error_at < line.find(b'"entities": [')
            yield line.decode("utf-8", "surrogateescape"), failed, len(data)

    for item in items:
        d = _to_document(item, id_field, text_fields)
        if d is None:
            continue
        batch.append(d)
        size += len(d.text or "") + 64
        if size >= batch_bytes:
            yield from run(batch)
            batch, size = [], 0
    if batch:
        yield from run(batch)


def _record_lines(items, options, id_field, text_fields, threads):
    return [r for r, _, _ in _records(items, options, id_field, text_fields, threads)]


def records(inputs, id_field="id", text_fields=("text",), threads=1, blocksize=None,
            files_per_partition=16, input_format="auto", **extractor_options):
    """A dask.bag of the CLI's JSON Lines records (str, no newline), in input order."""
    return documents(inputs, blocksize, files_per_partition, input_format).map_partitions(
        _record_lines, extractor_options, id_field, tuple(text_fields), threads)


def _write_part(items, path, options, id_field, text_fields, threads):
    docs = failed = nbytes = 0
    tmp = "%s.tmp-%d-%d" % (path, os.getpid(), threading.get_ident())
    with open(tmp, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as f:
        for line, bad, n in _records(items, options, id_field, text_fields, threads):
            f.write(line)
            f.write("\n")
            docs += 1
            failed += bad
            nbytes += n
    os.replace(tmp, path)
    return {"part": os.path.basename(path), "docs": docs, "failed": failed, "bytes": nbytes}


def extract_to_jsonl(inputs, out_dir, client=None, scheduler=None, workers=None,
                     id_field="id", text_fields=("text",), threads=1, blocksize=None,
                     files_per_partition=16, input_format="auto", processes=True,
                     **extractor_options):
    """Extracts the entities of every document of `inputs` into out_dir/part-NNNNN.jsonl.

    Runs on `client` (a distributed.Client) if given, else on the scheduler at `scheduler`
    (an address), else on a new LocalCluster of `workers` processes (default: the number of
    cores) with one thread each. `threads` is the number of C threads per task.
    extractor_options are Extractor keyword arguments (gazetteer=[...], min_score=…, …);
    files named there must exist on the workers. Returns a summary dict: parts, docs, failed,
    bytes, seconds."""
    from distributed import Client, LocalCluster

    os.makedirs(out_dir, exist_ok=True)
    opts = dict(extractor_options)
    for k in ("gazetteer", "rules"):
        if opts.get(k):
            opts[k] = [os.path.abspath(os.fspath(p)) for p in opts[k]]
    own_cluster = own_client = None
    t0 = time.monotonic()
    try:
        if client is None:
            if scheduler:
                client = own_client = Client(scheduler)
            else:
                n = workers or os.cpu_count() or 1
                own_cluster = LocalCluster(n_workers=n, threads_per_worker=1,
                                           processes=processes, dashboard_address=None)
                client = own_client = Client(own_cluster)
        bag = documents(inputs, blocksize, files_per_partition, input_format)
        tasks = [
            dask.delayed(_write_part)(part, os.path.join(out_dir, "part-%05d.jsonl" % i), opts,
                                      id_field, tuple(text_fields), threads)
            for i, part in enumerate(bag.to_delayed())]
        results = client.compute(tasks, sync=True)
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()
    return {
        "parts": len(results),
        "docs": sum(r["docs"] for r in results),
        "failed": sum(r["failed"] for r in results),
        "bytes": sum(r["bytes"] for r in results),
        "seconds": time.monotonic() - t0,
    }


def main(argv=None):
    p = argparse.ArgumentParser(
        prog="python -m alam.dask",
        description="Extract entities from news dumps with Dask; writes the CLI's JSON Lines "
                    "records as OUT/part-NNNNN.jsonl.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".jsonl/.jsonl.gz: JSON Lines; any other file: one document")
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--scheduler", help="address of a running scheduler (default: a LocalCluster)")
    p.add_argument("--workers", type=int, help="LocalCluster worker processes (default: cores)")
    p.add_argument("--threads", type=int, default=1, help="C threads per task (default 1)")
    p.add_argument("--id-field", default="id")
    p.add_argument("--text-field", action="append", dest="text_fields",
                   help="repeat to join several fields with a blank line (default: text)")
    p.add_argument("--input-format", choices=("auto", "text", "jsonl"), default="auto")
    p.add_argument("--blocksize", help="cut JSON Lines files into blocks of this size (e.g. 64MB)")
    p.add_argument("--files-per-partition", type=int, default=16)
    p.add_argument("--gazetteer", action="append", default=[])
    p.add_argument("--rules", action="append", default=[])
    p.add_argument("--no-embedded", action="store_true")
    p.add_argument("--no-rules", action="store_true")
    p.add_argument("--keep-ungated", action="store_true")
    p.add_argument("--explain", action="store_const", const=5, default=0)
    p.add_argument("--min-score", type=float, default=0.0)
    p.add_argument("--repair", action="store_true")
    p.add_argument("--max-doc-bytes", type=int)
    a = p.parse_args(argv)
    try:
        summary = extract_to_jsonl(
            a.inputs, a.out, scheduler=a.scheduler, workers=a.workers, id_field=a.id_field,
            text_fields=tuple(a.text_fields or ("text",)), threads=a.threads,
            blocksize=a.blocksize, files_per_partition=a.files_per_partition,
            input_format=a.input_format, gazetteer=a.gazetteer, rules=a.rules,
            use_embedded=not a.no_embedded, enable_rules=not a.no_rules,
            keep_ungated=a.keep_ungated, min_score=a.min_score, repair=a.repair,
            max_document_bytes=a.max_doc_bytes, explain=a.explain)
    except Exception as e:  # noqa: BLE001 - report and exit like the CLI
        print("alam.dask: %s" % e, file=sys.stderr)
        return 2
    mb = summary["bytes"] / 1e6
    print("alam.dask: %d docs (%d failed), %.1f MB in %d parts, %.1f s, %.1f MB/s" % (
        summary["docs"], summary["failed"], mb, summary["parts"], summary["seconds"],
        mb / summary["seconds"] if summary["seconds"] > 0 else 0.0), file=sys.stderr)
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    # Run the importable module's main, so that the functions shipped to workers are
    # alam.dask's and not this __main__ copy's.
    import alam.dask

    sys.exit(alam.dask.main())
