#pragma once

#include "payloadmapper.h"
#include "webhooks/webhookprocessor.h"

#include <QHash>

#include <memory>

// The hub's WebhookProcessor: hands a delivery to its provider's payload mapper, upserts the
// rows as a sync would, records the hub events in the activity feed and evaluates the
// triggers, all in the writer's transaction. A failed delivery leaves nothing behind.
class CanonicalWebhookProcessor : public WebhookProcessor
{
public:
    CanonicalWebhookProcessor();
    ~CanonicalWebhookProcessor() override;

    Outcome process(QSqlDatabase &db, const WebhookEvent &event) override;

    // The providers (connector kinds) whose deliveries become rows and events.
    QStringList providers() const;

private:
    QHash<QString, std::shared_ptr<PayloadMapper>> m_mappers;
};
