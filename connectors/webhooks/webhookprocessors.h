#pragma once

#include "webhookprocessor.h"

#include <functional>
#include <memory>

// Which WebhookProcessor turns stored deliveries into canonical rows. The application
// registers its processor once at start-up; until then every delivery is marked "ignored",
// so that nothing is lost: a replay processes it again later.
namespace WebhookProcessors {

using Factory = std::function<std::unique_ptr<WebhookProcessor>()>;

// Replaces the factory; an empty one restores the default.
void setFactory(Factory factory);
std::unique_ptr<WebhookProcessor> create();

} // namespace WebhookProcessors

// The default processor: keeps every delivery, uses none.
class IgnoringWebhookProcessor : public WebhookProcessor
{
public:
    Outcome process(QSqlDatabase &db, const WebhookEvent &event) override;
};
