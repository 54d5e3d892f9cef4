#include "kindicon.h"

#include <QFont>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

class MarkEngine : public QIconEngine
{
public:
    MarkEngine(const QString &letter, const QColor &color)
        : m_letter(letter)
        , m_color(color)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor fill = m_color;
        if (mode == QIcon::Disabled)
            fill.setAlphaF(0.4);
        const QRectF box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath path;
        path.addRoundedRect(box, box.width() * 0.22, box.height() * 0.22);
        painter->fillPath(path, fill);
        QFont font = painter->font();
        font.setPixelSize(qMax(6, int(box.height() * 0.58)));
        font.setWeight(QFont::DemiBold);
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(box, Qt::AlignCenter, m_letter);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap result = pixmap(size * scale, mode, state);
        result.setDevicePixelRatio(scale);
        return result;
    }

    QIconEngine *clone() const override { return new MarkEngine(m_letter, m_color); }

private:
    QString m_letter;
    QColor m_color;
};

} // namespace

namespace KindIcon {

QColor categoryColor(const QString &category)
{
    if (category == QLatin1String("product"))
        return QColor(0x7c, 0x4d, 0xff);
    if (category == QLatin1String("engineering"))
        return QColor(0x1e, 0x88, 0xe5);
    if (category == QLatin1String("analytics"))
        return QColor(0x00, 0x89, 0x7b);
    if (category == QLatin1String("crm"))
        return QColor(0xef, 0x6c, 0x00);
    if (category == QLatin1String("marketing"))
        return QColor(0xd8, 0x1b, 0x60);
    if (category == QLatin1String("design"))
        return QColor(0x8e, 0x24, 0xaa);
    if (category == QLatin1String("documents"))
        return QColor(0x54, 0x6e, 0x7a);
    return QColor(0x75, 0x75, 0x75);
}

QIcon forKind(const QString &title, const QString &category)
{
    const QString letter = title.isEmpty() ? QStringLiteral("?") : title.left(1).toUpper();
    return QIcon(new MarkEngine(letter, categoryColor(category)));
}

} // namespace KindIcon
