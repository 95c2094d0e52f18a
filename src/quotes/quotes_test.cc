// The quotes stage on texts of its own: quotation styles, speakers before
// and after, pronouns, scare quotes, indirect speech, statements across
// translations.
#include "quotes/quotes.h"

#include <gtest/gtest.h>

namespace lagebild::quotes {
namespace {

EntityMention Mention(const std::string& text, const std::string& name, const std::string& type,
                      size_t nth = 0) {
  size_t at = text.find(name);
  for (size_t k = 0; k < nth && at != std::string::npos; ++k) at = text.find(name, at + 1);
  EntityMention m;
  m.start = static_cast<uint32_t>(at);
  m.end = static_cast<uint32_t>(at + name.size());
  m.text = name;
  m.type = type;
  return m;
}

std::string Dump(const std::vector<Quote>& qs) {
  std::string out;
  for (const Quote& q : qs) out += "\n  " + q.type + " [" + q.text + "] by [" + q.speaker_text + "] cue " + q.cue;
  return out;
}

// The quotes of one type ("indirect"), or of every type but one ("!reported").
std::vector<const Quote*> OfType(const std::vector<Quote>& qs, const std::string& type) {
  std::vector<const Quote*> out;
  for (const Quote& q : qs) {
    if (type.starts_with("!") ? q.type != type.substr(1) : q.type == type) out.push_back(&q);
  }
  return out;
}

TEST(QuoteLexiconTest, LoadsWithoutProblems) {
  for (const std::string& p : QuoteLexiconProblems()) ADD_FAILURE() << p;
}

TEST(FindQuotesTest, QuotationStylesAndTheirSpeakers) {
  const std::string text =
      "„Wir werden die Hilfe fortsetzen“, sagte Ministerin Anna Berg am Montag. "
      "Der Bürgermeister Jan Holm erklärte: »Die Lage ist unter Kontrolle.« "
      "«Niemand wurde verletzt», so Holm. Er fügte hinzu: \"Die Straße bleibt gesperrt.\" "
      "Die sogenannten \"Friedenstruppen\" zogen ab.";
  const std::vector<EntityMention> es = {Mention(text, "Anna Berg", "PER"),
                                         Mention(text, "Jan Holm", "PER"),
                                         Mention(text, "Holm", "PER", 1)};
  const auto qs = FindQuotes(text, "de", es);
  ASSERT_EQ(qs.size(), 4u) << Dump(qs);
  for (const Quote& q : qs) EXPECT_EQ(text.substr(q.start, q.end - q.start), q.text);
  EXPECT_EQ(qs[0].text, "Wir werden die Hilfe fortsetzen");
  EXPECT_EQ(qs[0].speaker_text, "Anna Berg");
  EXPECT_EQ(qs[0].cue, "sagte");
  EXPECT_EQ(qs[1].text, "Die Lage ist unter Kontrolle.");
  EXPECT_EQ(qs[1].speaker_text, "Jan Holm");
  EXPECT_EQ(qs[2].speaker_text, "Holm");
  EXPECT_EQ(qs[3].text, "Die Straße bleibt gesperrt.");
  EXPECT_EQ(qs[3].speaker_text, "Holm");  // "Er" is the last speaker
  for (const Quote& q : qs) EXPECT_EQ(q.type, "direct");
}

TEST(FindQuotesTest, IndirectSpeechAndEnglish) {
  const std::string de =
      "Regierungssprecherin Eva Roth sagte, die Gespräche seien gescheitert. Das Wetter war gut.";
  const auto qd = FindQuotes(de, "de", {Mention(de, "Eva Roth", "PER")});
  ASSERT_EQ(qd.size(), 1u) << Dump(qd);
  EXPECT_EQ(qd[0].type, "indirect");
  EXPECT_EQ(qd[0].text, "die Gespräche seien gescheitert");
  EXPECT_EQ(qd[0].speaker_text, "Eva Roth");
  // "Wie X mitteilte, …" and a Konjunktiv I sentence continuing it; a
  // sentence in the indicative after it is the writer's own.
  const std::string wie =
      "Wie die Feuerwehr Kiel mitteilte, wurde bei dem Brand niemand verletzt. Der Schaden sei "
      "hoch. Die Straße ist wieder frei.";
  const auto qw = FindQuotes(wie, "de", {Mention(wie, "Feuerwehr Kiel", "ORG")});
  ASSERT_EQ(qw.size(), 2u) << Dump(qw);
  EXPECT_EQ(qw[0].text, "wurde bei dem Brand niemand verletzt");
  EXPECT_EQ(qw[0].speaker_text, "Feuerwehr Kiel");
  EXPECT_EQ(qw[1].text, "Der Schaden sei hoch");
  EXPECT_EQ(qw[1].speaker_text, "Feuerwehr Kiel");
  const std::string en =
      "\"We will rebuild every house,\" Governor Mark Lee said on Tuesday. Lee said that the "
      "damage would cost millions. The \"experts\" disagreed.";
  const auto qe = FindQuotes(en, "en", {Mention(en, "Mark Lee", "PER"), Mention(en, "Lee", "PER", 1)});
  ASSERT_EQ(qe.size(), 2u) << Dump(qe);
  EXPECT_EQ(qe[0].text, "We will rebuild every house,");
  EXPECT_EQ(qe[0].speaker_text, "Mark Lee");
  EXPECT_EQ(qe[1].type, "indirect");
  EXPECT_EQ(qe[1].speaker_text, "Lee");
  EXPECT_TRUE(FindQuotes(en, "xx", {}).empty());
}

TEST(FindQuotesTest, ReportedBySourceOpenerAndImpersonalCue) {
  // "nach" + small words + a report noun + genitive: the source.
  const std::string nach =
      "Nach den Worten des Landrats Peter Sommer ist die Brücke seit Montag gesperrt. "
      "Nach ersten Erkenntnissen hat ein Lastwagen den Pfeiler gerammt.";
  const auto qn = FindQuotes(nach, "de", {});
  ASSERT_EQ(qn.size(), 2u) << Dump(qn);
  EXPECT_EQ(qn[0].text, "ist die Brücke seit Montag gesperrt");
  EXPECT_EQ(qn[0].speaker_text, "des Landrats Peter Sommer");
  EXPECT_EQ(qn[1].text, "hat ein Lastwagen den Pfeiler gerammt");
  EXPECT_EQ(qn[1].speaker_text, "ersten Erkenntnissen");
  // "Demnach …" continues the report before it; "heißt es" on either side.
  const std::string opener =
      "Das Amt legte am Freitag seinen Bericht vor. Demnach stiegen die Kosten um ein Drittel. "
      "In der Mitteilung heißt es, die Arbeiten würden bis zum Herbst dauern. "
      "Der Zeitplan sei nicht zu halten, hieß es aus dem Rathaus. Nach dem Essen gingen alle.";
  const auto qo = FindQuotes(opener, "de", {});
  ASSERT_EQ(qo.size(), 3u) << Dump(qo);
  EXPECT_EQ(qo[0].text, "stiegen die Kosten um ein Drittel");
  EXPECT_EQ(qo[1].text, "die Arbeiten würden bis zum Herbst dauern");
  EXPECT_EQ(qo[1].speaker_text, "In der Mitteilung");
  EXPECT_EQ(qo[2].text, "Der Zeitplan sei nicht zu halten");
  EXPECT_EQ(qo[2].speaker_text, "aus dem Rathaus");
}

TEST(FindQuotesTest, SoClosingTheSentenceAndSmallWordsAfterLaut) {
  const std::string text =
      "Die Fangquote wurde auf ein tragfähiges Maß gesenkt, so das Ministerium. "
      "Laut vorläufigem Ergebnis kommt die Opposition auf 194 Sitze. "
      "Er kam spät, so dass alle warten mussten.";
  const auto q = FindQuotes(text, "de", {});
  ASSERT_EQ(q.size(), 2u) << Dump(q);
  EXPECT_EQ(q[0].text, "Die Fangquote wurde auf ein tragfähiges Maß gesenkt");
  EXPECT_EQ(q[0].speaker_text, "das Ministerium");
  EXPECT_EQ(q[1].text, "kommt die Opposition auf 194 Sitze");
  EXPECT_EQ(q[1].speaker_text, "vorläufigem Ergebnis");
}

TEST(FindQuotesTest, SpeakersOpeningTheSentenceAndNoneFromTheNextLine) {
  const std::string text =
      "Die Autorin Eva Roth gewann den Preis.\n"
      "Sie sagte: „Wenn ich das gewusst hätte, hätte ich früher angefangen.“\n"
      "Ein Sprecher des Verlags sagte: „Wir sind sehr stolz auf dieses Buch.“\n"
      "Der Zeitung sagte Tom Weber: „Ich werde weiter für die Freiheit kämpfen.“\n"
      "Der Minister bestritt jede Kenntnis:\n"
      "„Hätte ich davon gewusst, hätte ich sofort gehandelt.“\n"
      "Die Stadtwerke äußerten Zweifel an der Darstellung.\n"
      "Die Ministerin sagte dazu, sie sei sicher, dass „viele Frauen mit Freude diese neue "
      "Chance nutzen werden“.";
  const std::vector<EntityMention> es = {Mention(text, "Eva Roth", "PER"),
                                         Mention(text, "Tom Weber", "PER"),
                                         Mention(text, "Stadtwerke", "ORG")};
  const auto q = FindQuotes(text, "de", es);
  ASSERT_EQ(q.size(), 6u) << Dump(q);
  // A pronoun opening the sentence: its span, resolved to the person before.
  EXPECT_EQ(text.substr(q[0].speaker_start, q[0].speaker_end - q[0].speaker_start), "Sie");
  EXPECT_EQ(q[0].speaker_text, "Eva Roth");
  EXPECT_EQ(q[1].speaker_text, "Ein Sprecher des Verlags");
  // The name after the cue, not the dative that opens the sentence.
  EXPECT_EQ(q[2].speaker_text, "Tom Weber");
  // The next line's organisation does not speak the quote before it.
  EXPECT_NE(q[3].speaker_text, "Stadtwerke") << Dump(q);
  // Their doubt is a speech act of its own.
  EXPECT_EQ(q[4].type, "reported");
  // A quote inside a sentence of saying: that sentence's speaker.
  EXPECT_EQ(q[5].speaker_text, "Die Ministerin") << Dump(q);
}

TEST(FindQuotesTest, VerbsOfThinkingAndDecidingAndALaterKonjunktivSentence) {
  const std::string text =
      "Experten schätzen, dass die Preise weiter steigen werden. "
      "Das Ministerium hat entschieden, der Firma die Lizenz zu entziehen. "
      "Die Gewerkschaft verlangt, dass mehr Personal eingestellt wird. "
      "Der Streik dauert an. In mehreren Städten fielen Züge aus. "
      "Eine Einigung sei nicht in Sicht.";
  const std::vector<EntityMention> es = {Mention(text, "Gewerkschaft", "ORG")};
  const auto q = FindQuotes(text, "de", es);
  ASSERT_EQ(q.size(), 4u) << Dump(q);
  EXPECT_EQ(q[0].text, "dass die Preise weiter steigen werden");
  EXPECT_EQ(q[0].cue, "schätzen");
  EXPECT_EQ(q[1].text, "der Firma die Lizenz zu entziehen");
  EXPECT_EQ(q[2].speaker_text, "Gewerkschaft");
  // Two indicative sentences later, still the union's reported speech.
  EXPECT_EQ(q[3].text, "Eine Einigung sei nicht in Sicht");
  EXPECT_EQ(q[3].speaker_text, "Gewerkschaft");
}

TEST(FindQuotesTest, CueClosingTheSentenceWieDiesAndNachAfterItsNoun) {
  const std::string text =
      "Das Beben erreichte eine Stärke von 7,4, teilte der Erdbebendienst mit. "
      "Der Vorstand bleibt im Amt, wie die Firma gestern mitteilte. "
      "Der Preis geht in diesem Jahr an eine Hilfsorganisation. "
      "Dies gab das Komitee in Oslo bekannt. "
      "Heute wurden nach Armeeangaben 40 Ziele angegriffen. "
      "Die Mittel seien ihrer Meinung nach nicht angemessen. "
      "Er kam spät, sagte aber nichts dazu.";
  const auto q = FindQuotes(text, "de", {});
  ASSERT_EQ(q.size(), 5u) << Dump(q);
  EXPECT_EQ(q[0].text, "Das Beben erreichte eine Stärke von 7,4");
  EXPECT_EQ(q[0].speaker_text, "der Erdbebendienst");
  EXPECT_EQ(q[1].text, "Der Vorstand bleibt im Amt");
  EXPECT_EQ(q[1].speaker_text, "die Firma");
  EXPECT_EQ(q[2].text, "Der Preis geht in diesem Jahr an eine Hilfsorganisation");
  EXPECT_EQ(q[2].speaker_text, "das Komitee");
  EXPECT_EQ(q[3].speaker_text, "nach Armeeangaben");
  EXPECT_EQ(q[4].speaker_text, "ihrer Meinung nach");
}

TEST(FindQuotesTest, ReportedSpeechActsWithoutTheirWords) {
  const std::string text =
      "Die Gewerkschaft forderte eine Entschädigung für alle Beschäftigten. "
      "Die Offensive wurde von einer Sprecherin der Armee bestätigt. "
      "Der Minister erklärte am Abend in Berlin: „Wir handeln sofort und entschlossen.“ "
      "Der Bürgermeister sagte dazu aber nichts. "
      "Die Stadt gab eine Million Euro für die Schule aus.";
  const std::vector<EntityMention> es = {Mention(text, "Gewerkschaft", "ORG")};
  const auto q = FindQuotes(text, "de", es);
  // The demand; not the passive, not the colon's sentence (its quote is
  // the message), not what was not said, not "gab … aus".
  ASSERT_EQ(q.size(), 2u) << Dump(q);
  EXPECT_EQ(q[0].type, "reported");
  EXPECT_EQ(q[0].text, "Die Gewerkschaft forderte eine Entschädigung für alle Beschäftigten");
  EXPECT_EQ(q[0].speaker_text, "Gewerkschaft");
  EXPECT_EQ(q[1].type, "direct");
}

TEST(FindQuotesTest, NameInQuotationMarksAuxiliaryAndPluralCues) {
  const std::string text =
      "Der Sender „Kanal 10“ berichtete, das Kabinett habe der Einberufung zugestimmt. "
      "Es drohe ein Wettrüsten, hatte der Präsident bei seinem Besuch in Moskau gesagt. "
      "Die Verteidiger argumentierten, ihr Mandant habe nicht fliehen wollen.";
  const auto q = FindQuotes(text, "de", {});
  ASSERT_EQ(q.size(), 3u) << Dump(q);
  // The station's name in quotation marks is no quote of its own.
  EXPECT_EQ(q[0].type, "indirect");
  EXPECT_EQ(q[0].text, "das Kabinett habe der Einberufung zugestimmt");
  EXPECT_EQ(q[0].cue, "berichtete");
  EXPECT_EQ(q[1].text, "Es drohe ein Wettrüsten");
  EXPECT_EQ(q[1].speaker_text, "der Präsident");
  EXPECT_EQ(q[2].text, "ihr Mandant habe nicht fliehen wollen");
  EXPECT_EQ(q[2].cue, "argumentierten");
}

TEST(FindQuotesTest, SubjectsOpeningTheSentenceOfIndirectSpeech) {
  const std::string text =
      "Experten schätzen, dass die Preise weiter steigen werden. "
      "Das Bau- und Verkehrsministerium hat entschieden, der Firma die Lizenz zu entziehen. "
      "Frankreich hat sich bereit erklärt, weitere Soldaten zu entsenden.";
  const auto q = FindQuotes(text, "de", {});
  ASSERT_EQ(q.size(), 3u) << Dump(q);
  EXPECT_EQ(q[0].speaker_text, "Experten");
  EXPECT_EQ(q[1].speaker_text, "Das Bau- und Verkehrsministerium");
  EXPECT_EQ(q[2].speaker_text, "Frankreich");
  // A pronoun with no one before it to stand for: the pronoun itself.
  const auto p = FindQuotes("Sie sagte, das Ziel sei erreicht.", "de", {});
  ASSERT_EQ(p.size(), 1u) << Dump(p);
  EXPECT_EQ(p[0].speaker_text, "Sie");
}

TEST(FindQuotesTest, EvidentialSollenReportsWhatOthersSay) {
  const std::string text =
      "Die Polizei teilte mit, es habe mehrere Brände gegeben. "
      "Drei Lagerhallen sollen abgebrannt sein. "
      "Die Steuer soll im nächsten Jahr erhöht werden.";
  const std::vector<EntityMention> es = {Mention(text, "Polizei", "ORG")};
  const auto q = FindQuotes(text, "de", es);
  // The alleged fire is reported (by the police, just before); the plan is not.
  ASSERT_EQ(q.size(), 2u) << Dump(q);
  EXPECT_EQ(q[1].text, "Drei Lagerhallen sollen abgebrannt sein");
  EXPECT_EQ(q[1].speaker_text, "Polizei");
}

TEST(FindQuotesTest, AKonjunktivSentenceFarOnIsReportedWithoutASpeaker) {
  const std::string text =
      "Der Bürgermeister sagte, die Lage sei ernst. "
      "Die Feuerwehr war mit zwanzig Fahrzeugen im Einsatz. Die Straßen rund um den Markt blieben "
      "bis zum Abend gesperrt. Viele Anwohner verfolgten die Löscharbeiten von ihren Balkonen aus. "
      "Am späten Abend konnten die ersten Bewohner in ihre Wohnungen zurückkehren. "
      "Das Rote Kreuz versorgte die übrigen in einer Turnhalle mit Decken und warmem Essen. "
      "Der Schaden gehe in die Millionen.";
  const auto q = FindQuotes(text, "de", {});
  ASSERT_EQ(q.size(), 2u) << Dump(q);
  EXPECT_EQ(q[1].text, "Der Schaden gehe in die Millionen");
  EXPECT_EQ(q[1].speaker_text, "");
}

TEST(FindQuotesTest, ASubjectInFirstPlaceAndAReflexiveCue) {
  const std::string text =
      "Der Minister Paul Berg lehnt die Mission ab. "
      "Er wirft der Europäischen Union vor, das Land spalten zu wollen. "
      "Anna Roth (SPD) warf den Vereinigten Staaten vor, den Konkurrenten bevorzugt zu haben. "
      "Ähnlich äußerte sich der Präsident des Verbands: „Wir sehen die Lage mit großer Sorge.“";
  const std::vector<EntityMention> es = {Mention(text, "Paul Berg", "PER"),
                                         Mention(text, "Europäischen Union", "ORG"),
                                         Mention(text, "Anna Roth", "PER"),
                                         Mention(text, "SPD", "ORG"),
                                         Mention(text, "Vereinigten Staaten", "LOC")};
  const auto q = FindQuotes(text, "de", es);
  const std::vector<const Quote*> said = OfType(q, "!reported");
  ASSERT_EQ(said.size(), 3u) << Dump(q);
  // The pronoun in first place, not the object after the cue.
  EXPECT_EQ(text.substr(said[0]->speaker_start, said[0]->speaker_end - said[0]->speaker_start), "Er");
  EXPECT_EQ(said[0]->speaker_text, "Paul Berg");
  EXPECT_EQ(said[1]->speaker_text, "Anna Roth");
  // "äußerte sich": the speaker after the reflexive pronoun.
  EXPECT_EQ(said[2]->speaker_text, "der Präsident des Verbands");
}

TEST(FindQuotesTest, AuxiliaryAfterTheQuoteAndASubjectBeforeTheColon) {
  const std::string text =
      "„Wir wollen die Werke enger verzahnen“, hatte Konzernchef Max Weber in einem Interview "
      "erklärt.\n"
      "Die Autoren der Studie werfen den Behörden vor: „Eine Prüfung der Qualität findet kaum statt.“";
  const std::vector<EntityMention> es = {Mention(text, "Max Weber", "PER")};
  const auto q = FindQuotes(text, "de", es);
  ASSERT_EQ(q.size(), 2u) << Dump(q);
  EXPECT_EQ(q[0].speaker_text, "Max Weber");
  EXPECT_EQ(q[0].cue, "erklärt");
  EXPECT_EQ(q[1].speaker_text, "Die Autoren der Studie");
}

TEST(FindQuotesTest, ANounPhraseInFirstPlaceIsTheSubjectOfTheCue) {
  const std::string text =
      "Die Polizisten forderten die Schüler und Lehrer auf, das Gebäude nicht zu verlassen. "
      "Das isländische Fischereiministerium legte fest, dass bis August zehn Wale gejagt werden dürfen. "
      "Der deutsche Wirtschaftsminister Otto Brandt (FDP) warf den Behörden vor, die Firma bevorzugt zu "
      "haben. "
      "Die Regierung habe erklärt, dass sie nicht zahle. "
      "Den Bericht bestätigte der Sprecher, er sei korrekt.";
  const auto q = FindQuotes(text, "de", {});
  const std::vector<const Quote*> said = OfType(q, "!reported");
  ASSERT_EQ(said.size(), 5u) << Dump(q);
  EXPECT_EQ(said[0]->speaker_text, "Die Polizisten");
  EXPECT_EQ(said[1]->speaker_text, "Das isländische Fischereiministerium");
  EXPECT_EQ(said[2]->speaker_text, "Der deutsche Wirtschaftsminister Otto Brandt (FDP)");
  // A verb after the noun ends the phrase: not "Die Regierung habe".
  EXPECT_EQ(said[3]->speaker_text, "Die Regierung");
  // "Den …" is no subject: the speaker follows the cue.
  EXPECT_EQ(said[4]->speaker_text, "der Sprecher");
}

TEST(FindQuotesTest, APronounAfterTheCueBeforeAColonAndSoWithAName) {
  const std::string text =
      "Der Ingenieur Paul Kern leitet das Projekt.\n"
      "In einem Interview mit der BBC erklärte er: „Der Anblick des Wasserfalls ist spektakulär.“\n"
      "„Ich freue mich auf die neue Aufgabe in der Stadt“, so Kondé.";
  const std::vector<EntityMention> es = {Mention(text, "Paul Kern", "PER"),
                                         Mention(text, "BBC", "ORG")};
  const auto q = FindQuotes(text, "de", es);
  ASSERT_EQ(q.size(), 2u) << Dump(q);
  // "er" after the cue, not the BBC before it; resolved to the person.
  EXPECT_EQ(text.substr(q[0].speaker_start, q[0].speaker_end - q[0].speaker_start), "er");
  EXPECT_EQ(q[0].speaker_text, "Paul Kern");
  // A name the tagger missed, closing the sentence after "so".
  EXPECT_EQ(q[1].speaker_text, "Kondé");
}

TEST(FindQuotesTest, NounsOfSayingWithTheirHolderNamed) {
  const std::string text =
      "Der Trainer Ralf Kunz vertritt die Ansicht, dass die Mannschaft gewinnen kann. "
      "Der Präsident erteilte der Luftwaffe den Befehl, Menschen aus der Gefahrenzone zu bringen. "
      "Internationale Beobachter kamen zum Ergebnis, dass die Wahl frei war. "
      "Die Hoffnung, dass es bald regnet, ist groß. "
      "Es bleibt die Erwartung, dass die Preise steigen.";
  const std::vector<EntityMention> es = {Mention(text, "Ralf Kunz", "PER")};
  const auto q = FindQuotes(text, "de", es);
  ASSERT_EQ(q.size(), 3u) << Dump(q);
  EXPECT_EQ(q[0].speaker_text, "Ralf Kunz");
  EXPECT_EQ(q[0].text, "dass die Mannschaft gewinnen kann");
  EXPECT_EQ(q[0].cue, "ansicht");
  EXPECT_EQ(q[1].speaker_text, "Der Präsident");
  EXPECT_EQ(q[1].text, "Menschen aus der Gefahrenzone zu bringen");
  EXPECT_EQ(q[2].speaker_text, "Internationale Beobachter");
  // No one holds the hope or the expectation: no quote.
}

TEST(FindQuotesTest, AKonjunktivSentenceContinuesTheQuoteBeforeItNotTheLastOne) {
  const std::string text =
      "Ein Sprecher des Finanzministeriums sagte: „Wir sind zuversichtlich, dass alles gut geht.“ "
      "Zur Panik bestehe keine Veranlassung.\n\n"
      "Später sagte Anna Roth: „Das sehen wir ganz anders als die Regierung.“";
  const std::vector<EntityMention> es = {Mention(text, "Anna Roth", "PER")};
  const auto q = FindQuotes(text, "de", es);
  ASSERT_EQ(q.size(), 3u) << Dump(q);
  EXPECT_EQ(q[1].text, "Zur Panik bestehe keine Veranlassung");
  EXPECT_EQ(q[1].speaker_text, "Ein Sprecher des Finanzministeriums");
  EXPECT_EQ(q[2].speaker_text, "Anna Roth");
}

TEST(FindQuotesTest, AKonjunktivSentenceWithoutAQuoteBeforeTakesTheSubjectBefore) {
  const std::string text =
      "Der Brief wurde drei Tage nach der Tat gefunden.\n"
      "Die Bochumer Polizei ist derzeit mit der Auswertung des Briefes beschäftigt.\n"
      "Der Mann sei mit dem Auto geflohen und habe die Kinder mitgenommen.\n\n"
      "Am Abend regnete es.\n\n"
      "Eine Einigung sei nicht in Sicht.\n\n"
      "Der Bürgermeister sagte: „Wir trauern mit der Familie und den Freunden.“";
  const auto q = FindQuotes(text, "de", {});
  ASSERT_EQ(q.size(), 3u) << Dump(q);
  EXPECT_EQ(q[0].speaker_text, "Die Bochumer Polizei");
  // Across a blank line the sentence before says nothing of the source.
  EXPECT_EQ(q[1].speaker_text, "");
  EXPECT_EQ(q[2].speaker_text, "Der Bürgermeister");
}

TEST(FindQuotesTest, NounsLikeCuesCuesInBracketsAndConversationsAreNoStatements) {
  const std::string text =
      "Inzwischen sind rund 260 Sprachen bei der Enzyklopädie vertreten. "
      "Vor zwei Jahren schien die Firma den Auftrag schon sicher zu haben (Wikinews berichtete). "
      "Der Astronaut Paul Kern sprach mit seiner Frau und seinem Sohn. "
      "Die Gewerkschaft forderte eine Entschädigung für die Beschäftigten.";
  const std::vector<EntityMention> es = {Mention(text, "Wikinews", "ORG"),
                                         Mention(text, "Paul Kern", "PER")};
  const auto q = FindQuotes(text, "de", es);
  ASSERT_EQ(q.size(), 1u) << Dump(q);
  EXPECT_EQ(q[0].type, "reported");
  EXPECT_EQ(q[0].cue, "forderte");
}

TEST(FindQuotesTest, TheSubjectOfASubordinateClauseEndingWithTheCue) {
  const std::string text =
      "Festgenommen wurde ein Mann aus Ulm, von dem die Polizei glaubt, er sei der Täter. "
      "Die Mutter Anna Roth ging zum Verband, da sie befürchtete, man wolle ihr die Kinder "
      "wegnehmen. "
      "Nachdem die Anwältin dem Richter mitgeteilt hatte, dass der Mann gesucht werde, floh er.";
  const std::vector<EntityMention> es = {Mention(text, "Ulm", "LOC"), Mention(text, "Anna Roth", "PER")};
  const auto q = FindQuotes(text, "de", es);
  const std::vector<const Quote*> said = OfType(q, "indirect");
  ASSERT_EQ(said.size(), 3u) << Dump(q);
  EXPECT_EQ(said[0]->speaker_text, "die Polizei");
  // The pronoun's span, resolved to the person before it.
  EXPECT_EQ(text.substr(said[1]->speaker_start, said[1]->speaker_end - said[1]->speaker_start), "sie");
  EXPECT_EQ(said[1]->speaker_text, "Anna Roth");
  EXPECT_EQ(said[2]->speaker_text, "die Anwältin");
}

TEST(FindQuotesTest, DirectQuoteSpeakersSoWithAnObjectAndAfterUndAndAShortIntroduction) {
  const std::string text =
      "„Er ist die eiserne Hand im eisernen Handschuh“, so charakterisierte ihn der Funktionär Paul "
      "Kern.\n"
      "Medvedev bedankte sich bei seinem Team und sagte: „Ich bin mir sicher, dass meine Frau zuschaut.“\n"
      "Der Abgeordnete Tom Hart sprach zuerst.\n"
      "Er fuhr fort: „Das war keine Reaktion auf einen Angriff, das war Absicht.“";
  const std::vector<EntityMention> es = {Mention(text, "Paul Kern", "PER"),
                                         Mention(text, "Tom Hart", "PER")};
  const auto q = FindQuotes(text, "de", es);
  const std::vector<const Quote*> direct = OfType(q, "direct");
  ASSERT_EQ(direct.size(), 3u) << Dump(q);
  EXPECT_EQ(direct[0]->speaker_text, "Paul Kern");
  EXPECT_EQ(direct[0]->cue, "charakterisierte");
  EXPECT_EQ(direct[1]->speaker_text, "Medvedev");
  EXPECT_EQ(text.substr(direct[2]->speaker_start, direct[2]->speaker_end - direct[2]->speaker_start), "Er");
  EXPECT_EQ(direct[2]->speaker_text, "Tom Hart");
}

TEST(FindQuotesTest, TheMessageAfterTheCueAndCommaIsNotItsSpeaker) {
  const std::string text =
      "Der Mann habe in dem Brief geschrieben, er wolle seine Kinder schützen. "
      "Die Ministerin räumte ein, dass Fehler gemacht worden seien. "
      "Sie wies darauf hin, dass die Frist am Freitag ende.";
  const auto q = FindQuotes(text, "de", {});
  ASSERT_EQ(q.size(), 3u) << Dump(q);
  EXPECT_EQ(q[0].speaker_text, "Der Mann");
  EXPECT_EQ(q[0].text, "er wolle seine Kinder schützen");
  EXPECT_EQ(q[1].speaker_text, "Die Ministerin");
  EXPECT_EQ(q[1].cue, "räumte");
  EXPECT_EQ(q[2].speaker_text, "Die Ministerin");  // "Sie", resolved
}

TEST(FindQuotesTest, ASeparableVerbIsACueOnlyWithItsParticle) {
  const std::string text =
      "Der Minister geht davon aus, dass die Preise weiter steigen. "
      "Die Mutter ging zum Verband, da sie Hilfe brauchte. "
      "Die Behörde nimmt an, dass der Damm halten werde.";
  const auto q = FindQuotes(text, "de", {});
  const std::vector<const Quote*> said = OfType(q, "indirect");
  ASSERT_EQ(said.size(), 2u) << Dump(q);
  EXPECT_EQ(said[0]->cue, "geht");
  EXPECT_EQ(said[0]->speaker_text, "Der Minister");
  EXPECT_EQ(said[1]->cue, "nimmt");
  EXPECT_EQ(said[1]->speaker_text, "Die Behörde");
}

TEST(FindQuotesTest, NoQuoteAcrossABlankLineOrLongerThanAQuoteCanBe) {
  // An opener whose closer lies past a blank line, or more than 4000
  // bytes on, opens no quote; one closed in time does.
  std::string filler;
  while (filler.size() < 4100) filler += "Wort ";
  for (const std::string& open : {std::string("das ist offen\n\nund geht weiter"), filler}) {
    const std::string text = "Sie sagte: „Wir bleiben hier und warten ab.“ Er sagte dazu: „" + open + ".“";
    const auto q = FindQuotes(text, "de", {});
    const std::vector<const Quote*> direct = OfType(q, "direct");
    ASSERT_EQ(direct.size(), 1u) << Dump(q);
    EXPECT_EQ(direct[0]->text, "Wir bleiben hier und warten ab.");
  }
}

TEST(LinkQuotesTest, OneStatementAcrossTranslationsOthersApart) {
  auto article = [](const std::string& id, const std::string& lang, const std::string& text,
                    const std::string& speaker) {
    Article a;
    a.id = id;
    a.language = lang;
    a.text = text;
    EntityMention m = Mention(text, speaker, "PER");
    m.entity = "e1";
    a.entities = {m};
    a.quotes = FindQuotes(a.text, lang, a.entities);
    return a;
  };
  Article a = article("a1", "de", "„Der Einsatz lief schnell und effizient ab“, sagte Berg. "
                                  "„Morgen beginnt die Schule wieder“, sagte Berg.", "Berg");
  Article b = article("a2", "en", "\"The operation worked quickly and effectively,\" Berg said.",
                      "Berg");
  const auto st = LinkQuotes({&a, &b});
  ASSERT_EQ(a.quotes.size(), 2u);
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "e1");
  EXPECT_EQ(a.quotes[0].statement, b.quotes[0].statement);
  EXPECT_NE(a.quotes[1].statement, b.quotes[0].statement);
  ASSERT_FALSE(st.empty());
  EXPECT_EQ(st[0].renderings.size(), 2u);
  EXPECT_EQ(st[0].speaker, "e1");
}

}  // namespace
}  // namespace lagebild::quotes
