// Main-content selection on an HtmlOutline. See clean.h for the contract
// and docs/architecture.md (clean) for the measured effect of each step.
//
// 1. Every block that reads like a paragraph (25+ bytes, mostly not links)
//    scores 1 + its commas + one point per 100 bytes of non-link text (each
//    capped at 10), credited to its container (the parent of a <p>, the
//    element itself for text directly in a <div>), half to the next
//    ancestor, a third of the level further up.
// 2. A container's score is scaled by its id/class cues
//    (data/clean/html_cues.tsv), by 1.25 for <article>/<main>, by 2 when its
//    running text starts right after the title heading, and by 1 - link
//    density.
// 3. The best container is lifted out of quotations and lists and thin
//    wrappers, grows while its parent adds mostly running text, and takes
//    siblings with a fifth of its score or paragraph mass; the article's
//    start between the title and it (or a short lead before it) joins.
// 4. Inside, text under furniture (nav/aside/footer/menu, negative cues,
//    figcaption) and link-dominated short blocks is dropped, and short
//    lines at the edges are trimmed.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "clean/clean.h"
#include "clean/lexicon.h"
#include "clean/text_util.h"
#include "util/strings.h"

namespace lagebild::clean {
namespace {

constexpr size_t kMinParagraphBytes = 25;
constexpr int kMaxScoredAncestors = 5;
constexpr double kSiblingShare = 0.2;
constexpr double kSiblingMassShare = 1.0;
constexpr double kStrongNegativeFactor = 0.3;
constexpr int kLeadLevels = 3;       // how far above the best container a lead may sit
constexpr int kMaxLeadBlocks = 2;
constexpr int kLeadLookBack = 8;     // blocks looked at before the region for a lead
constexpr size_t kTitleSpanBlocks = 40;  // title-to-region gap searched for the article's start
constexpr size_t kTitleWindowBlocks = 12;  // blocks after the title heading
constexpr double kTitleFactor = 2.0;
constexpr size_t kEdgeLineBytes = 40;  // shorter lines at the region's edges are trimmed
constexpr double kGrowTextShare = 0.8;  // of the bytes a parent adds, this share must be running text
constexpr double kGrowMinGain = 0.25;   // and at least this share of what the best already has
constexpr double kArticleTagFactor = 1.25;
constexpr size_t kTeaserHeadingBytes = 60;  // a "Related posts" heading is short

bool IsWordSep(char c) { return c == ' ' || c == '-' || c == '_'; }

bool HasWord(std::string_view cues, std::string_view word) {
  size_t pos = 0;
  while ((pos = cues.find(word, pos)) != std::string_view::npos) {
    const bool left = pos == 0 || IsWordSep(cues[pos - 1]);
    const size_t end = pos + word.size();
    const bool right = end == cues.size() || IsWordSep(cues[end]);
    if (left && right) return true;
    pos = end;
  }
  return false;
}

// Reasons whose furniture is dropped even when it holds paragraphs
// (comment threads, teasers with summaries); the others (navigation,
// bylines, captions) only when it holds none -- page builders put every
// paragraph in a "widget".
bool StrongReason(std::string_view reason) {
  return reason == "comments" || reason == "related-teaser" || reason == "advertisement" ||
         reason == "social-embed" || reason == "publisher-appeal" || reason == "photo-caption" ||
         reason == "byline";
}

// The cues' factor on a container's score: x1.5 for a strong cue, x1.25 for
// a positive one, x0.5 per weak or plain negative and x0.3 per strong
// negative cue (comments, ads, ...), within [0.25, 2]. Cues alone never
// make a container win: they scale what its paragraphs earned. *reason
// gets the first negative cue's reason, *strong_negative whether a cue
// whose text always goes (comments, ads, ...) is among them.
double CueFactor(std::string_view cues, const Lexicons& lex, const char** reason,
                 bool* strong_negative) {
  double factor = 1.0;
  *reason = nullptr;
  *strong_negative = false;
  if (cues.empty()) return factor;
  bool strong = false, positive = false;
  for (const HtmlCue& c : lex.html_cues) {
    const bool hit = c.word ? HasWord(cues, c.cue) : cues.find(c.cue) != std::string_view::npos;
    if (!hit) continue;
    // One strong and one positive cue count; negative ones add up.
    if (c.weight >= 50) {
      if (strong) continue;
      strong = true;
      factor *= 1.5;
    } else if (c.weight > 0) {
      if (positive) continue;
      positive = true;
      factor *= 1.25;
    } else {
      const bool strong_cue = !c.weak && StrongReason(c.reason);
      factor *= strong_cue ? kStrongNegativeFactor : 0.5;
      *strong_negative |= strong_cue;
    }
    if (c.weight < 0 && *reason == nullptr) *reason = c.reason.c_str();
  }
  return std::clamp(factor, 0.25, 2.0);
}

int TagWeight(std::string_view tag) {
  if (tag == "div" || tag == "article" || tag == "main") return 5;
  if (tag == "section" || tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" ||
      tag == "dt" || tag == "li" || tag == "form") {
    return -3;
  }
  if ((tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') || tag == "th") {
    return -5;
  }
  return 0;
}

bool IsFurnitureTag(std::string_view tag) {
  return tag == "nav" || tag == "aside" || tag == "footer" || tag == "menu";
}

bool IsHeading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

size_t Commas(std::string_view s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), ','));
}

// A block that reads like running text: long, few links, a sentence end.
bool ParagraphLike(std::string_view text, size_t bytes, size_t link_bytes) {
  if (bytes < 80 || link_bytes * 10 > bytes * 3) return false;
  return text.find(". ") != std::string_view::npos || EndsSentence(text);
}

struct NodeInfo {
  bool has_paragraph = false;  // some block under it is ParagraphLike
  size_t para_bytes = 0;       // bytes of those blocks
  size_t bytes = 0;       // text bytes under the node
  size_t link_bytes = 0;  // of which inside links
  double score = 0;       // paragraph score credited to it
  double mass = 0;        // paragraph scores of all blocks under it
  bool scored = false;
  int weight = 0;         // tag weight
  double cue_factor = 1;  // see CueFactor
  const char* reason = nullptr;  // negative cue's reason, if any
  bool strong_negative = false;  // a cue whose text always goes (comments, ads, ...)
  bool teaser_block = false;     // opened by a "Related" heading: goes whatever its size
};

}  // namespace

std::string SelectMainContent(const HtmlOutline& outline, std::string_view title,
                              std::vector<Removed>* removed) {
  const Lexicons& lex = GetLexicons();
  const size_t n = outline.nodes.size();
  if (outline.blocks.empty()) return "";
  std::vector<NodeInfo> info(n);
  for (size_t i = 0; i < n; ++i) {
    const HtmlNode& node = outline.nodes[i];
    info[i].weight = TagWeight(node.tag);
    info[i].cue_factor =
        CueFactor(node.cues, lex, &info[i].reason, &info[i].strong_negative);
    if (node.tag == "article" || node.tag == "main") info[i].cue_factor *= kArticleTagFactor;
  }
  auto valid = [&](int k) { return k >= 0 && static_cast<size_t>(k) < n; };

  // Text and link bytes, summed up the tree.
  std::vector<size_t> block_bytes(outline.blocks.size());
  for (size_t b = 0; b < outline.blocks.size(); ++b) {
    const HtmlBlock& block = outline.blocks[b];
    block_bytes[b] = util::Trim(block.text).size();
    const bool paragraph = ParagraphLike(block.text, block_bytes[b], block.link_bytes);
    for (int k = block.node; valid(k); k = outline.nodes[k].parent) {
      info[k].bytes += block_bytes[b];
      info[k].link_bytes += block.link_bytes;
      info[k].has_paragraph |= paragraph;
      if (paragraph) info[k].para_bytes += block_bytes[b];
    }
  }
  // A "Related" heading (by its cues or its words) heads a teaser block:
  // the outermost element it opens is teaser furniture.
  {
    std::vector<size_t> first_block(n, outline.blocks.size());
    for (size_t b = outline.blocks.size(); b-- > 0;) {
      for (int k = outline.blocks[b].node; valid(k); k = outline.nodes[k].parent) {
        first_block[k] = b;
      }
    }
    for (size_t b = 0; b < outline.blocks.size(); ++b) {
      const HtmlBlock& block = outline.blocks[b];
      if (!valid(block.node) || !IsHeading(outline.nodes[block.node].tag) ||
          block_bytes[b] > kTeaserHeadingBytes) {
        continue;
      }
      const NodeInfo& h = info[block.node];
      bool teaser = h.reason != nullptr && std::string_view(h.reason) == "related-teaser";
      if (!teaser) {
        const std::string folded = Fold(block.text);
        const auto it = lex.teaser_cues.find(CueKeyOfFolded(folded));
        teaser = it != lex.teaser_cues.end() && it->second == "related-teaser";
      }
      if (!teaser) continue;
      int k = block.node;
      for (int p = outline.nodes[k].parent;
           valid(p) && first_block[p] == b && outline.nodes[p].tag != "body" &&
           outline.nodes[p].tag != "html";
           p = outline.nodes[p].parent) {
        k = p;
      }
      if (k == block.node) continue;
      static const char kRelated[] = "related-teaser";
      info[k].reason = kRelated;
      info[k].strong_negative = true;
      info[k].teaser_block = true;
      info[k].cue_factor *= kStrongNegativeFactor;
    }
  }
  // Paragraph scores, credited to ancestors.
  for (size_t b = 0; b < outline.blocks.size(); ++b) {
    const HtmlBlock& block = outline.blocks[b];
    if (block_bytes[b] < kMinParagraphBytes || !valid(block.node)) continue;
    if (block.link_bytes * 2 > block_bytes[b]) continue;
    const std::string_view tag = outline.nodes[block.node].tag;
    if (IsHeading(tag)) continue;
    const double nonlink = static_cast<double>(block_bytes[b] - std::min<size_t>(block_bytes[b], block.link_bytes));
    double s = 1.0 + std::min(10.0, static_cast<double>(Commas(block.text))) +
               std::min(10.0, nonlink / 100.0);
    if (tag == "li") s *= 0.5;
    int k = outline.nodes[block.node].parent;
    if (tag != "p" && tag != "li" && tag != "dd" && tag != "td" && tag != "pre") {
      k = block.node;  // text directly in a div or section: that element is the container
    }
    for (int m = block.node; valid(m); m = outline.nodes[m].parent) info[m].mass += s;
    for (int level = 0; valid(k) && level < kMaxScoredAncestors;
         ++level, k = outline.nodes[k].parent) {
      NodeInfo& a = info[k];
      if (!a.scored) {
        a.scored = true;
        a.score = a.weight;
      }
      a.score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
    }
  }
  // The heading that carries the title: running text that starts soon after
  // it is the article; text far below it (comments, teasers) is not.
  size_t title_block = outline.blocks.size();
  // Titles and headings are compared without trailing dots and ellipses
  // ("Title..." in <title>, "Title…" in the heading).
  auto title_key = [](std::string_view t) {
    std::string k = Fold(util::Trim(t));
    while (!k.empty() && (k.back() == '.' || k.back() == ' ')) k.pop_back();
    while (k.size() >= 3 && k.compare(k.size() - 3, 3, "…") == 0) k.resize(k.size() - 3);
    return k;
  };
  const std::string folded_title = title_key(title);
  if (folded_title.size() >= 10) {
    // "Site | Title", "Title - Site": each part may be the heading.
    std::vector<std::string_view> parts;
    {
      std::string_view rest = folded_title;
      while (!rest.empty()) {
        size_t cut = std::string_view::npos, len = 0;
        for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: ", " · ", " │ "}) {
          const size_t at = rest.find(sep);
          if (at < cut) {
            cut = at;
            len = sep.size();
          }
        }
        const std::string_view part = util::Trim(rest.substr(0, cut));
        if (part.size() >= 10) parts.push_back(part);
        if (cut == std::string_view::npos) break;
        rest = rest.substr(cut + len);
      }
    }
    size_t fallback = outline.blocks.size();
    for (size_t b = 0; b < outline.blocks.size(); ++b) {
      const HtmlBlock& block = outline.blocks[b];
      if (!valid(block.node) || block_bytes[b] > 400 || block_bytes[b] < 10) continue;
      const HtmlNode& node = outline.nodes[block.node];
      const bool heading = IsHeading(node.tag);
      if (!heading && node.cues.find("title") == std::string::npos &&
          node.cues.find("headline") == std::string::npos) {
        continue;
      }
      const std::string h = title_key(block.text);
      if (h.size() < 10) continue;
      bool match = folded_title.find(h) != std::string::npos;
      for (std::string_view part : parts) match |= h.find(part) != std::string::npos;
      if (!match) continue;
      if (node.tag == "h1") {
        title_block = b;
        break;
      }
      if (fallback == outline.blocks.size()) fallback = b;
    }
    if (title_block == outline.blocks.size()) title_block = fallback;
  }
  std::vector<size_t> first_paragraph(n, outline.blocks.size());
  for (size_t b = outline.blocks.size(); b-- > 0;) {
    const HtmlBlock& block = outline.blocks[b];
    if (!ParagraphLike(block.text, block_bytes[b], block.link_bytes)) continue;
    for (int k = block.node; valid(k); k = outline.nodes[k].parent) first_paragraph[k] = b;
  }
  auto near_title = [&](size_t i) {
    return title_block < outline.blocks.size() && first_paragraph[i] > title_block &&
           first_paragraph[i] <= title_block + kTitleWindowBlocks;
  };
  // The best container.
  int top = -1;
  double top_score = 0;
  std::vector<double> final_score(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    if (!info[i].scored || info[i].bytes == 0) continue;
    const double density =
        static_cast<double>(info[i].link_bytes) / static_cast<double>(info[i].bytes);
    final_score[i] = info[i].score * info[i].cue_factor * (1.0 - std::min(1.0, density));
    if (near_title(i)) final_score[i] *= kTitleFactor;
    if (top < 0 || final_score[i] > top_score) {
      top = static_cast<int>(i);
      top_score = final_score[i];
    }
  }
  // A quotation or list inside an article is not the article: take its
  // container instead.
  while (top >= 0) {
    const std::string_view tag = outline.nodes[top].tag;
    const int p = outline.nodes[top].parent;
    if (!valid(p) || outline.nodes[p].tag == "body" ||
        !(tag == "blockquote" || tag == "li" || tag == "ul" || tag == "ol" || tag == "dl" ||
          tag == "dd" || tag == "p")) {
      break;
    }
    top = p;
  }
  // A wrapper that adds (almost) no text of its own stands for the best
  // container: its siblings are the article's other parts (a body split
  // over several "row > column" wrappers).
  if (top >= 0) {
    const double best = top_score;
    for (int p = outline.nodes[top].parent; valid(p) && outline.nodes[p].tag != "body" &&
                                            info[p].bytes <= info[top].bytes + info[top].bytes / 33;
         p = outline.nodes[p].parent) {
      top = p;
    }
    // Grow while the parent adds mostly running text: an article split
    // over several wrappers, each too small to win alone.
    for (int p = outline.nodes[top].parent; valid(p) && outline.nodes[p].tag != "body";
         p = outline.nodes[p].parent) {
      const NodeInfo& t = info[top];
      const NodeInfo& q = info[p];
      const double added = static_cast<double>(q.bytes - t.bytes);
      const double added_text = static_cast<double>(q.para_bytes - t.para_bytes);
      const double density = q.bytes == 0 ? 1.0 : static_cast<double>(q.link_bytes) /
                                                      static_cast<double>(q.bytes);
      if (added_text < kGrowTextShare * added ||
          added_text < kGrowMinGain * static_cast<double>(t.para_bytes) || density > 0.3 ||
          q.strong_negative) {
        break;
      }
      top = p;
    }
    top_score = std::max(final_score[top], best);
  }
  // Selected containers: the best, its good siblings, and sibling blocks of
  // running text.
  std::vector<char> selected(n, 0);
  if (top >= 0) {
    selected[top] = 1;
    const int parent = outline.nodes[top].parent;
    const double threshold = std::max(10.0, top_score * kSiblingShare);
    for (size_t i = 0; i < n; ++i) {
      if (static_cast<int>(i) == top || outline.nodes[i].parent != parent) continue;
      if (info[i].reason != nullptr || IsFurnitureTag(outline.nodes[i].tag)) continue;
      const double density = info[i].bytes == 0 ? 1.0
                                                : static_cast<double>(info[i].link_bytes) /
                                                      static_cast<double>(info[i].bytes);
      if (final_score[i] >= threshold || info[i].mass >= info[top].mass * kSiblingShare * kSiblingMassShare ||
          (info[i].has_paragraph && density < 0.25 && info[i].bytes >= 80 &&
           outline.nodes[i].tag == "p")) {
        selected[i] = 1;
      }
    }
  }

  // The lead: running text just before the chosen region (a teaser or intro
  // paragraph in the article's header), when it sits near the region in the
  // tree and not under furniture.
  std::vector<char> lead(outline.blocks.size(), 0);
  if (top >= 0) {
    size_t first = outline.blocks.size();
    for (size_t b = 0; b < outline.blocks.size() && first == outline.blocks.size(); ++b) {
      for (int k = outline.blocks[b].node; valid(k); k = outline.nodes[k].parent) {
        if (selected[k]) {
          first = b;
          break;
        }
      }
    }
    // Between the title heading and the region everything of the article's
    // own counts (its start split off into other wrappers); without a title
    // in sight, only a short look back for a lead.
    const bool title_bounded = title_block < first && first - title_block <= kTitleSpanBlocks;
    // Ancestors of top, a few levels up: the lead must be under one.
    std::vector<int> near;
    const int levels = kLeadLevels + (title_bounded ? 2 : 0);
    for (int k = outline.nodes[top].parent, level = 0; valid(k) && level < levels;
         k = outline.nodes[k].parent, ++level) {
      near.push_back(k);
    }
    const int max_taken = title_bounded ? static_cast<int>(kTitleSpanBlocks) : kMaxLeadBlocks;
    const int max_looked = title_bounded ? static_cast<int>(first - title_block - 1) : kLeadLookBack;
    int taken = 0, looked = 0;
    for (size_t b = first; b-- > 0 && taken < max_taken && looked < max_looked; ++looked) {
      const HtmlBlock& block = outline.blocks[b];
      if (!valid(block.node)) break;
      bool under_near = false, furniture = false;
      for (int k = block.node; valid(k); k = outline.nodes[k].parent) {
        if (IsFurnitureTag(outline.nodes[k].tag) ||
            info[k].strong_negative) {
          furniture = true;
        }
        if (std::find(near.begin(), near.end(), k) != near.end()) {
          under_near = true;
          break;
        }
      }
      if (!under_near) break;
      if (furniture) continue;  // an ad or share bar between lead and body
      const std::string_view tag = outline.nodes[block.node].tag;
      if (ParagraphLike(block.text, block_bytes[b], block.link_bytes)) {
        lead[b] = 1;
        ++taken;
        continue;
      }
      // Titles, bylines, dates and image credits between lead and body are
      // passed over, not taken; anything longer ends the search.
      if (!IsHeading(tag) && block_bytes[b] > kEdgeLineBytes * 2) break;
    }
  }
  size_t region_bytes = 0;
  for (size_t i = 0; i < n; ++i) {
    if (selected[i]) region_bytes += info[i].bytes;
  }
  // Collect the blocks under a selected container, minus furniture.
  std::string out;
  std::vector<size_t> kept;
  size_t removed_count = 0;
  auto drop = [&](const HtmlBlock& block, const char* reason) {
    if (removed == nullptr || removed_count >= kMaxHtmlRemoved) return;
    const std::string_view t = util::Trim(block.text);
    if (t.empty()) return;
    removed->push_back({std::string(t), reason});
    ++removed_count;
  };
  for (size_t b = 0; b < outline.blocks.size(); ++b) {
    const HtmlBlock& block = outline.blocks[b];
    if (top < 0) {
      // No paragraph anywhere: keep everything.
      if (!util::Trim(block.text).empty()) kept.push_back(b);
      continue;
    }
    // Walk up: is the block under a selected container, and under furniture
    // below it?
    const char* furniture = nullptr;
    bool inside = false;
    for (int k = block.node; valid(k); k = outline.nodes[k].parent) {
      if (selected[k]) {
        inside = true;
        break;
      }
      if (furniture == nullptr) {
        if (IsFurnitureTag(outline.nodes[k].tag) && !info[k].has_paragraph) {
          furniture = "navigation";
        } else if (outline.nodes[k].tag == "figcaption") {
          furniture = "photo-caption";
        } else if (info[k].teaser_block) {
          furniture = info[k].reason;
        } else if (info[k].reason != nullptr && info[k].bytes * 2 <= region_bytes &&
                   (info[k].strong_negative ||
                    (!info[k].has_paragraph && !IsHeading(outline.nodes[k].tag)))) {
          // (A "furniture" cue on an element that holds most of the chosen
          // text is a theme flag such as class="entry share", not furniture.)
          furniture = info[k].reason;
        }
      }
    }
    if (lead[b]) {
      inside = true;
      furniture = nullptr;
    }
    if (!inside) continue;
    if (furniture != nullptr) {
      drop(block, furniture);
      continue;
    }
    // Short blocks that are mostly links: menus, tag lists, "more" links.
    if (block.link_bytes * 10 > block_bytes[b] * 7 && block_bytes[b] < 300) {
      drop(block, "link");
      continue;
    }
    kept.push_back(b);
  }
  // Trim the edges: short lines before the first and after the last block
  // of running text are dates, bylines, labels, sharing and tag lines.
  // Headings stay at the head (titles), list items at the tail (lists of
  // facts or steps end articles).
  size_t first = kept.size(), last = kept.size();
  for (size_t i = 0; i < kept.size(); ++i) {
    const size_t b = kept[i];
    if (!ParagraphLike(outline.blocks[b].text, block_bytes[b], outline.blocks[b].link_bytes)) continue;
    if (first == kept.size()) first = i;
    last = i;
  }
  for (size_t i = 0; i < kept.size(); ++i) {
    const size_t b = kept[i];
    const HtmlBlock& block = outline.blocks[b];
    const std::string_view tag = valid(block.node) ? std::string_view(outline.nodes[block.node].tag)
                                                   : std::string_view();
    const bool short_line = block_bytes[b] < kEdgeLineBytes && !EndsSentence(block.text);
    if (first < kept.size() && short_line) {
      if (i < first && !IsHeading(tag)) {
        drop(block, "metadata");
        continue;
      }
      if (i > last && tag != "li" && tag != "dd" && tag != "td") {
        drop(block, "navigation");
        continue;
      }
    }
    if (!out.empty()) out += "\n\n";
    out += block.text;
  }
  return out;
}

}  // namespace lagebild::clean
