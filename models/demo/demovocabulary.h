#pragma once

#include <QStringList>

// Words and names the demo generator composes into a believable product team's data.
namespace DemoVocabulary {

struct FeatureIdea
{
    const char *name;
    const char *area;
    const char *description;
};

const QList<FeatureIdea> &featureIdeas();
const QStringList &firstNames();
const QStringList &lastNames();
const QStringList &companyPrefixes();
const QStringList &companySuffixes();
const QStringList &industries();
const QStringList &feedbackOpeners();
// Each ask has a short form for titles and a sentence for bodies, at the same index.
const QStringList &feedbackAskTitles();
const QStringList &feedbackAsks();
const QStringList &feedbackDetails();
const QStringList &feedbackClosers();
const QStringList &generalFeedbackTitles();
const QStringList &channels();
const QStringList &workItemVerbs();
const QStringList &bugSymptoms();
const QStringList &engineers();

} // namespace DemoVocabulary
