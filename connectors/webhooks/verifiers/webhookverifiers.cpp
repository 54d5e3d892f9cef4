#include "webhookverifiers.h"

#include "hmacverifier.h"
#include "hubspotverifier.h"
#include "sharedsecretverifier.h"
#include "standardwebhooksverifier.h"

#include <functional>
#include <map>

namespace {

using Factory = std::function<std::unique_ptr<WebhookVerifier>()>;

template<typename Verifier, typename Scheme> Factory table(Scheme (*scheme)())
{
    return [scheme] {
        return std::make_unique<Verifier>(scheme());
    };
}

const std::map<QString, Factory> &factories()
{
    static const std::map<QString, Factory> map{
        {QStringLiteral("github"), table<HmacVerifier>(&HmacVerifier::github)},
        {QStringLiteral("jira"), table<HmacVerifier>(&HmacVerifier::jira)},
        {QStringLiteral("linear"), table<HmacVerifier>(&HmacVerifier::linear)},
        {QStringLiteral("asana"), table<HmacVerifier>(&HmacVerifier::asana)},
        {QStringLiteral("notion"), table<HmacVerifier>(&HmacVerifier::notion)},
        {QStringLiteral("pipedrive"),
         table<SharedSecretVerifier>(&SharedSecretVerifier::pipedrive)},
        {QStringLiteral("mailchimp"),
         table<SharedSecretVerifier>(&SharedSecretVerifier::mailchimp)},
        {QStringLiteral("productboard"),
         table<SharedSecretVerifier>(&SharedSecretVerifier::productboard)},
        {QStringLiteral("figma"), table<SharedSecretVerifier>(&SharedSecretVerifier::figma)},
        {QStringLiteral("gitlab"),
         [] {
             return std::make_unique<GitLabVerifier>();
         }},
        {QStringLiteral("hubspot"),
         [] {
             return std::make_unique<HubSpotVerifier>();
         }},
        {QStringLiteral("monday"),
         [] {
             return std::make_unique<MondayVerifier>();
         }},
    };
    return map;
}

} // namespace

namespace WebhookVerifiers {

std::unique_ptr<WebhookVerifier> forProvider(const QString &provider)
{
    const auto &map = factories();
    const auto it = map.find(provider);
    return it == map.end() ? nullptr : it->second();
}

QStringList providers()
{
    QStringList list;
    for (const auto &entry : factories())
        list.append(entry.first);
    return list;
}

} // namespace WebhookVerifiers
