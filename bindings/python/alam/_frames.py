"""alam.to_dataframe: extraction results as a pandas DataFrame, one row per mention."""

import dataclasses

from ._extractor import Entity

__all__ = ["to_dataframe"]

COLUMNS = ["doc"] + [f.name for f in dataclasses.fields(Entity)]


def _documents(results):
    """(doc, entities) pairs of the accepted shapes of `results`."""
    if isinstance(results, dict):
        return results.items()
    pairs = []
    for i, item in enumerate(results):
        if isinstance(item, tuple) and len(item) == 2 and not isinstance(item[0], Entity):
            pairs.append(item)
        else:
            pairs.append((i, item))
    return pairs


def to_dataframe(results, errors="raise"):
    """A pandas DataFrame with one row per mention: a "doc" column, then the Entity fields.

    `results` is what Extractor.extract_many returns (a list whose i-th item holds the
    entities of document i: "doc" is then i), a dict {doc id: entities}, or an iterable of
    (doc id, entities) pairs; a single document's list of Entity is taken as document 0. A
    document that failed (an exception object, from extract_many(..., errors="return"))
    raises it again unless errors="skip", which leaves it out (it has no row either way).
    Needs pandas (Debian: python3-pandas)."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError("alam.to_dataframe needs pandas, which is not installed "
                          "(Debian: apt install python3-pandas; or pip install pandas)") from e
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors must be "raise" or "skip", not {errors!r}')
    if isinstance(results, list) and results and all(isinstance(x, Entity) for x in results):
        results = [results]
    rows = []
    for doc, entities in _documents(results):
        if isinstance(entities, BaseException):
            if errors == "raise":
                raise entities
            continue
        for e in entities:
            rows.append((doc, *(getattr(e, c) for c in COLUMNS[1:])))
    return pandas.DataFrame.from_records(rows, columns=COLUMNS)
