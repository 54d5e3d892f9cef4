#include "migration.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace Migrations {

QList<Migration> bundled()
{
    static const QList<Migration> migrations = [] {
        QList<Migration> list;
        static const QRegularExpression fileName(QStringLiteral(R"(^(\d{4})_(\w+)\.sql$)"));
        const QDir dir(QStringLiteral(":/migrations"));
        for (const QString &entry : dir.entryList({QStringLiteral("*.sql")}, QDir::Files)) {
            const auto match = fileName.match(entry);
            if (!match.hasMatch())
                qFatal("Migration resource with a malformed name: %s", qPrintable(entry));
            QFile file(dir.filePath(entry));
            if (!file.open(QIODevice::ReadOnly))
                qFatal("Cannot read migration resource %s", qPrintable(entry));
            list.append(
                {match.captured(1).toInt(), match.captured(2), QString::fromUtf8(file.readAll())});
        }
        std::sort(list.begin(), list.end(),
                  [](const Migration &a, const Migration &b) { return a.version < b.version; });
        return list;
    }();
    return migrations;
}

int latestBundledVersion()
{
    const auto list = bundled();
    return list.isEmpty() ? 0 : list.last().version;
}

} // namespace Migrations
