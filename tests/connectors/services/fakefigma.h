#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>

#include <memory>

// Figma's REST API as far as the connector uses it, answered with the shapes of Figma's
// OpenAPI description (figma/rest-api-spec):
//   GET /v1/projects/{id}/files        {"name": PROJECT, "files": [FILE...]}, unpaged
//   GET /v1/teams/{id}/components      {"status":200,"error":false,
//                                        "meta":{"components":[...],"cursor":{"before","after"}}}
// paged by page_size/after. Every request must carry X-Figma-Token; Figma answers a wrong
// token with 403 {"status":403,"err":"Invalid token"}, not 401.
class FakeFigma
{
public:
    FakeFigma(FakeHttpServer &server, const QByteArray &token, const QString &teamId);

    void setProjectName(const QString &projectId, const QString &name);
    // Adds or replaces file `key` of a project.
    void setFile(const QString &projectId, const QString &key, const QString &name,
                 const QDateTime &lastModified);
    // Adds or replaces a published component; a new one goes to the end of the library.
    void setComponent(const QString &key, const QString &name, const QDateTime &updatedAt,
                      const QString &fileKey = QStringLiteral("kLq8Wd3ZpR2mXn7TfVb1Ys"));

    QJsonObject file(const QString &key) const;
    QJsonObject component(const QString &key) const;
    int componentCount() const;

    static QString filesPath(const QString &projectId);
    QString componentsPath() const;

private:
    struct Component
    {
        qint64 position = 0; // Figma's internal cursor value: an integer that is no id
        QJsonObject object;
    };
    struct Data
    {
        mutable QMutex mutex;
        QByteArray token;
        QMap<QString, QString> projectNames;
        QMap<QString, QMap<QString, QJsonObject>> files; // project → key → file
        QList<Component> components;                     // in library order
        qint64 nextPosition = 1001;
    };
    static FakeHttpServer::Response refused();

    QString m_teamId;
    std::shared_ptr<Data> m_data;
};
