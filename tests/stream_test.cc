// Long documents: every path (Extract, ExtractBatch, DocumentStream in pieces of any size,
// the record writer) gives the same entities, and a document's context crosses its segments.
#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "alam/format.h"
#include "alam/stream.h"
#include "gtest/gtest.h"

namespace alam {
namespace {

const Extractor& Shared() {
  static const Extractor* ex = Extractor::Create().value().release();
  return *ex;
}

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(ALAM_SOURCE_DIR) + "/data/sample/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// About 1.2 MB: a person named in full first, the five sample articles repeated, and the
// bare surname at the end, a segment away from the full name.
std::string LongDocument() {
  std::string text = "قال الرئيس السوري بشار الأسد إن المعارك مستمرة.\n";
  const char* names[] = {"000_f3d04fc4dd4014dc.txt", "001_4e3d15a02d7a4506.txt",
                         "002_a5362bdd89391333.txt", "003_91557add6fe4b47d.txt",
                         "004_97fbed0dd3cbb0af.txt"};
  std::string articles;
  for (const char* n : names) articles += ReadSample(n) + "\n";
  EXPECT_GT(articles.size(), 10000u);
  while (text.size() < 1200000) text += articles;
  text += "وفي دمشق، اجتمع الأسد بوفد روسي.\n";
  return text;
}

struct Flat {
  size_t start, end, byte_start, byte_end;
  std::string text, id, source;
  bool operator==(const Flat& o) const {
    return start == o.start && end == o.end && byte_start == o.byte_start &&
           byte_end == o.byte_end && text == o.text && id == o.id && source == o.source;
  }
};

std::vector<Flat> Flatten(const std::vector<Entity>& es) {
  std::vector<Flat> out;
  for (const Entity& e : es) {
    out.push_back({e.start, e.end, e.byte_start, e.byte_end, std::string(e.text),
                   std::string(e.id), std::string(e.source)});
  }
  return out;
}

std::vector<Flat> Streamed(std::string_view text, std::mt19937* rng, size_t max_piece) {
  auto scratch = Shared().NewScratch();
  auto stream = DocumentStream::Create(Shared(), scratch.get());
  EXPECT_TRUE(stream.ok()) << stream.status();
  std::vector<Flat> out;
  std::vector<Entity> es;
  for (size_t at = 0; at < text.size();) {
    const size_t n = std::min(text.size() - at, 1 + (*rng)() % max_piece);
    es.clear();
    EXPECT_TRUE((*stream)->Write(text.substr(at, n), &es).ok());
    for (const Flat& f : Flatten(es)) out.push_back(f);  // texts copied before the next call
    at += n;
  }
  es.clear();
  EXPECT_TRUE((*stream)->Finish(&es).ok());
  for (const Flat& f : Flatten(es)) out.push_back(f);
  return out;
}

TEST(StreamTest, EveryPathGivesTheSameEntitiesOnALongDocument) {
  const std::string text = LongDocument();
  auto whole = Shared().Extract(text);
  ASSERT_TRUE(whole.ok()) << whole.status();
  const std::vector<Flat> expected = Flatten(*whole);
  ASSERT_GT(expected.size(), 1000u);
  for (const Flat& f : expected) {
    ASSERT_EQ(text.substr(f.byte_start, f.byte_end - f.byte_start), f.text);
  }
  std::mt19937 rng(7);
  for (size_t max_piece : {size_t{1} << 20, size_t{70000}, size_t{4097}}) {
    EXPECT_EQ(Streamed(text, &rng, max_piece), expected) << "pieces up to " << max_piece;
  }
  std::vector<std::vector<Entity>> batch;
  std::vector<absl::Status> statuses;
  Shared().ExtractBatch({text, text}, 2, &batch, &statuses);
  EXPECT_EQ(Flatten(batch[1]), expected);
  // The record writer gives the record of Extract's entities.
  RecordWriter writer(Shared(), RecordFormat::kJsonLines), again(Shared(), RecordFormat::kJsonLines);
  std::string from_writer, from_entities, flushed;
  auto scratch = Shared().NewScratch();
  ASSERT_TRUE(writer.ExtractAndWrite("d", text, scratch.get(), &from_writer,
                                     [&](std::string* s) { flushed += *s; s->clear(); }).ok());
  again.Write("d", text, *whole, &from_entities);
  EXPECT_EQ(flushed + from_writer, from_entities);
  EXPECT_FALSE(flushed.empty()) << "a long record is handed to flush a segment at a time";
  EXPECT_EQ(writer.entity_count(), expected.size());
}

TEST(StreamTest, APersonNamedInFullLinksASurnameSegmentsLater) {
  // The full name once, then 1.2 MB naming no one, then the bare surname.
  // (الجعفري is no alias of its own: only the full name earlier makes it a person.)
  std::string text = "قال المندوب السوري بشار الجعفري إن المعارك مستمرة.\n";
  while (text.size() < 1200000) text += "قصفت الطائرات مدينة الرقة وريف حلب الشمالي.\n";
  text += "وفي دمشق، اجتمع الجعفري بوفد روسي.\n";
  auto es = Shared().Extract(text);
  ASSERT_TRUE(es.ok());
  EXPECT_EQ(std::count_if(es->begin(), es->end(), [](const Entity& e) {
              return e.type == EntityType::kPerson;
            }), 2) << "no one else is named";
  const size_t last_line = text.rfind("وفي دمشق");
  const auto it = std::find_if(es->begin(), es->end(), [&](const Entity& e) {
    return e.byte_start > last_line && e.text == "الجعفري";
  });
  ASSERT_NE(it, es->end()) << "the bare surname a megabyte after the full name";
  EXPECT_EQ(it->source, "rule:surname-after-full-name");
  EXPECT_EQ(it->id, "person:bashar-al-jaafari");
}

TEST(StreamTest, CodePointOffsetsCountEverySegmentBefore) {
  const std::string text = LongDocument();
  auto es = Shared().Extract(text);
  ASSERT_TRUE(es.ok());
  // Code points of the prefix before each entity, counted directly.
  size_t cp = 0, byte = 0;
  for (const Entity& e : *es) {
    for (; byte < e.byte_start; ++byte) cp += (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
    ASSERT_EQ(e.start, cp) << "at byte " << e.byte_start;
  }
}

TEST(StreamTest, ErrorsAndMisuse) {
  ExtractorOptions small;
  small.max_document_bytes = 100;
  auto ex = Extractor::Create(small);
  ASSERT_TRUE(ex.ok());
  auto scratch = (*ex)->NewScratch();
  std::vector<Entity> es;
  {
    auto stream = DocumentStream::Create(**ex, scratch.get());
    ASSERT_TRUE(stream.ok());
    // The stream holds its scratch: another call with it fails instead of racing.
    EXPECT_EQ((*ex)->Extract("حلب", scratch.get(), &es).code(),
              absl::StatusCode::kFailedPrecondition);
    EXPECT_TRUE((*stream)->Write(std::string(60, 'a'), &es).ok());
    EXPECT_EQ((*stream)->Write(std::string(60, 'a'), &es).code(), absl::StatusCode::kOutOfRange);
    EXPECT_EQ((*stream)->Finish(&es).code(), absl::StatusCode::kFailedPrecondition);
  }
  EXPECT_TRUE((*ex)->Extract("حلب", scratch.get(), &es).ok()) << "released with the stream";
  auto other = Shared().NewScratch();
  EXPECT_EQ(DocumentStream::Create(**ex, other.get()).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(DocumentStream::Create(**ex, nullptr).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(StreamTest, InvalidUtf8InALaterSegmentIsNamedByItsDocumentOffset) {
  std::string text = LongDocument();
  const size_t bad = text.size() - 10;
  text[bad] = '\xFF';
  auto whole = Shared().Extract(text);
  ASSERT_EQ(whole.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(whole.status().message().find("at byte " + std::to_string(bad)), std::string::npos)
      << whole.status();
  auto scratch = Shared().NewScratch();
  auto stream = DocumentStream::Create(Shared(), scratch.get());
  std::vector<Entity> es;
  ASSERT_TRUE((*stream)->Write(text, &es).ok());
  EXPECT_FALSE(es.empty()) << "the segments before the bad byte are delivered";
  absl::Status s = (*stream)->Finish(&es);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("at byte " + std::to_string(bad)), std::string::npos) << s;
}

TEST(RecordWriterTest, FailedDocumentsKeepTheirPlaceInTheBatch) {
  std::string out;
  const size_t failed = WriteRecords(Shared(), RecordFormat::kJsonLines, {"a", "b", "c"},
                                     {"حلب", "\xFF", "الرقة"}, {}, 2, &out);
  EXPECT_EQ(failed, 1u);
  std::vector<std::string> lines;
  std::stringstream ss(out);
  for (std::string l; std::getline(ss, l);) lines.push_back(l);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("{\"doc\": \"a\", \"entities\": [{", 0), 0u);
  EXPECT_EQ(lines[1], "{\"doc\": \"b\", \"error\": \"invalid UTF-8 at byte 0 (byte 0xff)\", \"entities\": []}");
  EXPECT_EQ(lines[2].rfind("{\"doc\": \"c\", \"entities\": [{", 0), 0u);
  RecordFormat f;
  EXPECT_TRUE(ParseRecordFormat("bio", &f));
  EXPECT_EQ(f, RecordFormat::kBio);
  EXPECT_FALSE(ParseRecordFormat("xml", &f));
}

}  // namespace
}  // namespace alam
