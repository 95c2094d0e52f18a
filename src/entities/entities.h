// Stage: entities (linking mentions across the articles of a story)
// In:    the articles of one story, each with its entity mentions (ner).
// Out:   the story's entities (type, canonical name, every surface form),
//        and each mention's `entity` set to its entity's id.
// How:   mentions are grouped by a key that survives spelling: the
//        romanisation key (util/romanize.h: Selenskyj = Zelensky),
//        a genitive "s" dropped when the bare form is also seen (Scholz's, Merkels),
//        the alias groups of data/entities/ (an abbreviation and the
//        full name in German and English; a place's exonyms), an Arabic
//        article left out ("al-Assad" = "Assad"), and a monarch's given
//        name in any language before a regnal number (regnal-names.tsv:
//        "Karl III." = "Charles III").
//        People: full names group by surname key and close first-name keys
//        (one letter apart per four, g read as h: Serhij = Sergej; or an
//        initial);
//        a surname alone joins the one full name it can belong to, and
//        stays apart when two people share it (two Müllers) — different
//        people are never merged without evidence. The canonical name is
//        the most frequent full form in German articles.
//        One sense per story: a single word the tagger typed as a place,
//        organisation or other name that is the surname of a person of
//        the story ("sagte Scholz" beside "Olaf Scholz") is a
//        person, unless it is a country or a major city (Washington) and
//        the story names the place at least as often as the person; it
//        then joins the one person it can belong to, as any surname.
//        Known names the tagger missed are mentions (Propagate): a single
//        word form of an entity, a compound it leads ("Assad-Regime"), a
//        person's name with two letters swapped ("Selneskyj").
//        Places get coordinates (Geocode).
// Fails: never.
// Cost:  linear in the mentions (a hash map per key kind).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/report.h"

namespace lagebild::entities {

std::vector<StoryEntity> LinkEntities(const std::vector<Article*>& articles);

// Before the stories are linked, across all their articles: a person's
// full name (two or three capitalised words, by romanisation key) that the
// tagger found at least twice is a mention wherever else it occurs
// untagged ("Bundeskanzler Olaf Scholz (SPD)" where the tagger missed it):
// a spelling found in one story links the same name in another.
// `known_people`: full names of people known from elsewhere (a store's
// entities), searched for as well.
void AddKnownNames(const std::vector<Article*>& articles,
                   const std::vector<std::string>& known_people = {});

// Sets `key` of every entity of every story: one string for one person,
// place or organisation across the stories of a report and across the
// runs of a store, made from its name alone (so it is stable without a
// table): its type and the romanisation key of its canonical name ("PER
// vladimir putin" for Wladimir Putin and Vladimir Putin). A person named
// by surname alone takes the key of the one full name with that surname
// among all the stories; with two such people (two Müllers) it keeps its
// own. Places and organisations are keyed by their alias group's canonical
// name (LinkEntities already chose it).
// `known`: entities known from elsewhere (a store's, with their keys):
// they take part as one more story, so that a surname alone finds the
// person a story analysed before named in full; their own keys stay.
void AssignKeys(const std::vector<std::vector<StoryEntity>*>& stories,
                const std::vector<StoryEntity>* known = nullptr);

// Sets `geo` of the LOC entities: names[e] are entity e's names to look up
// (its name, variants and aliases). Countries from data/geo/countries.tsv;
// cities from data/geo/cities.tsv, of several with one name the one in a
// country of the story, else the most populous. Called by LinkEntities.
void Geocode(const std::vector<std::vector<std::string>>& names, std::vector<StoryEntity>* entities);

// A country or a city of at least 100,000 inhabitants of data/geo (any of
// its names, case folded).
bool IsMajorPlaceName(std::string_view name);

}  // namespace lagebild::entities
