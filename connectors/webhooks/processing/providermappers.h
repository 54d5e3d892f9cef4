#pragma once

#include "payloadmapper.h"

#include <memory>

// The payload mappers of the providers whose deliveries the hub understands, one per file.
namespace ProviderMappers {

std::unique_ptr<PayloadMapper> github();
std::unique_ptr<PayloadMapper> gitlab();
std::unique_ptr<PayloadMapper> jira();
std::unique_ptr<PayloadMapper> linear();
std::unique_ptr<PayloadMapper> pipedrive();
std::unique_ptr<PayloadMapper> hubspot();

// A hub event for a mapper to return; when is a stored timestamp (or invalid: now).
HubEvent event(const char *type, const QVariant &when, const QString &title, const QString &link,
               const QString &dedupeKey);

} // namespace ProviderMappers
