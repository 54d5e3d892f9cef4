#include "streamhook.h"

#include <QHash>
#include <QMutex>

bool StreamHook::prepareRequest(HttpRequest &, const Source &, const StreamSpec &, QString *)
{
    return true;
}

bool StreamHook::transformBody(QByteArray &, QString *)
{
    return true;
}

std::optional<HttpRequest> StreamHook::nextRequest(const HttpRequest &, const JsonRecord &, int,
                                                   QString *)
{
    return std::nullopt;
}

namespace StreamHooks {
namespace {

struct Registry
{
    QMutex mutex;
    QHash<QString, Factory> factories;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

} // namespace

void add(const QString &name, Factory factory)
{
    const QMutexLocker locker(&registry().mutex);
    registry().factories.insert(name, std::move(factory));
}

bool contains(const QString &name)
{
    const QMutexLocker locker(&registry().mutex);
    return registry().factories.contains(name);
}

QStringList names()
{
    const QMutexLocker locker(&registry().mutex);
    QStringList list = registry().factories.keys();
    list.sort();
    return list;
}

std::unique_ptr<StreamHook> create(const QString &name)
{
    Factory factory;
    {
        const QMutexLocker locker(&registry().mutex);
        factory = registry().factories.value(name);
    }
    return factory ? factory() : nullptr;
}

} // namespace StreamHooks
