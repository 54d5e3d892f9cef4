#include "secretstore.h"

QString SecretStore::key(qint64 sourceId, const QString &name)
{
    // Built by concatenation rather than arg() so a name containing "%1" stays as it is.
    return QString(u"source/" + QString::number(sourceId) + u'/' + name);
}

bool SecretStore::parseKey(const QString &key, qint64 *sourceId, QString *name)
{
    const QStringView view(key);
    if (!view.startsWith(u"source/"))
        return false;
    const qsizetype idStart = 7;
    const qsizetype slash = key.indexOf(u'/', idStart);
    if (slash <= idStart || slash == key.size() - 1)
        return false;
    bool ok = false;
    const qint64 id = view.mid(idStart, slash - idStart).toLongLong(&ok);
    if (!ok)
        return false;
    if (sourceId)
        *sourceId = id;
    if (name)
        *name = key.mid(slash + 1);
    return true;
}
