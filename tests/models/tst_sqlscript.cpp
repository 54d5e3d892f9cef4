#include "sqlscript.h"

#include <QTest>

class TestSqlScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsPlainStatements();
    void keepsSemicolonsInsideQuotesAndComments();
    void keepsTriggerBodiesWhole();
};

void TestSqlScript::splitsPlainStatements()
{
    const QStringList statements = SqlScript::split(
        QStringLiteral("CREATE TABLE a (x);\n\n  INSERT INTO a VALUES (1) ;\nSELECT 1"));
    QCOMPARE(statements,
             QStringList({QStringLiteral("CREATE TABLE a (x)"),
                          QStringLiteral("INSERT INTO a VALUES (1)"), QStringLiteral("SELECT 1")}));
}

void TestSqlScript::keepsSemicolonsInsideQuotesAndComments()
{
    const QStringList statements =
        SqlScript::split(QStringLiteral("-- a comment; with a semicolon\n"
                                        "INSERT INTO a VALUES ('x;y', 'it''s; fine');\n"
                                        "/* block; comment */ SELECT \"odd;name\" FROM a;"));
    QCOMPARE(statements.size(), 2);
    QCOMPARE(statements.at(0), QStringLiteral("INSERT INTO a VALUES ('x;y', 'it''s; fine')"));
    QVERIFY(statements.at(1).endsWith(QStringLiteral("SELECT \"odd;name\" FROM a")));
}

void TestSqlScript::keepsTriggerBodiesWhole()
{
    const QStringList statements = SqlScript::split(
        QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                       "  INSERT INTO b VALUES (CASE WHEN new.x > 0 THEN 1 ELSE 0 END);\n"
                       "  DELETE FROM c;\n"
                       "END;\n"
                       "CREATE TABLE backend (x);"));
    QCOMPARE(statements.size(), 2);
    QVERIFY(statements.at(0).startsWith(QStringLiteral("CREATE TRIGGER t")));
    QVERIFY(statements.at(0).endsWith(QStringLiteral("END")));
    QVERIFY(statements.at(0).contains(QStringLiteral("DELETE FROM c;")));
    QCOMPARE(statements.at(1), QStringLiteral("CREATE TABLE backend (x)"));
}

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
