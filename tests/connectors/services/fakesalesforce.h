#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>

// Salesforce's REST query resource as the connector uses it:
//   GET /services/data/vNN.0/query?q=SELECT ... FROM Object WHERE SystemModstamp > T ORDER BY
//   SystemModstamp ASC
// answering {"totalSize","done","nextRecordsUrl","records":[...]} in batches, with the rest
// behind nextRecordsUrl (a path relative to the instance). It checks the bearer token (401
// INVALID_SESSION_ID), reads the SOQL (400 MALFORMED_QUERY for anything else) and applies its
// SystemModstamp filter, so the literal the client sent is what decides the answer.
class FakeSalesforce
{
public:
    FakeSalesforce(FakeHttpServer &server, const QByteArray &token,
                   const QString &version = QStringLiteral("62.0"));

    void setBatchSize(int size);
    // Adds or replaces a record of an sObject type ("Account", "Opportunity"); fields by API
    // name, without Id, attributes and SystemModstamp, which the fake adds.
    void setRecord(const QString &type, const QString &id, const QJsonObject &fields,
                   const QDateTime &modified);
    QStringList queries() const;                  // every SOQL text received, in order
    static QString sfTime(const QDateTime &when); // 2026-03-02T09:00:00.000+0000

private:
    struct Record
    {
        QJsonObject object;
        QDateTime modified;
    };
    struct Data
    {
        mutable QMutex mutex;
        QByteArray token;
        QString version;
        int batchSize = 2000;
        QMap<QString, QMap<QString, Record>> records; // type -> id -> record
        QMap<QString, QList<QJsonObject>> locators;   // query locator -> the rows still to send
        QStringList queries;
        int nextLocator = 1;
    };
    static FakeHttpServer::Response error(int status, const char *code, const QString &message);
    static FakeHttpServer::Response batch(Data &data, const QString &locator,
                                          QList<QJsonObject> rows, int total);

    std::shared_ptr<Data> m_data;
};
