#include "personaldata.h"

#include <QSet>

namespace {

QString normalised(const QString &name)
{
    QString key = name.trimmed().toLower();
    key.replace(QLatin1Char(' '), QLatin1Char('_'));
    key.replace(QLatin1Char('-'), QLatin1Char('_'));
    return key;
}

// Columns that name a person wherever they appear. "name" is not here: most tables' names
// are of features, companies or campaigns.
const QSet<QString> &personalKeys()
{
    static const QSet<QString> keys = {
        QStringLiteral("author"),    QStringLiteral("email"),      QStringLiteral("e_mail"),
        QStringLiteral("assignee"),  QStringLiteral("owner"),      QStringLiteral("reporter"),
        QStringLiteral("user_name"), QStringLiteral("user_email"), QStringLiteral("contact"),
        QStringLiteral("person"),
    };
    return keys;
}

// Table columns whose meaning depends on the table: a user's name is a person's name.
const QSet<QString> &personalTableColumns()
{
    static const QSet<QString> columns = {
        QStringLiteral("users.name"),          QStringLiteral("users.email"),
        QStringLiteral("users.external_id"),   QStringLiteral("feedback.author"),
        QStringLiteral("work_items.assignee"),
    };
    return columns;
}

} // namespace

namespace PersonalData {

bool isPersonal(const QString &table, const QString &column)
{
    return personalTableColumns().contains(normalised(table) + QLatin1Char('.') +
                                           normalised(column)) ||
           isPersonalKey(column);
}

bool isPersonalKey(const QString &keyOrTitle)
{
    return personalKeys().contains(normalised(keyOrTitle));
}

QList<bool> personalColumns(const QStringList &keysOrTitles)
{
    bool withEmail = false;
    for (const QString &key : keysOrTitles) {
        const QString name = normalised(key);
        withEmail = withEmail || name == QLatin1String("email") || name == QLatin1String("e_mail");
    }
    QList<bool> personal;
    for (const QString &key : keysOrTitles)
        personal.append(isPersonalKey(key) ||
                        (withEmail && normalised(key) == QLatin1String("name")));
    return personal;
}

} // namespace PersonalData
