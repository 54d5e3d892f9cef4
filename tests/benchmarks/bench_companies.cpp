// Times company matching as a sync does it, and the Companies page's read of them.
//   bench_companies [--companies N] [--runs N]
// Files N accounts from a CRM, then N companies from a product board of which half share the
// CRM's domain, a quarter only its name under another legal form and a quarter are new; then
// lists every company with its identifiers and counts, and searches them.

#include "benchtiming.h"
#include "companies/companystore.h"
#include "companylinker.h"
#include "database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("companies"),
                                         QStringLiteral("Companies per service."),
                                         QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per read."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({countOption, runsOption});
    parser.process(app);
    QTextStream out(stdout);
    const int count = qMax(4, parser.value(countOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());

    QTemporaryDir dir;
    auto opened = Database::open(Workspace(dir.path()));
    if (!opened.database) {
        QTextStream(stderr) << opened.message << Qt::endl;
        return 1;
    }
    QSqlDatabase db = opened.database->connection();
    QSqlQuery query(db);
    for (const char *kind : {"salesforce", "productboard"})
        query.exec(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES ('%1', "
                                  "'%1', '2026-01-01T00:00:00Z')")
                       .arg(QLatin1String(kind)));
    CompanyLinker linker(db);
    QString error;
    const auto fileAll = [&](qint64 source, bool board) {
        QElapsedTimer timer;
        timer.start();
        db.transaction();
        for (int n = 0; n < count; ++n) {
            CompanyLinker::Record record;
            record.externalId = QStringLiteral("%1-%2")
                                    .arg(board ? QLatin1String("pb") : QLatin1String("001"))
                                    .arg(n);
            record.name = QStringLiteral("Customer %1 Inc.").arg(n);
            record.domain = QStringLiteral("https://www.customer%1.example/").arg(n);
            if (board && n % 4 == 2) {
                record.name = QStringLiteral("customer %1 GmbH").arg(n);
                record.domain.clear();
            } else if (board && n % 4 == 3) {
                record.name = QStringLiteral("Prospect %1").arg(n);
                record.domain = QStringLiteral("prospect%1.example").arg(n);
            }
            if (!linker.link(source, record, &error))
                return -1.0;
        }
        db.commit();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    const double crm = fileAll(1, false);
    const double board = fileAll(2, true);
    if (crm < 0 || board < 0) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    out << "companies per service: " << count << Qt::endl;
    out << "file CRM accounts (all new):        " << crm << " ms, " << crm * 1000.0 / count
        << " us per record" << Qt::endl;
    out << "file board companies (matched):     " << board << " ms, " << board * 1000.0 / count
        << " us per record" << Qt::endl;

    qsizetype listed = 0;
    const double list = medianMs(runs, [&] {
        const auto companies = CompanyStore::list(db, {}, &error);
        listed = companies ? companies->size() : -1;
        return companies.has_value();
    });
    out << "list every company (" << listed << "):       " << list << " ms median" << Qt::endl;
    const double search = medianMs(runs, [&] {
        return CompanyStore::list(db, QStringLiteral("customer 12"), &error).has_value();
    });
    out << "search \"customer 12\":               " << search << " ms median" << Qt::endl;
    return 0;
}
