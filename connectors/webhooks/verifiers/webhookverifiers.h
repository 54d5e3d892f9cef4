#pragma once

#include "webhookverifier.h"

#include <QStringList>

#include <memory>

// Which verifier checks deliveries for which provider (a source's connector kind).
namespace WebhookVerifiers {

// Null for a provider that has no webhooks the hub can authenticate.
std::unique_ptr<WebhookVerifier> forProvider(const QString &provider);
QStringList providers();

} // namespace WebhookVerifiers
