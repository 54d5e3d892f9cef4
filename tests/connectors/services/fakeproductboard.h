#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>
#include <optional>

// Productboard's public REST API v1, served by a FakeHttpServer the way the real one behaves:
// every request needs "Authorization: Bearer TOKEN" and "X-Version: 1". /features and
// /companies page with pageOffset/pageLimit and give the next page as links.next; /notes
// pages with a top-level pageCursor (absent on the last page), filters by updatedFrom and
// lists the newest notes first.
class FakeProductboard
{
public:
    struct Feature
    {
        QString id;
        QString name;
        QString status = QStringLiteral("In progress");
        QDate startDate; // the timeframe; unset dates are sent as "none"
        QDate endDate;
        QDateTime created;
        QDateTime updated;
    };

    struct Note
    {
        QString id;
        QString title;
        QString content;
        QString companyId;
        QString userId;
        QString origin; // e.g. "zendesk"; empty for a note written in Productboard
        QStringList featureIds;
        QStringList tags;
        QDateTime created;
        QDateTime updated;
    };

    struct Company
    {
        QString id;
        QString name;
        QString domain;
    };

    FakeProductboard(FakeHttpServer &server, const QByteArray &token);

    void setFeature(const Feature &feature); // adds, or replaces the one with the same id
    void setNote(const Note &note);
    void setCompany(const Company &company);
    // Imitates a reported bug of the notes list: its last page gives the first page's
    // cursor again instead of none.
    void setRepeatFirstCursorOnLastPage(bool repeat);
    // The next `times` answers to page `page` (1-based) of "features", "notes" or
    // "companies" get `response` instead.
    void failPage(const QString &resource, int page, const FakeHttpServer::Response &response,
                  int times = 1);

    QJsonObject note(const QString &id) const;
    QJsonObject feature(const QString &id) const;
    QJsonObject company(const QString &id) const;
    int requestCount(const QString &resource) const;

    // A Productboard-style error body: {"ok":false,"errors":[{"code","title","detail"}]}.
    static FakeHttpServer::Response error(int status, const QString &code, const QString &title,
                                          const QString &detail);

private:
    struct Data
    {
        mutable QMutex mutex;
        QByteArray authorization;
        QString api; // the base URL, for links
        QMap<QString, Feature> features;
        QMap<QString, Note> notes;
        QMap<QString, Company> companies;
        bool repeatFirstCursor = false;
        QMap<QString, QMap<int, QList<FakeHttpServer::Response>>> pageFaults;
        QMap<QString, int> requests;
    };

    static QJsonObject render(const Data &data, const Feature &feature);
    static QJsonObject render(const Note &note);
    static QJsonObject render(const Company &company);
    static FakeHttpServer::Response offsetPage(Data &data, const QString &resource,
                                               const FakeHttpServer::Request &request,
                                               const QList<QJsonObject> &records);
    static FakeHttpServer::Response notes(Data &data, const FakeHttpServer::Request &request);
    static std::optional<FakeHttpServer::Response> refuse(Data &data, const QString &resource,
                                                          const FakeHttpServer::Request &request);

    std::shared_ptr<Data> m_data;
};
