// html: one self-contained page per run, documents with their entities highlighted and a
// Leaflet map of the places mentioned (alam/format.h).
#include "core/strings.h"
#include "core/utf8.h"
#include "format/run_part.h"

namespace alam::internal {

namespace {

constexpr std::string_view kPageStyle = R"(
body { margin: 0; font-family: "Noto Naskh Arabic", "DejaVu Sans", sans-serif; color: #222; }
#docs { margin-right: 44vw; padding: 0 1.2em 2em; }
#map { position: fixed; top: 0; right: 0; width: 43vw; height: 100vh; background: #eef3f7; }
header h1 { font-size: 1.3em; margin: 0.6em 0 0.3em; }
.legend { list-style: none; padding: 0; margin: 0 0 0.8em; }
.legend li { display: inline-block; margin-right: 0.8em; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: middle; margin-right: 0.3em; }
article { border-top: 1px solid #ccc; padding: 0.4em 0; }
article h2 { font-size: 1em; margin: 0.3em 0; font-family: monospace; }
.text { white-space: pre-wrap; line-height: 1.9; font-size: 1.05em; }
.error { color: #a00; font-weight: bold; }
.date, .kept { color: #555; font-size: 0.9em; margin: 0.2em 0; }
mark.ent { border-radius: 3px; padding: 0 1px; }
mark.ent a { color: inherit; text-decoration: none; }
.t-PLACE { background: #9fd3a0; } .t-FACTION { background: #f4a9a0; }
.t-PERSON { background: #a9c8f4; } .t-ORGANIZATION { background: #f4d78a; }
.t-OPERATION { background: #d3b0ec; }
.alam-popup { direction: ltr; } .alam-popup .ar { direction: rtl; font-size: 1.2em; }
)";

// The page's script after Leaflet: the markers and the graticule. Every text reaches the DOM
// as textContent, never as markup.
constexpr std::string_view kMapScript = R"(
(function () {
  var map = L.map('map', {zoomSnap: 0.25});
  var lats = alamPlaces.map(function (p) { return p.lat; });
  var lons = alamPlaces.map(function (p) { return p.lon; });
  var s = Math.floor(Math.min.apply(null, lats.concat([32])) - 2);
  var n = Math.ceil(Math.max.apply(null, lats.concat([37])) + 2);
  var w = Math.floor(Math.min.apply(null, lons.concat([36])) - 2);
  var e = Math.ceil(Math.max.apply(null, lons.concat([44])) + 2);
  var grid = {color: '#9ab', weight: 0.5, interactive: false, className: 'alam-grid'};
  for (var la = s; la <= n; ++la) L.polyline([[la, w], [la, e]], grid).addTo(map);
  for (var lo = w; lo <= e; ++lo) L.polyline([[s, lo], [n, lo]], grid).addTo(map);
  var line = function (box, text, cls) {
    var d = document.createElement('div');
    if (cls) d.className = cls;
    d.textContent = text;
    box.appendChild(d);
  };
  // The most mentioned places (about eight) keep their names on the map: there are no tiles.
  var named = alamPlaces.map(function (p) { return p.mentions; })
                        .sort(function (a, b) { return b - a; })[7] || 0;
  named = Math.max(named, 2);
  alamPlaces.forEach(function (p) {
    var box = document.createElement('div');
    box.className = 'alam-popup';
    line(box, p.name_ar, 'ar');
    line(box, p.name_en);
    line(box, p.id + (p.approximate ? ' (approximate: the parent\'s point)' : ''));
    line(box, p.mentions + (p.mentions === 1 ? ' mention' : ' mentions'));
    L.circleMarker([p.lat, p.lon], {
      radius: 5 + Math.min(10, 2 * Math.sqrt(p.mentions)), className: 'alam-marker',
      color: '#7b241c', weight: 1, fillColor: '#e74c3c', fillOpacity: 0.75
    }).bindPopup(box).bindTooltip(p.name_en || p.name_ar,
                                  {permanent: p.mentions >= named, direction: 'right'}).addTo(map);
  });
  if (alamPlaces.length > 0) {
    // The view: the middle 80% of the places by latitude and by longitude (all of them when
    // fewer than ten), so that a far-away capital does not shrink the war to a dot.
    var cut = alamPlaces.length >= 10 ? Math.floor(alamPlaces.length / 10) : 0;
    var mid = function (v) { v = v.slice().sort(function (a, b) { return a - b; });
                             return [v[cut], v[v.length - 1 - cut]]; };
    var la2 = mid(lats), lo2 = mid(lons);
    map.fitBounds([[la2[0], lo2[0]], [la2[1], lo2[1]]], {padding: [40, 40], maxZoom: 8});
  } else {
    map.fitBounds([[s, w], [n, e]]);
  }
})();
)";

constexpr std::string_view kTypes[] = {"PLACE", "FACTION", "PERSON", "ORGANIZATION",
                                       "OPERATION"};

// Text as HTML character data or attribute value: & < > " ' escaped, invalid UTF-8 and NUL
// replaced by U+FFFD.
void AppendHtml(std::string_view s, std::string* out) {
  std::string valid;
  if (FindInvalidUtf8(s) != s.size()) {
    AppendValidUtf8(s, &valid);
    s = valid;
  }
  for (char c : s) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&#39;"); break;
      case '\0': out->append("\xEF\xBF\xBD"); break;
      default: out->push_back(c);
    }
  }
}

// JSON text that may stand inside <script>: < > & (only ever inside its strings) as \u
// escapes, so that no "</script>" or "<!--" can end or change the script.
void AppendScriptSafe(std::string_view json, std::string* out) {
  for (char c : json) {
    switch (c) {
      case '<': out->append("\\u003c"); break;
      case '>': out->append("\\u003e"); break;
      case '&': out->append("\\u0026"); break;
      default: out->push_back(c);
    }
  }
}

// An entity's title: its entry's id, names, type and parent chain (or the rule that made it).
std::string EntityTitle(const Extractor& extractor, const Entity& e, const EntryInfo* info) {
  std::string t;
  if (info == nullptr) {
    AppendCat(&t, EntityTypeName(e.type), " · ", e.subtype, "\nmade by the rule ", e.source);
    return t;
  }
  AppendCat(&t, info->id, "\n", info->name_ar, " — ", info->name_en, "\n",
            EntityTypeName(info->type), " · ", info->subtype);
  if (!info->country.empty()) AppendCat(&t, " · ", info->country);
  const std::vector<const EntryInfo*> chain = AncestorsOf(extractor, *info);
  for (size_t i = 0; i < chain.size(); ++i) {
    AppendCat(&t, i == 0 ? "\nin: " : " › ", chain[i]->name_en, " (", chain[i]->id, ")");
  }
  if (!info->wikidata.empty()) AppendCat(&t, "\nWikidata: ", info->wikidata);
  return t;
}

void AppendEntity(const Extractor& extractor, const Entity& e, std::string_view text,
                  std::string* out) {
  const EntryInfo* info = extractor.entry(e);
  AppendCat(out, "<mark class=\"ent t-", EntityTypeName(e.type), "\" data-id=\"");
  AppendHtml(e.id, out);
  out->append("\" title=\"");
  AppendHtml(EntityTitle(extractor, e, info), out);
  out->append("\">");
  const bool linked = info != nullptr && !info->wikidata.empty();
  if (linked) {
    out->append("<a href=\"https://www.wikidata.org/wiki/");
    AppendHtml(info->wikidata, out);
    out->append("\">");
  }
  AppendHtml(text, out);
  out->append(linked ? "</a></mark>" : "</mark>");
}

void AppendMeta(const DocumentMeta& meta, std::string* out) {
  if (!meta.date.empty()) {
    out->append("<p class=\"date\">");
    AppendHtml(meta.date, out);
    out->append("</p>");
  }
  if (meta.kept == nullptr || meta.kept->empty()) return;
  out->append("<p class=\"kept\">");
  for (const auto& [name, value] : *meta.kept) {
    AppendHtml(name, out);
    out->append(": ");
    AppendHtml(KeptText(value), out);
    out->append("; ");
  }
  out->append("</p>");
}

}  // namespace

void HtmlHead(std::string_view leaflet_css, std::string* out) {
  out->append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
              "<title>alam: entities and places</title>\n<style>\n");
  out->append(leaflet_css);
  AppendCat(out, "</style>\n<style>", kPageStyle, "</style>\n</head>\n<body>\n<div id=\"docs\">\n",
            "<header><h1>alam: entities and places</h1><ul class=\"legend\">");
  for (std::string_view t : kTypes) {
    AppendCat(out, "<li><span class=\"swatch t-", t, "\"></span>", t, "</li>");
  }
  out->append("</ul></header>\n");
}

void HtmlDocumentHead(std::string_view doc_id, const DocumentMeta& meta, std::string* out) {
  out->append("<article class=\"doc\"><h2 dir=\"auto\">");
  AppendHtml(doc_id, out);
  out->append("</h2>");
  AppendMeta(meta, out);
  out->append("<div class=\"text\" dir=\"rtl\" lang=\"ar\">");
}

void HtmlSegment(const Extractor& extractor, std::string_view text, size_t base,
                 const std::vector<Entity>& entities, std::string* out) {
  size_t at = 0;  // in `text`
  for (const Entity& e : entities) {
    const size_t s = e.byte_start - base, end = e.byte_end - base;
    AppendHtml(text.substr(at, s - at), out);
    AppendEntity(extractor, e, text.substr(s, end - s), out);
    at = end;
  }
  AppendHtml(text.substr(at), out);
}

void HtmlDocumentEnd(std::string_view error, std::string* out) {
  out->append("</div>");
  if (!error.empty()) {
    out->append("<p class=\"error\">error: ");
    AppendHtml(error, out);
    out->append("</p>");
  }
  out->append("</article>\n");
}

void HtmlFailedDocument(std::string_view doc_id, const DocumentMeta& meta,
                        std::string_view error, std::string* out) {
  out->append("<article class=\"doc failed\"><h2 dir=\"auto\">");
  AppendHtml(doc_id, out);
  out->append("</h2>");
  AppendMeta(meta, out);
  out->append("<p class=\"error\">error: ");
  AppendHtml(error, out);
  out->append("</p></article>\n");
}

void HtmlFoot(const Extractor& extractor, const RunPartState& run, std::string_view leaflet_js,
              std::string* out) {
  AppendCat(out, "<p class=\"date\">", run.documents, " documents, ", run.failed, " failed; ",
            run.places.size(), " places on the map, ", run.uncoordinated.size(),
            " places without coordinates.</p>\n</div>\n<div id=\"map\"></div>\n<script>\n");
  out->append(leaflet_js);
  out->append("\n</script>\n<script>\nvar alamPlaces = ");
  std::string geojson;  // the places: the run's geojson, made safe inside <script>
  WriteGeoJson(extractor, run, &geojson);
  AppendScriptSafe(geojson, out);
  AppendCat(out, ".features.map(function (f) {\n  var p = f.properties;\n"
            "  p.lon = f.geometry.coordinates[0];\n  p.lat = f.geometry.coordinates[1];\n"
            "  return p;\n});", kMapScript, "</script>\n</body></html>\n");
}

}  // namespace alam::internal
