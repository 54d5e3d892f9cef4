#include "engine/zipreader.h"

#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

namespace {

// An archive written by Python's zipfile: "export/Survey.json" deflated, "notes.txt" stored.
const QByteArray standardArchive = QByteArray::fromHex(
    "504b03041400000008000048625ce189e6ea220000006c000000120000006578706f72742f5375727665792e6a"
    "736f6eab562a4a2d2ec8cf2b4e2d56b28aae86f33c5394ac9482e20d956a636baba9a40600504b030414000000"
    "00000048625cb501af0f0b0000000b000000090000006e6f7465732e74787473746f7265642074657874504b01"
    "0214031400000008000048625ce189e6ea220000006c0000001200000000000000000000008001000000006578"
    "706f72742f5375727665792e6a736f6e504b010214031400000000000048625cb501af0f0b0000000b00000009"
    "00000000000000000000008001520000006e6f7465732e747874504b05060000000002000200770000008400"
    "00000000");

void put16(QByteArray &out, quint32 value)
{
    out.append(char(value & 0xff)).append(char((value >> 8) & 0xff));
}

void put32(QByteArray &out, quint32 value)
{
    put16(out, value & 0xffff);
    put16(out, value >> 16);
}

void put64(QByteArray &out, quint64 value)
{
    put32(out, quint32(value & 0xffffffff));
    put32(out, quint32(value >> 32));
}

QByteArray rawDeflate(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

// Writes archives the way ZIP tools do, with knobs to produce the faults a reader must
// survive: a size that lies, a wrong checksum, another method, the encryption flag, ZIP64.
struct ZipWriter
{
    struct File
    {
        QString name;
        QByteArray contents;
        bool deflate = true;
        qint64 declaredSize = -1; // -1: the real size
        bool wrongCrc = false;
        quint16 method = 0xffff; // 0xffff: from deflate
        quint16 flags = 0x0800;  // UTF-8 names
    };
    QList<File> files;
    bool zip64 = false;

    QByteArray write() const
    {
        QByteArray out;
        QByteArray directory;
        for (const File &file : files) {
            const QByteArray data = file.deflate ? rawDeflate(file.contents) : file.contents;
            const quint16 method = file.method != 0xffff ? file.method : (file.deflate ? 8 : 0);
            quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef *>(file.contents.data()),
                                        uInt(file.contents.size())));
            if (file.wrongCrc)
                crc ^= 0x5a5a5a5a;
            const quint64 size =
                file.declaredSize >= 0 ? quint64(file.declaredSize) : quint64(file.contents.size());
            const QByteArray name = file.name.toUtf8();
            const quint64 offset = quint64(out.size());
            put32(out, 0x04034b50);
            put16(out, 20);
            put16(out, file.flags);
            put16(out, method);
            put32(out, 0);
            put32(out, crc);
            put32(out, quint32(data.size()));
            put32(out, quint32(size));
            put16(out, quint32(name.size()));
            put16(out, 0);
            out.append(name).append(data);

            QByteArray extra;
            if (zip64) {
                put16(extra, 0x0001);
                put16(extra, 24);
                put64(extra, size);
                put64(extra, quint64(data.size()));
                put64(extra, offset);
            }
            put32(directory, 0x02014b50);
            put16(directory, 45);
            put16(directory, 45);
            put16(directory, file.flags);
            put16(directory, method);
            put32(directory, 0);
            put32(directory, crc);
            put32(directory, zip64 ? 0xffffffff : quint32(data.size()));
            put32(directory, zip64 ? 0xffffffff : quint32(size));
            put16(directory, quint32(name.size()));
            put16(directory, quint32(extra.size()));
            put16(directory, 0);
            put16(directory, 0);
            put16(directory, 0);
            put32(directory, 0);
            put32(directory, zip64 ? 0xffffffff : quint32(offset));
            directory.append(name).append(extra);
        }
        const quint64 directoryOffset = quint64(out.size());
        out.append(directory);
        if (zip64) {
            const quint64 record = quint64(out.size());
            put32(out, 0x06064b50);
            put64(out, 44);
            put16(out, 45);
            put16(out, 45);
            put32(out, 0);
            put32(out, 0);
            put64(out, quint64(files.size()));
            put64(out, quint64(files.size()));
            put64(out, quint64(directory.size()));
            put64(out, directoryOffset);
            put32(out, 0x07064b50);
            put32(out, 0);
            put64(out, record);
            put32(out, 1);
        }
        put32(out, 0x06054b50);
        put16(out, 0);
        put16(out, 0);
        put16(out, zip64 ? 0xffff : quint32(files.size()));
        put16(out, zip64 ? 0xffff : quint32(files.size()));
        put32(out, zip64 ? 0xffffffff : quint32(directory.size()));
        put32(out, zip64 ? 0xffffffff : quint32(directoryOffset));
        put16(out, 0);
        return out;
    }
};

QByteArray exportText(int lines)
{
    QByteArray text;
    for (int i = 0; i < lines; ++i)
        text += "{\"responseId\":\"R_" + QByteArray::number(i) +
                "\",\"values\":{\"QID1\":" + QByteArray::number(i % 11) + "}}\n";
    return text;
}

} // namespace

class TestZipReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsAnArchiveOfAStandardTool();
    void readsStoredAndDeflatedEntries();
    void readsLargeEntriesInPieces();
    void readsZip64Archives();
    void rejectsDataThatIsNoArchive();
    void rejectsEveryTruncation();
    void rejectsCorruptData();
    void rejectsAWrongChecksum();
    void refusesEntriesAboveTheLimit();
    void refusesDataThatExpandsBeyondItsDeclaredSize();
    void refusesEncryptedAndUnknownMethods();
    void refusesTooManyEntries();
    void stopsWhenTheSinkSaysSo();
};

void TestZipReader::readsAnArchiveOfAStandardTool()
{
    ZipReader zip(standardArchive);
    QString error;
    QVERIFY2(zip.open(&error), qPrintable(error));
    QCOMPARE(zip.entries().size(), 2);
    const ZipReader::Entry *json = zip.find(QStringLiteral("export/Survey.json"));
    QVERIFY(json);
    QCOMPARE(json->method, quint16(8));
    QByteArray contents;
    QVERIFY2(zip.readAll(*json, &contents, &error), qPrintable(error));
    QCOMPARE(contents, QByteArray("{\"responses\":[{\"responseId\":\"R_1\"}]}").repeated(3));
    const ZipReader::Entry *notes = zip.find(QStringLiteral("notes.txt"));
    QVERIFY(notes);
    QCOMPARE(notes->method, quint16(0));
    QVERIFY2(zip.readAll(*notes, &contents, &error), qPrintable(error));
    QCOMPARE(contents, QByteArray("stored text"));
    QVERIFY(!zip.find(QStringLiteral("missing.json")));
}

void TestZipReader::readsStoredAndDeflatedEntries()
{
    ZipWriter writer;
    writer.files.append({QStringLiteral("dir/"), QByteArray(), false});
    writer.files.append({QStringLiteral("résumé.ndjson"), exportText(40), true});
    writer.files.append({QStringLiteral("plain.txt"), QByteArray("as it is"), false});
    writer.files.append({QStringLiteral("empty.json"), QByteArray(), true});
    ZipReader zip(writer.write());
    QString error;
    QVERIFY2(zip.open(&error), qPrintable(error));
    QCOMPARE(zip.entries().size(), 4);
    QVERIFY(zip.entries().at(0).isDirectory());
    QCOMPARE(zip.entries().at(1).name, QStringLiteral("résumé.ndjson"));
    QByteArray contents;
    QVERIFY2(zip.readAll(zip.entries().at(1), &contents, &error), qPrintable(error));
    QCOMPARE(contents, exportText(40));
    QVERIFY(zip.entries().at(1).compressedSize < zip.entries().at(1).size);
    QVERIFY2(zip.readAll(zip.entries().at(2), &contents, &error), qPrintable(error));
    QCOMPARE(contents, QByteArray("as it is"));
    QVERIFY2(zip.readAll(zip.entries().at(3), &contents, &error), qPrintable(error));
    QVERIFY(contents.isEmpty());
}

void TestZipReader::readsLargeEntriesInPieces()
{
    QByteArray big = exportText(60000); // about 2.5 MB
    QByteArray noise(300000, Qt::Uninitialized);
    QRandomGenerator random(7);
    for (char &c : noise)
        c = char(random.bounded(256));
    big += noise; // a part that does not compress
    ZipWriter writer;
    writer.files.append({QStringLiteral("big.json"), big, true});
    ZipReader zip(writer.write());
    QString error;
    QVERIFY2(zip.open(&error), qPrintable(error));
    QByteArray joined;
    int pieces = 0;
    qsizetype largest = 0;
    QVERIFY2(zip.read(
                 zip.entries().first(),
                 [&](QByteArrayView chunk) {
                     ++pieces;
                     largest = qMax(largest, chunk.size());
                     joined.append(chunk);
                     return true;
                 },
                 &error),
             qPrintable(error));
    QCOMPARE(joined.size(), big.size());
    QVERIFY(joined == big);
    QVERIFY(pieces > 1);
    QVERIFY(largest <= ZipReader::chunkBytes);
}

void TestZipReader::readsZip64Archives()
{
    ZipWriter writer;
    writer.zip64 = true;
    writer.files.append({QStringLiteral("a.json"), exportText(10), true});
    writer.files.append({QStringLiteral("b.txt"), QByteArray("second"), false});
    ZipReader zip(writer.write());
    QString error;
    QVERIFY2(zip.open(&error), qPrintable(error));
    QCOMPARE(zip.entries().size(), 2);
    QCOMPARE(zip.entries().at(0).size, quint64(exportText(10).size()));
    QByteArray contents;
    QVERIFY2(zip.readAll(zip.entries().at(1), &contents, &error), qPrintable(error));
    QCOMPARE(contents, QByteArray("second"));
    QVERIFY2(zip.readAll(zip.entries().at(0), &contents, &error), qPrintable(error));
    QCOMPARE(contents, exportText(10));
}

void TestZipReader::rejectsDataThatIsNoArchive()
{
    for (const QByteArray &data :
         {QByteArray(), QByteArray("{\"responses\":[]}"), QByteArray(4096, 'x')}) {
        ZipReader zip(data);
        QString error;
        QVERIFY(!zip.open(&error));
        QCOMPARE(error, QStringLiteral("the data is not a ZIP archive"));
        QVERIFY(zip.entries().isEmpty());
    }
}

void TestZipReader::rejectsEveryTruncation()
{
    ZipWriter writer;
    writer.files.append({QStringLiteral("a.json"), exportText(200), true});
    writer.files.append({QStringLiteral("b.txt"), QByteArray("stored contents"), false});
    const QByteArray whole = writer.write();
    // Cut anywhere, the archive is refused with a reason; nothing is read from it.
    for (qsizetype length = 0; length < whole.size(); ++length) {
        ZipReader zip(whole.left(length));
        QString error;
        bool ok = zip.open(&error);
        QByteArray contents;
        for (const ZipReader::Entry &entry : zip.entries())
            ok = ok && zip.readAll(entry, &contents, &error);
        QVERIFY2(!ok, qPrintable(
                          QStringLiteral("accepted %1 of %2 bytes").arg(length).arg(whole.size())));
        QVERIFY2(error.contains(QStringLiteral("truncated")) ||
                     error.contains(QStringLiteral("not a ZIP archive")),
                 qPrintable(QStringLiteral("%1 bytes: %2").arg(length).arg(error)));
    }
}

void TestZipReader::rejectsCorruptData()
{
    ZipWriter writer;
    writer.files.append({QStringLiteral("a.json"), exportText(300), true});
    const QByteArray whole = writer.write();
    const ZipReader::Entry entry = [&] {
        ZipReader zip(whole);
        QString error;
        zip.open(&error);
        return zip.entries().first();
    }();
    const qsizetype dataStart = 30 + entry.name.size();
    // Damage bytes inside the compressed data, one at a time.
    int refused = 0;
    for (qsizetype at = dataStart; at < dataStart + qsizetype(entry.compressedSize); at += 37) {
        QByteArray damaged = whole;
        damaged[at] = char(damaged[at] ^ 0x55);
        ZipReader zip(damaged);
        QString error;
        QVERIFY2(zip.open(&error), qPrintable(error));
        QByteArray contents;
        QVERIFY(!zip.readAll(zip.entries().first(), &contents, &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")) ||
                     error.contains(QStringLiteral("beyond its declared size")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("a.json")), qPrintable(error));
        ++refused;
    }
    QVERIFY(refused > 3);

    // A damaged central directory.
    QByteArray directory = whole;
    const qsizetype central = directory.indexOf(QByteArray("PK\x01\x02", 4));
    QVERIFY(central > 0);
    directory[central + 1] = 'X';
    ZipReader zip(directory);
    QString error;
    QVERIFY(!zip.open(&error));
    QVERIFY2(error.contains(QStringLiteral("central directory")), qPrintable(error));
}

void TestZipReader::rejectsAWrongChecksum()
{
    ZipWriter writer;
    ZipWriter::File file{QStringLiteral("a.json"), exportText(5), true};
    file.wrongCrc = true;
    writer.files.append(file);
    ZipWriter::File stored{QStringLiteral("b.txt"), QByteArray("plain"), false};
    stored.wrongCrc = true;
    writer.files.append(stored);
    ZipReader zip(writer.write());
    QString error;
    QVERIFY2(zip.open(&error), qPrintable(error));
    QByteArray contents;
    for (const ZipReader::Entry &entry : zip.entries()) {
        QVERIFY(!zip.readAll(entry, &contents, &error));
        QVERIFY2(error.contains(QStringLiteral("does not match its checksum")), qPrintable(error));
    }
}

void TestZipReader::refusesEntriesAboveTheLimit()
{
    ZipWriter writer;
    writer.files.append({QStringLiteral("a.json"), exportText(2000), true});
    ZipReader::Limits limits;
    limits.maxEntryBytes = 10000;
    ZipReader zip(writer.write(), limits);
    QString error;
    QVERIFY2(zip.open(&error), qPrintable(error));
    QByteArray contents;
    QVERIFY(!zip.readAll(zip.entries().first(), &contents, &error));
    QVERIFY2(error.contains(QStringLiteral("more than the")), qPrintable(error));
    QVERIFY(contents.isEmpty());
}

void TestZipReader::refusesDataThatExpandsBeyondItsDeclaredSize()
{
    // 50 MB of zeros in a few tens of kilobytes, declared as 1 KB: a bomb.
    ZipWriter writer;
    ZipWriter::File bomb{QStringLiteral("bomb.json"), QByteArray(50 * 1024 * 1024, '\0'), true};
    bomb.declaredSize = 1024;
    writer.files.append(bomb);
    const QByteArray archive = writer.write();
    QVERIFY(archive.size() < 200 * 1024);
    ZipReader zip(archive);
    QString error;
    QVERIFY2(zip.open(&error), qPrintable(error));
    qsizetype received = 0;
    QVERIFY(!zip.read(
        zip.entries().first(),
        [&](QByteArrayView chunk) {
            received += chunk.size();
            return true;
        },
        &error));
    QVERIFY2(error.contains(QStringLiteral("expands beyond its declared size")), qPrintable(error));
    QVERIFY(received <= 1024);

    // Declared honestly, it is refused by the limit before anything is inflated.
    writer.files.first().declaredSize = -1;
    ZipReader::Limits limits;
    limits.maxEntryBytes = 10 * 1024 * 1024;
    ZipReader honest(writer.write(), limits);
    QVERIFY2(honest.open(&error), qPrintable(error));
    QByteArray contents;
    QVERIFY(!honest.readAll(honest.entries().first(), &contents, &error));
    QVERIFY2(error.contains(QStringLiteral("would expand to")), qPrintable(error));
}

void TestZipReader::refusesEncryptedAndUnknownMethods()
{
    ZipWriter writer;
    ZipWriter::File encrypted{QStringLiteral("secret.json"), QByteArray("{}"), false};
    encrypted.flags |= 0x0001;
    writer.files.append(encrypted);
    ZipWriter::File bzip2{QStringLiteral("other.json"), QByteArray("{}"), false};
    bzip2.method = 12;
    writer.files.append(bzip2);
    ZipReader zip(writer.write());
    QString error;
    QVERIFY2(zip.open(&error), qPrintable(error));
    QByteArray contents;
    QVERIFY(!zip.readAll(zip.entries().at(0), &contents, &error));
    QVERIFY2(error.contains(QStringLiteral("\"secret.json\" in the ZIP archive is encrypted")),
             qPrintable(error));
    QVERIFY(!zip.readAll(zip.entries().at(1), &contents, &error));
    QVERIFY2(error.contains(QStringLiteral("compression method 12")), qPrintable(error));
}

void TestZipReader::refusesTooManyEntries()
{
    ZipWriter writer;
    for (int i = 0; i < 12; ++i)
        writer.files.append({QStringLiteral("f%1.txt").arg(i), QByteArray("x"), false});
    ZipReader::Limits limits;
    limits.maxEntries = 10;
    ZipReader zip(writer.write(), limits);
    QString error;
    QVERIFY(!zip.open(&error));
    QVERIFY2(error.contains(QStringLiteral("12 entries")), qPrintable(error));
}

void TestZipReader::stopsWhenTheSinkSaysSo()
{
    ZipWriter writer;
    writer.files.append({QStringLiteral("big.json"), exportText(50000), true});
    ZipReader zip(writer.write());
    QString error;
    QVERIFY2(zip.open(&error), qPrintable(error));
    int pieces = 0;
    QVERIFY(!zip.read(
        zip.entries().first(), [&](QByteArrayView) { return ++pieces < 2; }, &error));
    QCOMPARE(pieces, 2);
    QVERIFY2(error.contains(QStringLiteral("stopped")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestZipReader)
#include "tst_zipreader.moc"
