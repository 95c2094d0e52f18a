// The structured averaged perceptron behind ner.h: features, Viterbi,
// training, and the binary model format.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <unordered_map>

#include "ner/features.h"
#include "ner/ner.h"

namespace lagebild::ner {

namespace {

constexpr char kMagic[] = "LGNER1";
constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// "B-PER" -> "PER"; "O" -> "".
std::string_view TypeOf(std::string_view label) {
  return label.size() > 2 && label[1] == '-' ? label.substr(2) : std::string_view();
}

}  // namespace

struct Model::Impl {
  std::vector<std::string> labels;  // labels[0] == "O"
  size_t L = 0;
  // transition[(prev + 1) * L + y]: prev = -1 is the sentence start.
  std::vector<float> transition;
  std::vector<char> allowed;  // same layout: the BIO constraint
  // Emission weights: feature hash -> [begin, end) into entries.
  struct Entry {
    uint8_t label;
    float weight;
  };
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> index;
  std::vector<Entry> entries;
  // The same index as an open-addressing table for tagging (built by
  // Freeze), 8 bytes a slot so that it stays in cache: the upper 32 bits of
  // the hash (0 marks an empty slot), the first entry (24 bits) and the
  // entry count (8 bits). Two features sharing their upper 32 bits share
  // weights, as hashed features do anyway.
  struct Slot {
    uint32_t key = 0;
    uint32_t packed = 0;  // first entry << 8 | count
  };
  std::vector<Slot> table;
  uint64_t mask = 0;
  // The entries as tagging reads them, 4 bytes each: the weight with its
  // lowest mantissa bits replaced by the label (label_bits of them; a
  // relative change of the weight below 2^-17).
  std::vector<uint32_t> packed_entries;
  uint32_t label_bits = 0;
  std::vector<float> masked;  // Masked(transition), made by Freeze

  static uint32_t Key(uint64_t f) {
    const uint32_t k = static_cast<uint32_t>(f >> 32);
    return k == 0 ? 1 : k;
  }

  void Freeze() {
    masked = Masked(transition);
    label_bits = 0;
    while ((size_t{1} << label_bits) < L) ++label_bits;
    const uint32_t label_mask = (uint32_t{1} << label_bits) - 1;
    packed_entries.resize(entries.size());
    for (size_t k = 0; k < entries.size(); ++k) {
      uint32_t bits;
      std::memcpy(&bits, &entries[k].weight, sizeof bits);
      packed_entries[k] = (bits & ~label_mask) | entries[k].label;
    }
    size_t size = 16;
    while (size < index.size() * 2) size *= 2;
    table.assign(size, Slot{});
    mask = size - 1;
    for (const auto& [f, range] : index) {
      const uint32_t k = Key(f);
      size_t i = static_cast<size_t>(f) & mask;
      while (table[i].key != 0 && table[i].key != k) i = (i + 1) & mask;
      if (table[i].key == k) continue;  // a clash of the upper bits: the first one stays
      const uint32_t count = std::min<uint32_t>(range.second - range.first, 255);
      table[i] = {k, range.first << 8 | count};
    }
  }

  const Slot* Find(uint64_t f) const {
    if (table.empty()) return nullptr;
    const uint32_t k = Key(f);
    for (size_t i = static_cast<size_t>(f) & mask;; i = (i + 1) & mask) {
      if (table[i].key == k) return &table[i];
      if (table[i].key == 0) return nullptr;
    }
  }

  // For I- labels: the labels that may precede them (empty: any).
  std::vector<std::vector<uint8_t>> prev_of;

  void SetLabels(std::vector<std::string> ls) {
    labels = std::move(ls);
    L = labels.size();
    prev_of.assign(L, {});
    transition.assign((L + 1) * L, 0.0f);
    allowed.assign((L + 1) * L, 1);
    for (size_t prev = 0; prev <= L; ++prev) {
      for (size_t y = 0; y < L; ++y) {
        const std::string& l = labels[y];
        if (l.size() > 2 && l[0] == 'I') {
          const bool ok = prev > 0 && TypeOf(labels[prev - 1]) == TypeOf(l) &&
                          labels[prev - 1][0] != 'O';
          allowed[prev * L + y] = ok ? 1 : 0;
          if (ok) prev_of[y].push_back(static_cast<uint8_t>(prev - 1));
        }
      }
    }
  }

  // Emission scores of every word: emit[i * L + y].
  void Emissions(const std::vector<std::vector<uint64_t>>& feats, std::vector<float>* emit) const {
    emit->assign(feats.size() * L, 0.0f);
    // The look-ups are memory bound: slots are requested two words ahead,
    // found and their weights requested one word ahead, added up last.
    if (table.empty()) return;
    auto prefetch_slots = [&](size_t i) {
      if (i >= feats.size()) return;
      for (uint64_t f : feats[i]) __builtin_prefetch(&table[static_cast<size_t>(f) & mask]);
    };
    thread_local std::vector<uint32_t> found[2];  // packed slots of words i and i + 1
    auto resolve = [&](size_t i, std::vector<uint32_t>* out) {
      out->clear();
      if (i >= feats.size()) return;
      for (uint64_t f : feats[i]) {
        const Slot* slot = Find(f);
        if (slot == nullptr) continue;
        out->push_back(slot->packed);
        __builtin_prefetch(&packed_entries[slot->packed >> 8]);
      }
    };
    prefetch_slots(0);
    prefetch_slots(1);
    resolve(0, &found[0]);
    const uint32_t label_mask = (uint32_t{1} << label_bits) - 1;
    for (size_t i = 0; i < feats.size(); ++i) {
      prefetch_slots(i + 2);
      resolve(i + 1, &found[(i + 1) & 1]);
      float* row = emit->data() + i * L;
      for (uint32_t packed : found[i & 1]) {
        const uint32_t begin = packed >> 8, end = begin + (packed & 0xFF);
        for (uint32_t k = begin; k < end; ++k) {
          const uint32_t e = packed_entries[k];
          const uint32_t bits = e & ~label_mask;
          float weight;
          std::memcpy(&weight, &bits, sizeof weight);
          row[e & label_mask] += weight;
        }
      }
    }
  }

  // Transitions with the BIO constraint folded in (-inf where not allowed),
  // transposed so that the inner loop runs over the previous label:
  // out[y * (L + 1) + prev + 1].
  std::vector<float> Masked(const std::vector<float>& trans) const {
    std::vector<float> out((L + 1) * L);
    for (size_t prev = 0; prev <= L; ++prev) {
      for (size_t y = 0; y < L; ++y) {
        out[y * (L + 1) + prev] = allowed[prev * L + y] ? trans[prev * L + y] : kNegInf;
      }
    }
    return out;
  }

  // `trans` as made by Masked.
  std::vector<size_t> Viterbi(const std::vector<float>& emit, size_t n,
                              const std::vector<float>& trans) const {
    std::vector<size_t> out(n, 0);
    if (n == 0) return out;
    std::vector<float> score(n * L, kNegInf);
    std::vector<uint32_t> back(n * L, 0);
    for (size_t y = 0; y < L; ++y) score[y] = trans[y * (L + 1)] + emit[y];
    for (size_t i = 1; i < n; ++i) {
      const float* prev_score = score.data() + (i - 1) * L;
      for (size_t y = 0; y < L; ++y) {
        const float* t = trans.data() + y * (L + 1) + 1;
        float best = kNegInf;
        uint32_t arg = 0;
        // An I- label has only two possible predecessors (B- and I- of its
        // type); the others may follow anything.
        const std::vector<uint8_t>& prevs = prev_of[y];
        if (!prevs.empty()) {
          for (uint8_t p : prevs) {
            const float s = prev_score[p] + t[p];
            if (s > best) {
              best = s;
              arg = p;
            }
          }
        } else {
          for (size_t p = 0; p < L; ++p) {
            const float s = prev_score[p] + t[p];
            if (s > best) {
              best = s;
              arg = static_cast<uint32_t>(p);
            }
          }
        }
        score[i * L + y] = best + emit[i * L + y];
        back[i * L + y] = arg;
      }
    }
    size_t y = 0;
    for (size_t k = 1; k < L; ++k) {
      if (score[(n - 1) * L + k] > score[(n - 1) * L + y]) y = k;
    }
    for (size_t i = n; i-- > 0;) {
      out[i] = y;
      if (i > 0) y = back[i * L + y];
    }
    return out;
  }
};

Model::Model() : impl_(std::make_unique<Impl>()) {}
Model::~Model() = default;
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;

const std::vector<std::string>& Model::labels() const { return impl_->labels; }
size_t Model::feature_count() const { return impl_->index.size(); }

std::vector<std::string> Model::Tag(const std::vector<std::string_view>& words) const {
  std::vector<std::string> out;
  if (words.empty() || impl_->L == 0) return out;
  // Per-thread scratch space: tagging allocates only its result.
  thread_local std::vector<std::vector<uint64_t>> feats;
  thread_local std::vector<float> emit;
  ExtractFeatures(words, &feats);
  impl_->Emissions(feats, &emit);
  for (size_t y : impl_->Viterbi(emit, words.size(), impl_->masked)) {
    out.push_back(impl_->labels[y]);
  }
  return out;
}

Model Model::Train(const std::vector<Sentence>& data, const TrainOptions& options) {
  Model model;
  Impl& m = *model.impl_;
  // Labels: "O" first, then in order of appearance.
  std::vector<std::string> labels = {"O"};
  for (const Sentence& s : data) {
    for (const std::string& l : s.labels) {
      if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
    }
  }
  // Every type gets both its B- and I- label.
  for (size_t k = 1, n = labels.size(); k < n; ++k) {
    const std::string type(TypeOf(labels[k]));
    for (const char* p : {"B-", "I-"}) {
      const std::string l = p + type;
      if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
    }
  }
  m.SetLabels(labels);
  const size_t L = m.L;
  std::unordered_map<std::string_view, size_t> label_id;
  for (size_t k = 0; k < L; ++k) label_id[m.labels[k]] = k;

  // Features and gold label ids, once.
  struct Item {
    std::vector<std::vector<uint64_t>> feats;
    std::vector<size_t> gold;
  };
  std::vector<Item> items;
  items.reserve(data.size());
  for (const Sentence& s : data) {
    if (s.words.empty() || s.words.size() != s.labels.size()) continue;
    Item it;
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    ExtractFeatures(words, &it.feats);
    if (s.domain != 0) {
      // Each feature also in a copy of the domain's own.
      const uint64_t salt = 0x9E3779B97F4A7C15ull * static_cast<uint64_t>(s.domain);
      for (auto& fs : it.feats) {
        const size_t n = fs.size();
        for (size_t k = 0; k < n; ++k) fs.push_back(fs[k] ^ salt);
      }
    }
    for (const std::string& l : s.labels) it.gold.push_back(label_id[l]);
    items.push_back(std::move(it));
  }

  // Weights w and the running sums u for averaging (avg = w - u / c).
  std::unordered_map<uint64_t, uint32_t> row_of;
  std::vector<float> w, u;
  std::vector<float> tw((L + 1) * L, 0.0f), tu((L + 1) * L, 0.0f);
  auto row = [&](uint64_t f) -> uint32_t {
    auto [it, fresh] = row_of.try_emplace(f, static_cast<uint32_t>(row_of.size()));
    if (fresh) {
      w.resize(w.size() + L, 0.0f);
      u.resize(u.size() + L, 0.0f);
    }
    return it->second;
  };
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  float c = 1.0f;
  std::vector<float> emit;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = 0;
    for (size_t idx : order) {
      const Item& it = items[idx];
      const size_t n = it.gold.size();
      // Emissions from the current weights.
      emit.assign(n * L, 0.0f);
      for (size_t i = 0; i < n; ++i) {
        for (uint64_t f : it.feats[i]) {
          const auto r = row_of.find(f);
          if (r == row_of.end()) continue;
          const float* wr = w.data() + static_cast<size_t>(r->second) * L;
          for (size_t y = 0; y < L; ++y) emit[i * L + y] += wr[y];
        }
      }
      const std::vector<size_t> pred = m.Viterbi(emit, n, m.Masked(tw));
      if (pred != it.gold) {
        ++errors;
        for (size_t i = 0; i < n; ++i) {
          const size_t g = it.gold[i], p = pred[i];
          const size_t gp = i == 0 ? 0 : it.gold[i - 1] + 1;
          const size_t pp = i == 0 ? 0 : pred[i - 1] + 1;
          if (g != p) {
            for (uint64_t f : it.feats[i]) {
              const size_t r = static_cast<size_t>(row(f)) * L;
              w[r + g] += 1.0f;
              u[r + g] += c;
              w[r + p] -= 1.0f;
              u[r + p] -= c;
            }
          }
          if (g != p || gp != pp) {
            tw[gp * L + g] += 1.0f;
            tu[gp * L + g] += c;
            tw[pp * L + p] -= 1.0f;
            tu[pp * L + p] -= c;
          }
        }
      }
      c += 1.0f;
    }
    if (options.on_epoch) options.on_epoch(epoch + 1, errors);
  }
  // Averaged weights, kept sparse: only non-zero entries.
  for (size_t k = 0; k < tw.size(); ++k) m.transition[k] = tw[k] - tu[k] / c;
  m.index.reserve(row_of.size());
  for (const auto& [f, r] : row_of) {
    const uint32_t begin = static_cast<uint32_t>(m.entries.size());
    for (size_t y = 0; y < L; ++y) {
      const size_t k = static_cast<size_t>(r) * L + y;
      const float avg = w[k] - u[k] / c;
      if (std::fabs(avg) >= kMinWeight) m.entries.push_back({static_cast<uint8_t>(y), avg});
    }
    const uint32_t end = static_cast<uint32_t>(m.entries.size());
    if (end > begin) m.index.emplace(f, std::make_pair(begin, end));
  }
  m.Freeze();
  return model;
}

// Binary format, little endian: "LGNER1", u32 label count, the labels as
// u8 length + bytes, (L+1)*L f32 transitions, u32 feature count, then per
// feature u64 hash, u8 entry count, entries as u8 label + f32 weight.
std::string Model::Save() const {
  const Impl& m = *impl_;
  std::string out(kMagic, sizeof kMagic - 1);
  auto put = [&out](const void* p, size_t n) { out.append(static_cast<const char*>(p), n); };
  const uint32_t L = static_cast<uint32_t>(m.L);
  put(&L, 4);
  for (const std::string& l : m.labels) {
    const uint8_t n = static_cast<uint8_t>(l.size());
    put(&n, 1);
    put(l.data(), n);
  }
  put(m.transition.data(), m.transition.size() * 4);
  // Sorted by hash, so saving is deterministic.
  std::vector<std::pair<uint64_t, std::pair<uint32_t, uint32_t>>> feats(m.index.begin(),
                                                                        m.index.end());
  std::sort(feats.begin(), feats.end());
  const uint32_t count = static_cast<uint32_t>(feats.size());
  put(&count, 4);
  for (const auto& [f, range] : feats) {
    put(&f, 8);
    const uint8_t n = static_cast<uint8_t>(range.second - range.first);
    put(&n, 1);
    for (uint32_t k = range.first; k < range.second; ++k) {
      put(&m.entries[k].label, 1);
      put(&m.entries[k].weight, 4);
    }
  }
  return out;
}

Result<Model> Model::Load(std::string_view bytes) {
  Model model;
  Impl& m = *model.impl_;
  size_t pos = 0;
  auto get = [&](void* p, size_t n) {
    if (pos + n > bytes.size()) return false;
    std::memcpy(p, bytes.data() + pos, n);
    pos += n;
    return true;
  };
  char magic[sizeof kMagic - 1];
  if (!get(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0) {
    return DataError("not a lagebild NER model (bad header)");
  }
  uint32_t L = 0;
  if (!get(&L, 4) || L == 0 || L > 255) return DataError("NER model: bad label count");
  std::vector<std::string> labels(L);
  for (std::string& l : labels) {
    uint8_t n = 0;
    if (!get(&n, 1)) return DataError("NER model: truncated labels");
    l.resize(n);
    if (!get(l.data(), n)) return DataError("NER model: truncated labels");
  }
  if (labels[0] != "O") return DataError("NER model: the first label must be O");
  m.SetLabels(std::move(labels));
  if (!get(m.transition.data(), m.transition.size() * 4)) {
    return DataError("NER model: truncated transitions");
  }
  uint32_t count = 0;
  if (!get(&count, 4)) return DataError("NER model: truncated feature count");
  // Each feature takes at least 9 bytes: a count beyond what is left is a
  // lie, not a reason to allocate.
  if (count > (bytes.size() - pos) / 9) return DataError("NER model: feature count exceeds the data");
  m.index.reserve(count);
  for (uint32_t k = 0; k < count; ++k) {
    uint64_t f = 0;
    uint8_t n = 0;
    if (!get(&f, 8) || !get(&n, 1)) return DataError("NER model: truncated features");
    const uint32_t begin = static_cast<uint32_t>(m.entries.size());
    for (uint8_t j = 0; j < n; ++j) {
      Impl::Entry e{};
      if (!get(&e.label, 1) || !get(&e.weight, 4)) return DataError("NER model: truncated weights");
      if (e.label >= L || !std::isfinite(e.weight)) return DataError("NER model: bad weight");
      m.entries.push_back(e);
    }
    m.index.emplace(f, std::make_pair(begin, static_cast<uint32_t>(m.entries.size())));
  }
  if (pos != bytes.size()) return DataError("NER model: trailing bytes");
  m.Freeze();
  return model;
}

std::vector<Span> SpansOf(const std::vector<std::string>& labels) {
  std::vector<Span> out;
  for (size_t i = 0; i < labels.size(); ++i) {
    const std::string& l = labels[i];
    if (l.size() < 3 || l[1] != '-') continue;
    const std::string_view type = TypeOf(l);
    const bool continues = l[0] == 'I' && !out.empty() && out.back().end == i &&
                           out.back().type == type;
    if (continues) {
      out.back().end = i + 1;
    } else {
      out.push_back({i, i + 1, std::string(type)});
    }
  }
  return out;
}

}  // namespace lagebild::ner
