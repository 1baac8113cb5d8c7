#include "document.h"

#include <algorithm>

#include "compiled_data.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "gazetteer/matcher.h"
#include "normalize/tokenizer.h"
#include "resolve/resolver.h"
#include "rules/rules.h"
#include "scratch_state.h"

namespace alam::internal {

ScratchState* StateOf(Scratch* scratch) { return scratch->state_.get(); }

namespace {

bool IsPunctuation(const unsigned char* p, size_t k) {  // the byte before offset k
  const unsigned char c = p[k - 1];
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         (c == 0x8C && k >= 2 && p[k - 2] == 0xD8);  // ، (U+060C)
}

// Where the segment that starts at `from` ends, in a buffer that holds more than
// kSegmentBytes after it: after the last line break at or before from + kSegmentBytes, else
// after punctuation, else after a space (none before half of kSegmentBytes), else on a
// character boundary. A name never spans a line break or punctuation.
size_t CutPoint(std::string_view text, size_t from) {
  const size_t target = from + kSegmentBytes, floor = from + kSegmentBytes / 2;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t k = target; k > floor; --k) {
    if (p[k - 1] == '\n') return k;
  }
  for (size_t k = target; k > floor; --k) {
    if (IsPunctuation(p, k)) return k;
  }
  for (size_t k = target; k > floor; --k) {
    if (p[k - 1] == ' ') return k;
  }
  size_t k = target;
  while (k > from + 1 && (p[k] & 0xC0) == 0x80) --k;
  return k;
}

bool IsSpace(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The zone's start before a segment starting at `begin` (offsets into `text`; `at_start`:
// text[0] is the document's first byte): kContextBytes earlier, moved forward past the first
// white space so that no word is cut.
size_t ZoneBegin(std::string_view text, size_t begin, bool at_start) {
  if (begin <= kContextBytes && at_start) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t k = begin - kContextBytes; k < begin; ++k) {
    if (IsSpace(p[k])) return k + 1;
  }
  return begin;
}

// The zone's end after a segment ending at `end`: kContextBytes later (or the text's end),
// moved back to the last white space.
size_t ZoneEnd(std::string_view text, size_t end) {
  if (text.size() - end <= kContextBytes) return text.size();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t k = end + kContextBytes; k > end; --k) {
    if (IsSpace(p[k])) return k;
  }
  return end;
}

// Code points of `text`; each invalid byte counts as one (repaired text).
size_t CodePoints(std::string_view text, bool valid) {
  if (!valid) return CountCodePoints(text);
  return CountCharacterStarts(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

// Walks forward through `text` turning byte offsets into code point offsets; the offsets asked
// for never decrease (the spans are in text order).
class CodePointWalker {
 public:
  CodePointWalker(std::string_view text, bool valid, size_t base_cp)
      : text_(text), valid_(valid), cp_(base_cp) {}
  size_t At(size_t byte) {
    if (byte > byte_) {
      cp_ += CodePoints(text_.substr(byte_, byte - byte_), valid_);
      byte_ = byte;
    }
    return cp_;
  }

 private:
  std::string_view text_;
  bool valid_;
  size_t byte_ = 0;
  size_t cp_;
};

// The trigger word a rule's name was found at (normalized: المعارض for person-after-role-noun's
// رياض الترك, the given name for person-given-name), or the rule's first trigger word.
std::string_view TriggerOf(const CompiledData& d, const Rule& rule, const Resolved& r) {
  return r.trigger != 0 ? d.gazetteer.WordText(r.trigger) : std::string_view(rule.trigger);
}

// The entity of one resolved span; offsets relative to the zone, text set by the caller.
Entity EntityOf(const CompiledData& d, const Resolved& r) {
  Entity e;
  e.score = r.score;
  e.alternatives = r.alternatives;
  if (r.entry >= 0) {
    const EntryInfo& info = d.gazetteer.entries()[static_cast<uint32_t>(r.entry)];
    e.type = info.type;
    e.subtype = info.subtype;
    e.id = info.id;
    e.name_ar = info.name_ar;
    e.name_en = info.name_en;
    e.entry_index = static_cast<uint32_t>(r.entry);
    if (r.rule == kSurnameRule) {
      e.source = kSurnameSource;
    } else if (r.rule >= 0) {  // a rule's person named by a listed one's family name
      const Rule& rule = d.rules.rule(static_cast<size_t>(r.rule));
      e.source = rule.source;
      e.alias = TriggerOf(d, rule, r);
    } else {
      e.source = "alias";
      e.alias = d.gazetteer.alias(static_cast<uint32_t>(r.alias)).text;
    }
  } else if (r.rule == kUnlistedPlaceRule) {  // built-in: a place no entry of the gazetteer is
    e.type = EntityType::kPlace;
    e.source = kUnlistedPlaceSource;
    e.alias = d.gazetteer.alias(static_cast<uint32_t>(r.alias)).text;
    e.entry_index = UINT32_MAX;
  } else if (r.rule == kSurnameRule || r.rule == kListRule) {  // built-in, of people
    e.type = EntityType::kPerson;
    e.source = r.rule == kSurnameRule ? kSurnameSource : kListSource;
    e.entry_index = UINT32_MAX;
  } else {
    const Rule& rule = d.rules.rule(static_cast<size_t>(r.rule));
    e.type = rule.type;
    e.subtype = rule.subtype;
    e.source = rule.source;
    e.alias = TriggerOf(d, rule, r);
    e.entry_index = UINT32_MAX;
  }
  return e;
}

// Normalization, the gazetteer's pass, the rules and resolution over one zone of text.
absl::Status RunStages(const Extractor& ex, std::string_view zone, ScratchState* st) {
  const ExtractorOptions& options = ex.options();
  const CompiledData& d = CompiledDataOf(ex);
  NormalizeOptions nopt;
  nopt.repair_invalid_utf8 = options.repair_invalid_utf8;
  NormalizeScratch& n = st->normalize;
  size_t normalized_size = 0;
  absl::Status s = NormalizeAndTokenize(zone, &n.normalized, &normalized_size, &n.map,
                                        &n.tokens, nopt);
  if (!s.ok()) return s;
  const std::string_view normalized(n.normalized.data(), normalized_size);
  MatchScratch& m = st->match;
  m.candidates.clear();
  m.hits.clear();
  MatchGazetteer(d.gazetteer, normalized, n.tokens, &m.words, &m.buf, &m.candidates, &m.hits);
  const OriginalReading original(zone, &n.map);
  if (options.enable_rules && !m.hits.empty()) {
    d.rules.Match(normalized, n.tokens, m.hits, original, &m.candidates, &m.rule_tallies);
  }
  st->stats.candidates += m.candidates.size();
  Resolve(d.gazetteer, d.rules, d.context, options, normalized, n.tokens, m.candidates, original,
          &st->resolve, &st->resolved, &st->stats);
  return absl::OkStatus();
}

}  // namespace

bool NextSegment(std::string_view buffer, size_t base, size_t from, bool complete, Segment* seg) {
  const size_t end_of_data = base + buffer.size();
  if (from >= end_of_data) return false;
  const size_t local = from - base;
  size_t end;
  if (end_of_data - from <= kSegmentBytes) {
    if (!complete) return false;
    end = buffer.size();
  } else {
    if (!complete && buffer.size() - local <= kSegmentBytes + kContextBytes) return false;
    end = CutPoint(buffer, local);
  }
  seg->begin = from;
  seg->end = base + end;
  seg->zone_begin = base + ZoneBegin(buffer, local, base == 0);
  seg->zone_end = base + ZoneEnd(buffer, end);
  return true;
}

void BeginDocument(ScratchState* scratch) {
  scratch->stats = ExtractStats();
  BeginResolveDocument(&scratch->resolve);
}

absl::Status CheckDocument(const ExtractorOptions& options, std::string_view text) {
  if (text.size() > options.max_document_bytes) {
    return absl::OutOfRangeError(Cat("document of ", text.size(),
                                     " bytes exceeds max_document_bytes (",
                                     options.max_document_bytes, ")"));
  }
  if (text.size() > kSegmentBytes && !options.repair_invalid_utf8) {
    const size_t bad = FindInvalidUtf8(text);
    if (bad != text.size()) {
      return absl::InvalidArgumentError(
          InvalidUtf8Message(bad, static_cast<unsigned char>(text[bad])));
    }
  }
  return absl::OkStatus();
}

absl::Status ExtractSegment(const Extractor& ex, std::string_view buffer, size_t base,
                            const Segment& seg, ScratchState* st, DocumentCursor* cursor,
                            std::vector<Entity>* out) {
  const std::string_view zone =
      buffer.substr(seg.zone_begin - base, seg.zone_end - seg.zone_begin);
  const size_t seg_begin = seg.begin - seg.zone_begin, seg_end = seg.end - seg.zone_begin;
  if (absl::Status s = RunStages(ex, zone, st); !s.ok()) {
    if (seg.zone_begin == 0 || s.code() != absl::StatusCode::kInvalidArgument) return s;
    // A later segment of a streamed document: name the byte in the document.
    const size_t bad = FindInvalidUtf8(zone);
    return absl::InvalidArgumentError(InvalidUtf8Message(
        seg.zone_begin + bad, static_cast<unsigned char>(zone[bad])));
  }
  const bool valid = !ex.options().repair_invalid_utf8 || FindInvalidUtf8(zone) == zone.size();
  const auto* orig = reinterpret_cast<const uint8_t*>(zone.data());
  CodePointWalker cps(zone, valid, cursor->from_cp - CodePoints(zone.substr(0, seg_begin), valid));
  const CompiledData& d = CompiledDataOf(ex);
  const OffsetMap& map = st->normalize.map;
  for (const Resolved& r : st->resolved) {
    size_t start = map.ToOriginalStart(r.norm_start), end = map.ToOriginalEnd(r.norm_end);
    if (start < seg_begin || start >= seg_end) continue;
    while (end < zone.size() && IsTrailingMark(orig + end, zone.size() - end)) end += 2;
    Entity e = EntityOf(d, r);
    if (r.explain >= 0) e.explain = st->resolve.explanations[static_cast<size_t>(r.explain)];
    e.byte_start = seg.zone_begin + start;
    e.byte_end = seg.zone_begin + end;
    e.start = cps.At(start);
    e.end = cps.At(end);
    e.text = buffer.substr(e.byte_start - base, end - start);
    RememberPerson(d.gazetteer, r, &st->resolve);
    out->push_back(e);
  }
  // The next segment's first code point; a pass over the segment that only a document with
  // more text after it needs.
  if (seg.end < base + buffer.size()) {
    cursor->from_cp += CodePoints(zone.substr(seg_begin, seg_end - seg_begin), valid);
  }
  cursor->from = seg.end;
  return absl::OkStatus();
}

absl::Status AcquireScratch(const Extractor& ex, Scratch* scratch, ScratchState** state) {
  ScratchState* st = StateOf(scratch);
  if (st->owner != &ex) {
    return absl::FailedPreconditionError("the scratch belongs to another extractor");
  }
  if (st->in_use.exchange(true, std::memory_order_acquire)) {
    return absl::FailedPreconditionError(
        "the scratch is in use by another call (one scratch per thread)");
  }
  *state = st;
  return absl::OkStatus();
}

void ReleaseScratch(ScratchState* state) { state->in_use.store(false, std::memory_order_release); }

}  // namespace alam::internal
