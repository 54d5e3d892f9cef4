#include "webhookprocessors.h"

#include <QCoreApplication>
#include <QMutex>

namespace {

QMutex factoryMutex;

WebhookProcessors::Factory &registered()
{
    static WebhookProcessors::Factory factory;
    return factory;
}

} // namespace

namespace WebhookProcessors {

void setFactory(Factory factory)
{
    const QMutexLocker locker(&factoryMutex);
    registered() = std::move(factory);
}

std::unique_ptr<WebhookProcessor> create()
{
    const QMutexLocker locker(&factoryMutex);
    if (registered())
        return registered()();
    return std::make_unique<IgnoringWebhookProcessor>();
}

} // namespace WebhookProcessors

WebhookProcessor::Outcome IgnoringWebhookProcessor::process(QSqlDatabase &db,
                                                            const WebhookEvent &event)
{
    Q_UNUSED(db)
    Q_UNUSED(event)
    Outcome outcome;
    outcome.result = Result::Ignored;
    return outcome;
}
