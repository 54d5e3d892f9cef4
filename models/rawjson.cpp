#include "rawjson.h"

#include <zstd.h>

namespace RawJson {
namespace {

// A fast negative level: about half the size of the JSON at several hundred MB/s, so that
// compressing raw records never becomes the slow step of a sync.
constexpr int CompressionLevel = -4;

struct Contexts
{
    ZSTD_CCtx *compress = ZSTD_createCCtx();
    ZSTD_DCtx *decompress = ZSTD_createDCtx();
    ~Contexts()
    {
        ZSTD_freeCCtx(compress);
        ZSTD_freeDCtx(decompress);
    }
};

// One set per thread: contexts are reused across records but never shared between threads.
Contexts &contexts()
{
    thread_local Contexts instance;
    return instance;
}

bool isZstdFrame(QByteArrayView data)
{
    return data.size() >= 4 && quint8(data[0]) == 0x28 && quint8(data[1]) == 0xb5 &&
           quint8(data[2]) == 0x2f && quint8(data[3]) == 0xfd;
}

} // namespace

QByteArray pack(QByteArrayView json)
{
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(json.size()))), Qt::Uninitialized);
    const size_t written = ZSTD_compressCCtx(contexts().compress, out.data(), size_t(out.size()),
                                             json.data(), size_t(json.size()), CompressionLevel);
    if (ZSTD_isError(written))
        return json.toByteArray(); // kept as text; unpack() reads both
    out.truncate(qsizetype(written));
    return out;
}

QByteArray unpack(const QVariant &stored)
{
    const QByteArray data = stored.toByteArray();
    if (!isZstdFrame(data))
        return data;
    const unsigned long long size = ZSTD_getFrameContentSize(data.constData(), size_t(data.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31))
        return {};
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    const size_t read = ZSTD_decompressDCtx(contexts().decompress, out.data(), size_t(out.size()),
                                            data.constData(), size_t(data.size()));
    if (ZSTD_isError(read))
        return {};
    out.truncate(qsizetype(read));
    return out;
}

} // namespace RawJson
