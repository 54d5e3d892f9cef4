#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>

// Mailchimp's Marketing API campaign list as the connector uses it: GET {base}/campaigns with
// count (at most 1000) and offset, status, since_create_time or since_send_time (ISO 8601,
// strictly after), sort_field (create_time, send_time) and sort_dir; answers
// {"campaigns":[...],"total_items":N,"_links":[...]}. The API key is accepted as a bearer
// token or as the password of Basic auth; anything else gets Mailchimp's problem document
// "API Key Invalid" (401).
class FakeMailchimp
{
public:
    // basePath is where the API lives on the fake, e.g. "/3.0" or "/us21/3.0".
    FakeMailchimp(FakeHttpServer &server, const QByteArray &apiKey,
                  const QString &basePath = QStringLiteral("/3.0"));

    // A campaign in the list's shape; a sent one carries a report_summary. An invalid sent
    // time leaves send_time empty, as for drafts.
    static QJsonObject campaign(const QString &id, const QString &title, const QString &status,
                                const QDateTime &created, const QDateTime &sent = {});
    void setCampaign(const QJsonObject &campaign); // adds or replaces by id

    QStringList sinceCreateTimes() const; // the since_create_time values received, in order
    QStringList sinceSendTimes() const;
    static QString time(const QDateTime &when); // Mailchimp's form: 2026-03-02T09:00:00+00:00

private:
    struct Data
    {
        mutable QMutex mutex;
        QByteArray apiKey;
        QMap<QString, QJsonObject> campaigns;
        QStringList sinceCreate;
        QStringList sinceSend;
    };
    static FakeHttpServer::Response problem(int status, const QString &title,
                                            const QString &detail);
    static FakeHttpServer::Response list(Data &data, const FakeHttpServer::Request &request);

    std::shared_ptr<Data> m_data;
};
