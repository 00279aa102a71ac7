#include "search/evaluation/evaluator.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "search/answer.h"
#include "search/json_fields.h"

namespace wiedza::evaluation {

std::vector<JudgedQuery> read_judged_queries(const std::string& path, ValidationErrors& errors) {
  std::vector<JudgedQuery> out;
  std::ifstream in(path);
  if (!in) {
    errors.push_back({path, "", "cannot open"});
    return out;
  }
  std::size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (trim(line).empty()) continue;
    const std::string where = "line " + std::to_string(line_no);
    auto j = nlohmann::json::parse(line, nullptr, false);
    FieldReader r(j, path, where, errors);
    if (j.is_discarded()) {
      r.error("", "invalid JSON");
      continue;
    }
    if (!r.is_object()) continue;
    JudgedQuery q;
    q.id = r.required_string("id");
    q.query = r.required_string("query");
    q.style = r.optional_string("style");
    std::string unit = r.optional_string("unit");
    if (!unit.empty()) q.unit = unit;
    auto rel = j.find("relevant");
    if (rel != j.end() && !rel->is_null()) {
      if (!rel->is_object()) {
        r.error("relevant", "must be an object of article id -> grade");
      } else {
        for (auto it = rel->begin(); it != rel->end(); ++it) {
          if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > 2) {
            r.error("relevant." + it.key(), "grade must be 0, 1 or 2");
          } else if (it->get<int>() > 0) {
            q.relevant[it.key()] = it->get<int>();
          }
        }
      }
    }
    if (!r.failed()) out.push_back(std::move(q));
  }
  return out;
}

namespace {

void add(Aggregate& a, const QueryOutcome& o) {
  ++a.queries;
  if (!o.query->in_scope()) {
    a.out_of_scope_answered += o.ranked.empty() || o.weak ? 0 : 1;
    a.out_of_scope_routed += o.routed_unit.empty() ? 0 : 1;
    return;
  }
  ++a.in_scope;
  a.weak_rate += o.weak ? 1 : 0;
  if (o.query->unit) {
    ++a.routed;
    a.routing_accuracy += o.routed_unit == *o.query->unit ? 1 : 0;
    a.lost_hint_rate += o.routed_unit.empty() && o.ungated_unit == *o.query->unit ? 1 : 0;
  }
  a.ndcg10 += o.ndcg10;
  a.mrr10 += o.mrr10;
  a.recall10 += o.recall10;
  a.recall50 += o.recall50;
  a.no_result_rate += o.ranked.empty() ? 1 : 0;
}

void finish(Aggregate& a) {
  const std::size_t out_of_scope = a.queries - a.in_scope;
  if (a.in_scope > 0) {
    const double n = static_cast<double>(a.in_scope);
    a.ndcg10 /= n;
    a.mrr10 /= n;
    a.recall10 /= n;
    a.recall50 /= n;
    a.no_result_rate /= n;
    a.weak_rate /= n;
  }
  if (out_of_scope > 0) {
    a.out_of_scope_answered /= static_cast<double>(out_of_scope);
    a.out_of_scope_routed /= static_cast<double>(out_of_scope);
  }
  if (a.routed > 0) {
    a.routing_accuracy /= static_cast<double>(a.routed);
    a.lost_hint_rate /= static_cast<double>(a.routed);
  }
}

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

nlohmann::json aggregate_json(const Aggregate& a) {
  return {{"queries", a.queries},
          {"in_scope", a.in_scope},
          {"ndcg@10", round4(a.ndcg10)},
          {"mrr@10", round4(a.mrr10)},
          {"recall@10", round4(a.recall10)},
          {"recall@50", round4(a.recall50)},
          {"no_result_rate", round4(a.no_result_rate)},
          {"weak_rate", round4(a.weak_rate)},
          {"out_of_scope_answered", round4(a.out_of_scope_answered)},
          {"out_of_scope_routed", round4(a.out_of_scope_routed)},
          {"lost_hint_rate", a.routed > 0 ? nlohmann::json(round4(a.lost_hint_rate)) : nlohmann::json(nullptr)},
          {"routing_accuracy@1", a.routed > 0 ? nlohmann::json(round4(a.routing_accuracy)) : nlohmann::json(nullptr)}};
}

}  // namespace

EvaluationReport evaluate(Searcher& searcher, const std::vector<JudgedQuery>& queries) {
  EvaluationReport report;
  const Directory& directory = searcher.directory();
  const UnitDescriptions& descriptions = searcher.resources().unit_descriptions;
  for (const JudgedQuery& q : queries) {
    SearchRequest request;
    request.query = q.query;
    request.limit = 50;
    request.snippets = false;
    QueryOutcome o;
    o.query = &q;
    // The same entry point as the server, with the answer-confidence gate; and what the
    // hint would have been without it (route() on the same ranking, not weak).
    Answer a = answer(searcher, request);
    for (const SearchHit& hit : a.result.hits) o.ranked.push_back(hit.id);
    if (a.routing) {
      o.routed_unit = a.routing->unit;
      o.routing_confidence = a.routing->confidence;
    }
    o.answer_confidence = a.result.answer_confidence;
    o.weak = a.result.weak;
    if (a.result.weak) {
      a.result.weak = false;
      if (auto hint = route(a.result, directory, descriptions)) o.ungated_unit = hint->unit;
    } else {
      o.ungated_unit = o.routed_unit;
    }
    o.ndcg10 = ndcg_at(o.ranked, q.relevant, 10);
    o.mrr10 = mrr_at(o.ranked, q.relevant, 10);
    o.recall10 = recall_at(o.ranked, q.relevant, 10);
    o.recall50 = recall_at(o.ranked, q.relevant, 50);
    report.outcomes.push_back(std::move(o));
  }
  for (const QueryOutcome& o : report.outcomes) {
    add(report.overall, o);
    add(report.by_style[o.query->style.empty() ? "(none)" : o.query->style], o);
  }
  finish(report.overall);
  for (auto& [style, a] : report.by_style) finish(a);

  // Five equal confidence bands over the in-scope queries that got a hint.
  constexpr int kBins = 5;
  for (int b = 0; b < kBins; ++b) report.calibration.push_back({b / double(kBins), (b + 1) / double(kBins)});
  std::size_t hinted = 0;
  for (const QueryOutcome& o : report.outcomes) {
    if (!o.query->in_scope() || !o.query->unit || o.routed_unit.empty()) continue;
    int b = std::min(kBins - 1, static_cast<int>(o.routing_confidence * kBins));
    CalibrationBin& bin = report.calibration[static_cast<std::size_t>(b)];
    ++bin.count;
    bin.mean_confidence += o.routing_confidence;
    bin.accuracy += o.routed_unit == *o.query->unit ? 1 : 0;
    ++hinted;
  }
  for (CalibrationBin& bin : report.calibration) {
    if (bin.count == 0) continue;
    bin.mean_confidence /= static_cast<double>(bin.count);
    bin.accuracy /= static_cast<double>(bin.count);
    if (hinted > 0) {
      report.expected_calibration_error += static_cast<double>(bin.count) / static_cast<double>(hinted) *
                                           std::fabs(bin.accuracy - bin.mean_confidence);
    }
  }
  return report;
}

std::vector<const QueryOutcome*> EvaluationReport::worst(std::size_t n) const {
  std::vector<const QueryOutcome*> in_scope;
  for (const QueryOutcome& o : outcomes) {
    if (o.query->in_scope()) in_scope.push_back(&o);
  }
  std::stable_sort(in_scope.begin(), in_scope.end(),
                   [](const QueryOutcome* a, const QueryOutcome* b) { return a->ndcg10 < b->ndcg10; });
  if (in_scope.size() > n) in_scope.resize(n);
  return in_scope;
}

nlohmann::json EvaluationReport::to_json(std::size_t worst_n) const {
  nlohmann::json styles = nlohmann::json::object();
  for (const auto& [style, a] : by_style) styles[style] = aggregate_json(a);
  nlohmann::json worst_list = nlohmann::json::array();
  for (const QueryOutcome* o : worst(worst_n)) {
    std::vector<std::string> top(o->ranked.begin(), o->ranked.begin() + std::min<std::size_t>(5, o->ranked.size()));
    worst_list.push_back({{"id", o->query->id},
                          {"query", o->query->query},
                          {"style", o->query->style},
                          {"ndcg@10", round4(o->ndcg10)},
                          {"expected", o->query->relevant},
                          {"got", top},
                          {"expected_unit", o->query->unit ? nlohmann::json(*o->query->unit) : nlohmann::json(nullptr)},
                          {"routed_unit", o->routed_unit}});
  }
  nlohmann::json bins = nlohmann::json::array();
  for (const CalibrationBin& b : calibration) {
    bins.push_back({{"confidence", {round4(b.low), round4(b.high)}},
                    {"count", b.count},
                    {"mean_confidence", round4(b.mean_confidence)},
                    {"accuracy", round4(b.accuracy)}});
  }
  return {{"overall", aggregate_json(overall)},
          {"by_style", styles},
          {"routing_calibration", {{"bins", bins}, {"expected_calibration_error", round4(expected_calibration_error)}}},
          {"worst", worst_list}};
}

}  // namespace wiedza::evaluation
